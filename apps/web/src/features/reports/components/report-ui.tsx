import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReportCell, ReportCount, ReportRate } from '@pathways/contracts';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryBarChart, type ChartDatum } from './report-charts';
import type { ReportFormat } from './report-format';

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

export const NUMERIC: CSSProperties = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' };

/** A section of the report: its own heading (h2, or h3 inside a section), a short explanation, its content. */
export function ReportSection({
  id,
  title,
  description,
  level = 2,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  level?: 2 | 3;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  const body = (
    <Stack gap="sm">
      <Stack gap={4}>
        <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={headingId}>
          {title}
        </Title>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
      </Stack>
      {children}
    </Stack>
  );
  return level === 2 ? (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      aria-labelledby={headingId}
      className="report-section"
      data-testid={`report-section-${id}`}
    >
      {body}
    </Paper>
  ) : (
    <section aria-labelledby={headingId} className="report-subsection print-section">
      {body}
    </section>
  );
}

/** The chart and its table side by side on a wide screen, the table under the chart on a phone. */
export function ChartAndTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" className="report-pair">
      <div style={{ minWidth: 0 }}>{chart}</div>
      <div style={{ minWidth: 0 }}>{table}</div>
    </SimpleGrid>
  );
}

/** Whether the box is narrower than its content (and so scrolls), kept up to date as the page resizes. */
function useScrollable(box: RefObject<HTMLDivElement | null>): boolean {
  const [scrollable, setScrollable] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setScrollable(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return scrollable;
}

/** A real table (caption for screen readers) that scrolls inside its own box when it is wider than the page. */
export function ReportTable({
  caption,
  minWidth = 0,
  children,
  testId,
}: {
  caption: string;
  minWidth?: number;
  children: ReactNode;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const scrollable = useScrollable(box);
  return (
    <Table.ScrollContainer
      ref={box}
      minWidth={minWidth}
      type="native"
      className="report-table"
      // A table wider than its box can be scrolled from the keyboard: the box takes focus and is named.
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}
    >
      <Table striped withTableBorder verticalSpacing={6} fz="sm" data-testid={testId}>
        <caption style={visuallyHidden}>{caption}</caption>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}

/** A count, or "<11" (with its meaning on hover) when it is suppressed. */
export function CountValue({ count, format }: { count: ReportCount; format: ReportFormat }) {
  const { t } = useTranslation();
  if (count !== null) return <>{format.count(count)}</>;
  return (
    <span title={t('reports.legend.suppressedTitle', { label: format.suppressed })} data-suppressed="true">
      {format.suppressed}
    </span>
  );
}

/**
 * A rate as a percentage; "hidden" when its count is suppressed, "—" when there is nothing to measure. `path` (as in
 * `suppressedCells`) tells the two apart where the report may leave a rate out (equity).
 */
export function RateValue({ rate, format, path }: { rate: ReportRate; format: ReportFormat; path?: string }) {
  const { t } = useTranslation();
  switch (format.rateState(rate, path)) {
    case 'value':
      return <>{format.percent(rate.rate)}</>;
    case 'suppressed':
      return (
        <Text span inherit fs="italic" title={t('reports.legend.hiddenTitle')}>
          {t('reports.values.hidden')}
        </Text>
      );
    case 'none':
      return <NotMeasurable />;
  }
}

export function NotMeasurable() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true" title={t('reports.values.none')}>
        —
      </span>
      <span style={visuallyHidden}>{t('reports.values.none')}</span>
    </>
  );
}

/** "12 of 40" under a rate, with hidden parts as "<11". */
export function RateDetail({
  rate,
  format,
  parenthesized = false,
}: {
  rate: ReportRate;
  format: ReportFormat;
  parenthesized?: boolean;
}) {
  const { t } = useTranslation();
  // A rate left out (not applicable) has no parts to state.
  if (format.rateState(rate) === 'none' && (rate.numerator === null || rate.denominator === null))
    return null;
  const detail = t('reports.values.ofTotal', {
    numerator: format.count(rate.numerator),
    denominator: format.count(rate.denominator),
  });
  return <>{parenthesized ? `(${detail})` : detail}</>;
}

export function chartData(cells: ReportCell[], labelOf: (cell: ReportCell) => string, format: ReportFormat) {
  return cells.map((cell): ChartDatum => ({
    label: labelOf(cell),
    value: cell.count ?? 0,
    display: format.count(cell.count),
  }));
}

/** One breakdown (by school level, pathway, …): bars and a two-column table. */
export function Breakdown({
  id,
  title,
  cells,
  labelOf,
  format,
  categoryHeader,
  countHeader,
  chartLimit,
}: {
  id: string;
  title: string;
  cells: ReportCell[];
  labelOf: (cell: ReportCell) => string;
  format: ReportFormat;
  categoryHeader: string;
  countHeader: string;
  /** Long lists (79 schools) chart only their largest cells; the table keeps every one. */
  chartLimit?: number;
}) {
  const { t } = useTranslation();
  const limited = chartLimit !== undefined && cells.length > chartLimit;
  const charted = limited
    ? [...cells].sort((a, b) => (b.count ?? 0) - (a.count ?? 0)).slice(0, chartLimit)
    : cells;
  return (
    <ReportSection id={id} title={title} level={3}>
      {cells.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.values.noRows')}
        </Text>
      ) : (
        <ChartAndTable
          chart={
            <Stack gap={4}>
              <CategoryBarChart data={chartData(charted, labelOf, format)} />
              {limited ? (
                <Text size="xs" c="dimmed">
                  {t('reports.values.chartTop', { count: chartLimit })}
                </Text>
              ) : null}
            </Stack>
          }
          table={
            <CountTable
              caption={title}
              testId={`table-${id}`}
              categoryHeader={categoryHeader}
              countHeader={countHeader}
              cells={cells}
              labelOf={labelOf}
              format={format}
            />
          }
        />
      )}
    </ReportSection>
  );
}

/** A captioned table of counts by category: the table beside a bar chart, for screen readers and exact values. */
export function CountTable({
  caption,
  testId,
  categoryHeader,
  countHeader,
  cells,
  labelOf,
  format,
}: {
  caption: string;
  testId: string;
  categoryHeader: string;
  countHeader: string;
  cells: ReportCell[];
  labelOf: (cell: ReportCell) => string;
  format: ReportFormat;
}) {
  return (
    <ReportTable caption={caption} testId={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{categoryHeader}</Table.Th>
          <Table.Th scope="col" style={NUMERIC}>
            {countHeader}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.map((cell) => (
          <Table.Tr key={cell.key}>
            <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {labelOf(cell)}
            </Table.Th>
            <Table.Td style={NUMERIC}>
              <CountValue count={cell.count} format={format} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

/** A headline figure: what it is, its value, and what it is made of. */
export function KpiCard({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="li" data-testid={testId} className="report-kpi">
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

export function KpiGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={label}
      className="report-kpis"
    >
      {children}
    </SimpleGrid>
  );
}

/** Why some numbers read "<11" or "hidden", and what "—" means. */
export function SuppressionLegend({ threshold, format }: { threshold: number; format: ReportFormat }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="gray"
      title={t('reports.legend.title')}
      data-testid="suppression-legend"
      className="report-legend"
    >
      <Stack gap={4}>
        <Text size="sm">
          {t('reports.legend.small', { label: format.suppressed, max: format.count(threshold - 1) })}
        </Text>
        <Text size="sm">{t('reports.legend.hidden')}</Text>
        <Text size="sm">{t('reports.legend.none')}</Text>
      </Stack>
    </Alert>
  );
}
