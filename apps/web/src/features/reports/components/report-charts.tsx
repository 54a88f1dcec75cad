import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/*
 * Every chart here is decoration for sighted readers: the table beside it carries the same numbers for screen
 * readers, keyboards and print, so the chart frame is aria-hidden and the charts leave out recharts' keyboard layer
 * (a focusable SVG inside an aria-hidden frame would trap screen-reader users). This module is imported only by the
 * report routes' screens, which keeps recharts out of the sign-in bundle.
 */

export interface ChartDatum {
  label: string;
  /** The bar's length; a suppressed count draws as 0. */
  value: number;
  /** What the bar's label reads: the formatted count, "<11", a percentage. */
  display: string;
}

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const AXIS_FONT = { fontSize: 12 };
/** A zero or hidden ("<11") bar still draws a sliver, so its label shows beside the axis. */
const MIN_BAR = 2;
const LABEL_MAX = 24;

/** Room for the category names beside a horizontal bar chart: as long as the longest one needs, within bounds. */
function categoryAxisWidth(labels: string[], narrow: boolean): number {
  const longest = Math.max(0, ...labels.map((label) => Math.min(label.length, LABEL_MAX)));
  return Math.round(Math.min(narrow ? 110 : 170, Math.max(48, longest * 6.4 + 12)));
}

/**
 * The height of one category of a horizontal bar chart: its name, shortened, wraps at spaces within the axis (a line
 * holds about the axis width less 30 px, at up to 7.5 px a character at 12 px; better one line too many than names
 * drawn over each other, as a fixed 30 px row did on a phone), 14 px a line.
 */
function categoryRowHeight(labels: string[], narrow: boolean, least = 30): number {
  const perLine = Math.max(1, Math.floor((categoryAxisWidth(labels, narrow) - 30) / 7.5));
  const lines = (label: string) => {
    let count = 1;
    let used = 0;
    for (const word of truncate(label, LABEL_MAX).split(/\s+/)) {
      if (used > 0 && used + 1 + word.length > perLine) {
        count += 1;
        used = word.length;
      } else used += (used > 0 ? 1 : 0) + word.length;
    }
    return count;
  };
  return Math.max(least, Math.max(0, ...labels.map(lines)) * 14 + 4);
}

/** Phones get the layouts that keep category names readable. */
/** The category axis of a horizontal bar chart: every label, shortened, in the width the longest one needs. */
function labelAxis(labels: string[], narrow: boolean): ReactElement {
  return (
    <YAxis
      type="category"
      dataKey="label"
      width={categoryAxisWidth(labels, narrow)}
      tick={AXIS_FONT}
      interval={0}
      tickFormatter={(v: string) => truncate(v, LABEL_MAX)}
    />
  );
}

const useNarrow = () => useMediaQuery('(max-width: 40em)') ?? false;

