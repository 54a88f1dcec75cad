import { Stack, Table, Text } from '@mantine/core';
import { SLA_CLOCKS, type OutcomeReport, type RecidivismRow } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { CategoryBarChart, PeriodBarChart, type ChartDatum } from './report-charts';
import type { ReportFormat } from './report-format';
import type { ReportLabels } from './report-labels';
import {
  Breakdown,
  chartData,
  ChartAndTable,
  CountTable,
  CountValue,
  NUMERIC,
  RateDetail,
  RateValue,
  ReportSection,
  ReportTable,
} from './report-ui';

interface SectionProps {
  report: OutcomeReport;
  format: ReportFormat;
  labels: ReportLabels;
}

export function VolumeSection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  const { volume, period } = report;
  const common = { format, countHeader: t('reports.columns.referrals') };
  const periodLabel = (key: string, label?: string) => format.period(key, period.groupBy, label);
  return (
    <ReportSection
      id="volume"
      title={t('reports.volume.title')}
      description={t('reports.volume.description', { total: format.count(volume.total) })}
    >
      <ReportSection id="volume-period" title={t(`reports.volume.byPeriod.${period.groupBy}`)} level={3}>
        {volume.byPeriod.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.values.noRows')}
          </Text>
        ) : (
          <ChartAndTable
            chart={
              <PeriodBarChart data={chartData(volume.byPeriod, (c) => periodLabel(c.key, c.label), format)} />
            }
            table={
              <CountTable
                caption={t(`reports.volume.byPeriod.${period.groupBy}`)}
                testId="table-volume-period"
                categoryHeader={t('reports.columns.period')}
                countHeader={t('reports.columns.referrals')}
                cells={volume.byPeriod}
                labelOf={(c) => periodLabel(c.key, c.label)}
                format={format}
              />
            }
          />
        )}
      </ReportSection>
      <Breakdown
        id="volume-school-level"
        title={t('reports.volume.bySchoolLevel')}
        cells={volume.bySchoolLevel}
        labelOf={(c) => labels.schoolLevel(c.key)}
        categoryHeader={t('reports.columns.schoolLevel')}
        {...common}
      />
      <Breakdown
        id="volume-pathway"
        title={t('reports.volume.byPathway')}
        cells={volume.byPathway}
        labelOf={(c) => labels.pathway(c.key)}
        categoryHeader={t('reports.columns.pathway')}
        {...common}
      />
      <Breakdown
        id="volume-reason"
        title={t('reports.volume.byReasonCategory')}
        cells={volume.byReasonCategory}
        labelOf={(c) => labels.reasonCategory(c.key)}
        categoryHeader={t('reports.columns.reasonCategory')}
        {...common}
      />
      <Breakdown
        id="volume-priority"
        title={t('reports.volume.byPriority')}
        cells={volume.byPriority}
        labelOf={(c) => labels.priority(c.key)}
        categoryHeader={t('reports.columns.priority')}
        {...common}
      />
      <Breakdown
        id="volume-school"
        title={t('reports.volume.bySchool')}
        cells={volume.bySchool}
        labelOf={labels.school}
        categoryHeader={t('reports.columns.school')}
        chartLimit={15}
        {...common}
      />
    </ReportSection>
  );
}

export function FunnelSection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  const data = report.funnel.map((row): ChartDatum => ({
    label: labels.step(row.step),
    value: row.count ?? 0,
    display: format.count(row.count),
  }));
  return (
    <ReportSection
      id="funnel"
      title={t('reports.funnel.title')}
      description={t('reports.funnel.description')}
    >
      <ChartAndTable
        chart={<CategoryBarChart data={data} />}
        table={
          <ReportTable caption={t('reports.funnel.title')} testId="table-funnel">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.columns.step')}</Table.Th>
                <Table.Th scope="col" style={NUMERIC}>
                  {t('reports.columns.referrals')}
                </Table.Th>
                <Table.Th scope="col" style={NUMERIC}>
                  {t('reports.columns.conversion')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.funnel.map((row, index) => (
                <Table.Tr key={row.step}>
                  <Table.Th scope="row" fw={500}>
                    {labels.step(row.step)}
                  </Table.Th>
                  <Table.Td style={NUMERIC}>
                    <CountValue count={row.count} format={format} />
                  </Table.Td>
                  <Table.Td style={NUMERIC}>
                    {index === 0 ? (
                      <Text span inherit c="dimmed">
                        {t('reports.funnel.start')}
                      </Text>
                    ) : (
                      <RateValue
                        rate={{
                          rate: row.conversion,
                          numerator: row.count,
                          denominator: report.funnel[index - 1]?.count ?? null,
                        }}
                        format={format}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ReportTable>
        }
      />
    </ReportSection>
  );
}

export function SlaSection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  // The statutory 20-day clock first, whatever order the rows come in.
  const rows = [...report.sla].sort((a, b) => SLA_CLOCKS.indexOf(a.clock) - SLA_CLOCKS.indexOf(b.clock));
  const measured = (row: (typeof rows)[number]) =>
    row.met === null || row.missed === null ? null : row.met + row.missed;
  const data = rows.map((row): ChartDatum => ({
    label: labels.clock(row.clock),
    value: row.rate ?? 0,
    display: format.rate({ rate: row.rate, numerator: row.met, denominator: measured(row) }),
  }));
  return (
    <ReportSection id="sla" title={t('reports.sla.title')} description={t('reports.sla.description')}>
      <ChartAndTable
        chart={<CategoryBarChart data={data} percent />}
        table={
          <ReportTable caption={t('reports.sla.title')} minWidth={460} testId="table-sla">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.columns.clock')}</Table.Th>
                <Table.Th scope="col" style={NUMERIC}>
                  {t('reports.sla.met')}
                </Table.Th>
                <Table.Th scope="col" style={NUMERIC}>
                  {t('reports.sla.missed')}
                </Table.Th>
                <Table.Th scope="col" style={NUMERIC}>
                  {t('reports.sla.pending')}
                </Table.Th>
                <Table.Th scope="col" style={NUMERIC}>
                  {t('reports.sla.rate')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.clock} data-clock={row.clock}>
                  <Table.Th scope="row" fw={row.clock === 'SERVICE_START_20_DAY' ? 700 : 500}>
                    {labels.clock(row.clock)}
                  </Table.Th>
                  <Table.Td style={NUMERIC}>
                    <CountValue count={row.met} format={format} />
                  </Table.Td>
                  <Table.Td style={NUMERIC}>
                    <CountValue count={row.missed} format={format} />
                  </Table.Td>
                  <Table.Td style={NUMERIC}>
                    <CountValue count={row.pending} format={format} />
                  </Table.Td>
                  <Table.Td style={NUMERIC} fw={600}>
                    <RateValue
                      rate={{ rate: row.rate, numerator: row.met, denominator: measured(row) }}
                      format={format}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ReportTable>
        }
      />
      <Text size="xs" c="dimmed">
        {t('reports.sla.pendingNote')}
      </Text>
    </ReportSection>
  );
}

export function CompletionSection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  const { completion } = report;
  return (
    <ReportSection
      id="completion"
      title={t('reports.completion.title')}
      description={t('reports.completion.description')}
    >
      <Text fw={600} data-testid="completion-rate">
        {t('reports.completion.rate')}: <RateValue rate={completion.rate} format={format} />{' '}
        <RateDetail rate={completion.rate} format={format} parenthesized />
      </Text>
      <Breakdown
        id="completion-outcome"
        title={t('reports.completion.byOutcome')}
        cells={completion.byOutcome}
        labelOf={(c) => labels.outcome(c.key)}
        format={format}
        categoryHeader={t('reports.columns.outcome')}
        countHeader={t('reports.columns.cases')}
      />
      <Breakdown
        id="completion-reasons"
        title={t('reports.completion.closureReasons')}
        cells={completion.closureReasons}
        labelOf={(c) => labels.closureReason(c.key)}
        format={format}
        categoryHeader={t('reports.columns.closureReason')}
        countHeader={t('reports.columns.cases')}
      />
    </ReportSection>
  );
}

/** Both windows with their denominators and the cases not yet measurable; shared with the public dashboard. */
export function RecidivismTable({
  rows,
  format,
  labels,
  caption,
}: {
  rows: RecidivismRow[];
  format: ReportFormat;
  labels: Pick<ReportLabels, 'window'>;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <ReportTable caption={caption} minWidth={460} testId="table-recidivism">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reports.columns.window')}</Table.Th>
          <Table.Th scope="col" style={NUMERIC}>
            {t('reports.recidivism.rate')}
          </Table.Th>
          <Table.Th scope="col" style={NUMERIC}>
            {t('reports.recidivism.numerator')}
          </Table.Th>
          <Table.Th scope="col" style={NUMERIC}>
            {t('reports.recidivism.denominator')}
          </Table.Th>
          <Table.Th scope="col" style={NUMERIC}>
            {t('reports.recidivism.notElapsed')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.window}>
            <Table.Th scope="row" fw={500}>
              {labels.window(row.window)}
            </Table.Th>
            <Table.Td style={NUMERIC} fw={600}>
              <RateValue rate={row.rate} format={format} />
            </Table.Td>
            <Table.Td style={NUMERIC}>
              <CountValue count={row.rate.numerator} format={format} />
            </Table.Td>
            <Table.Td style={NUMERIC}>
              <CountValue count={row.rate.denominator} format={format} />
            </Table.Td>
            <Table.Td style={NUMERIC}>
              <CountValue count={row.notElapsed} format={format} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ReportTable>
  );
}

export function recidivismChartData(
  rows: RecidivismRow[],
  format: ReportFormat,
  labels: Pick<ReportLabels, 'window'>,
) {
  return rows.map((row): ChartDatum => ({
    label: labels.window(row.window),
    value: row.rate.rate ?? 0,
    display: format.rate(row.rate),
  }));
}

/** One sentence per window: how many closed cases are not yet counted, so a low rate is not misread. */
export function NotElapsedNotes({
  rows,
  format,
  labels,
}: {
  rows: RecidivismRow[];
  format: ReportFormat;
  labels: Pick<ReportLabels, 'window'>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {rows.map((row) => (
        <Text size="xs" c="dimmed" key={row.window} data-testid={`not-elapsed-${row.window}`}>
          {row.notElapsed === 0
            ? t('reports.recidivism.allElapsed', { window: labels.window(row.window) })
            : t('reports.recidivism.notElapsedNote', {
                window: labels.window(row.window),
                // "<11 cases" reads as a plural.
                count: row.notElapsed ?? 2,
                cases: format.count(row.notElapsed),
              })}
        </Text>
      ))}
    </Stack>
  );
}

export function RecidivismSection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  return (
    <ReportSection
      id="recidivism"
      title={t('reports.recidivism.title')}
      description={t('reports.recidivism.description')}
    >
      <ChartAndTable
        chart={<CategoryBarChart data={recidivismChartData(report.recidivism, format, labels)} percent />}
        table={
          <RecidivismTable
            rows={report.recidivism}
            format={format}
            labels={labels}
            caption={t('reports.recidivism.title')}
          />
        }
      />
      <NotElapsedNotes rows={report.recidivism} format={format} labels={labels} />
    </ReportSection>
  );
}