function ChartFrame({ height, children }: { height: number; children: ReactElement }) {
  return (
    <div className="report-chart" aria-hidden="true" style={{ width: '100%', height, minWidth: 0 }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The palette of the series: Mantine's shade 7, dark enough to read on white. */
export function useChartColors() {
  const { colors } = useMantineTheme();
  return {
    primary: colors.blue[7],
    positive: colors.teal[7],
    negative: colors.red[7],
    neutral: colors.gray[5],
    series: [colors.blue[7], colors.teal[7], colors.orange[7], colors.grape[7], colors.gray[6]],
  };
}

/** One bar per category, categories down the side so long names fit a phone. */
export function CategoryBarChart({ data, percent = false }: { data: ChartDatum[]; percent?: boolean }) {
  const colors = useChartColors();
  const narrow = useNarrow();
  const labels = data.map((d) => d.label);
  const height = Math.max(120, data.length * categoryRowHeight(labels, narrow) + 30);
  return (
    <ChartFrame height={height}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis
          type="number"
          tick={AXIS_FONT}
          allowDecimals={false}
          domain={percent ? [0, 1] : [0, 'auto']}
          tickFormatter={percent ? (v: number) => `${Math.round(v * 100)}%` : undefined}
        />
        {labelAxis(labels, narrow)}
        <Tooltip formatter={(_value, _name, item) => (item.payload as ChartDatum).display} />
        <Bar dataKey="value" fill={colors.primary} isAnimationActive={false} name=" " minPointSize={MIN_BAR}>
          <LabelList dataKey="display" position="right" style={AXIS_FONT} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** Counts over time, oldest first. */
export function PeriodBarChart({ data }: { data: ChartDatum[] }) {
  const colors = useChartColors();
  return (
    <ChartFrame height={240}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 20, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={AXIS_FONT} interval="preserveStartEnd" minTickGap={8} />
        <YAxis tick={AXIS_FONT} allowDecimals={false} width={40} />
        <Tooltip formatter={(_value, _name, item) => (item.payload as ChartDatum).display} />
        <Bar dataKey="value" fill={colors.primary} isAnimationActive={false} name=" " minPointSize={MIN_BAR}>
          {data.length <= 14 ? <LabelList dataKey="display" position="top" style={AXIS_FONT} /> : null}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** Several series per category, stacked (caseload aging, SLA met / missed / pending). */
export function StackedBarChart({
  data,
  series,
}: {
  data: ({ label: string } & Record<string, number | string>)[];
  series: ChartSeries[];
}) {
  const narrow = useNarrow();
  const labels = data.map((d) => d.label);
  const height = Math.max(140, data.length * categoryRowHeight(labels, narrow) + 70);
  return (
    <ChartFrame height={height}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" tick={AXIS_FONT} allowDecimals={false} />
        {labelAxis(labels, narrow)}
        <Tooltip />
        <Legend wrapperStyle={AXIS_FONT} itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="a"
            fill={s.color}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/**
 * Relative rate index per group, one bar per measure, against the reference (1) and the flags (0.67 and 1.5).
 * An index the report cannot compute draws no bar.
 */
export function RriChart({
  data,
  series,
  low,
  high,
}: {
  data: ({ label: string } & Record<string, number | string | null>)[];
  series: ChartSeries[];
  low: number;
  high: number;
}) {
  const colors = useChartColors();
  const narrow = useNarrow();
  const lines = [
    <ReferenceLine key="1" {...(narrow ? { x: 1 } : { y: 1 })} stroke={colors.neutral} />,
    <ReferenceLine
      key="high"
      {...(narrow ? { x: high } : { y: high })}
      stroke={colors.negative}
      strokeDasharray="4 4"
    />,
    <ReferenceLine
      key="low"
      {...(narrow ? { x: low } : { y: low })}
      stroke={colors.negative}
      strokeDasharray="4 4"
    />,
  ];
  const bars = series.map((s) => (
    <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
  ));
  const domain: [number, (max: number) => number] = [0, (max) => Math.max(2, Math.ceil(max))];
  const labels = data.map((d) => d.label);
  const narrowRow = categoryRowHeight(labels, true, series.length * 7 + 18);
  if (narrow)
    return (
      <ChartFrame height={Math.max(200, data.length * narrowRow + 80)}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 12, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tick={AXIS_FONT} domain={domain} />
          {labelAxis(labels, true)}
          <Legend wrapperStyle={AXIS_FONT} itemSorter={null} />
          {lines}
          {bars}
        </BarChart>
      </ChartFrame>
    );
  return (
    <ChartFrame height={260}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={AXIS_FONT} interval={0} tickFormatter={(v: string) => truncate(v, 16)} />
        <YAxis tick={AXIS_FONT} width={36} domain={domain} />
        <Tooltip />
        <Legend wrapperStyle={AXIS_FONT} itemSorter={null} />
        {lines}
        {bars}
      </BarChart>
    </ChartFrame>
  );
}
