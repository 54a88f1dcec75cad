import { darken, Group, List, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import {
  CASELOAD_AGING_BUCKETS,
  EQUITY_MEASURES,
  type EquityDimensionReport,
  type EquityMeasure,
  type EquityMeasureCell,
  type OutcomeReport,
} from '@pathways/contracts';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { WarningIcon } from '../../../components/ui/warning-icon';
import {
  CategoryBarChart,
  RriChart,
  StackedBarChart,
  useChartColors,
  type ChartDatum,
} from './report-charts';
import { RRI_HIGH, RRI_LOW, rriFlag, type ReportFormat } from './report-format';
import type { ReportLabels } from './report-labels';
import { ChartAndTable, CountValue, NUMERIC, RateValue, ReportSection, ReportTable } from './report-ui';

interface SectionProps {
  report: OutcomeReport;
  format: ReportFormat;
  labels: ReportLabels;
}

export function CaseloadSection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const { caseload } = report;
  const series = CASELOAD_AGING_BUCKETS.map((bucket, i) => ({
    key: bucket,
    label: labels.aging(bucket),
    color: colors.series[i] ?? colors.neutral,
  }));
  const data = caseload.rows.map((row) => ({
    label: labels.counselor(row),
    ...Object.fromEntries(CASELOAD_AGING_BUCKETS.map((b) => [b, row.aging[b] ?? 0])),
  }));
  const cells = (row: (typeof caseload.rows)[number]) => (
    <>
      <Table.Td style={NUMERIC} fw={600}>
        <CountValue count={row.open} format={format} />
      </Table.Td>
      {CASELOAD_AGING_BUCKETS.map((bucket) => (
        <Table.Td key={bucket} style={NUMERIC}>
          <CountValue count={row.aging[bucket]} format={format} />
        </Table.Td>
      ))}
    </>
  );
  return (
    <ReportSection
      id="caseload"
      title={t('reports.caseload.title')}
      description={t('reports.caseload.description', { date: format.date(caseload.asOf) })}
    >
      {caseload.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.caseload.empty')}
        </Text>
      ) : (
        <ChartAndTable
          chart={<StackedBarChart data={data} series={series} />}
          table={
            <ReportTable caption={t('reports.caseload.title')} minWidth={480} testId="table-caseload">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reports.columns.counselor')}</Table.Th>
                  <Table.Th scope="col" style={NUMERIC}>
                    {t('reports.caseload.open')}
                  </Table.Th>
                  {CASELOAD_AGING_BUCKETS.map((bucket) => (
                    <Table.Th scope="col" key={bucket} style={NUMERIC}>
                      {labels.aging(bucket)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {caseload.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {labels.counselor(row)}
                    </Table.Th>
                    {cells(row)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {caseload.rows.length > 1 ? (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('reports.columns.total')}</Table.Th>
                    {cells(caseload.total)}
                  </Table.Tr>
                </Table.Tfoot>
              ) : null}
            </ReportTable>
          }
        />
      )}
    </ReportSection>
  );
}

export function DosageSection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  const { dosage } = report;
  const data = dosage.rows.map((row): ChartDatum => ({
    label: labels.serviceType(row),
    value: row.sessions ?? 0,
    display: format.count(row.sessions),
  }));
  const cells = (row: (typeof dosage.rows)[number]) => (
    <>
      <Table.Td style={NUMERIC}>
        <CountValue count={row.youth} format={format} />
      </Table.Td>
      <Table.Td style={NUMERIC}>
        <CountValue count={row.sessions} format={format} />
      </Table.Td>
      <Table.Td style={NUMERIC}>{format.number(row.hours, 1)}</Table.Td>
    </>
  );
  return (
    <ReportSection
      id="dosage"
      title={t('reports.dosage.title')}
      description={t('reports.dosage.description')}
    >
      {dosage.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.dosage.empty')}
        </Text>
      ) : (
        <ChartAndTable
          chart={<CategoryBarChart data={data} />}
          table={
            <ReportTable caption={t('reports.dosage.title')} minWidth={400} testId="table-dosage">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reports.columns.serviceType')}</Table.Th>
                  <Table.Th scope="col" style={NUMERIC}>
                    {t('reports.dosage.youth')}
                  </Table.Th>
                  <Table.Th scope="col" style={NUMERIC}>
                    {t('reports.dosage.sessions')}
                  </Table.Th>
                  <Table.Th scope="col" style={NUMERIC}>
                    {t('reports.dosage.hours')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dosage.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {labels.serviceType(row)}
                    </Table.Th>
                    {cells(row)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('reports.columns.total')}</Table.Th>
                  {cells(dosage.total)}
                </Table.Tr>
              </Table.Tfoot>
            </ReportTable>
          }
        />
      )}
    </ReportSection>
  );
}

/** An RRI, flagged in words (and an icon and tint) when it reaches 1.5 or falls to 0.67. */
function RriValue({ cell, format }: { cell: EquityMeasureCell | undefined; format: ReportFormat }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const rri = cell?.rri ?? null;
  const flag = rriFlag(rri);
  if (!flag) return <>{format.rri(rri)}</>;
  return (
    // Orange 9 darkened keeps 4.5:1 on the orange tint of the cell (WCAG AA); the word carries the meaning anyway.
    <Stack gap={0} align="flex-end" c={darken(theme.colors.orange[9], 0.3)} data-rri-flag={flag}>
      <Group gap={4} wrap="nowrap">
        <WarningIcon size={14} />
        <Text span inherit fw={700}>
          {format.rri(rri)}
        </Text>
      </Group>
      <Text span size="xs" fw={600}>
        {t(flag === 'HIGH' ? 'reports.equity.flagHigh' : 'reports.equity.flagLow')}
      </Text>
    </Stack>
  );
}

function EquityDimensionTable({
  dimension,
  format,
  labels,
}: {
  dimension: EquityDimensionReport;
  format: ReportFormat;
  labels: ReportLabels;
}) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const title = labels.dimension(dimension.dimension);
  const id = `equity-${dimension.dimension.toLowerCase().replace(/_/g, '-')}`;
  const groupLabel = (key: string) => labels.equityGroup(dimension.dimension, key);
  const measureOf = (cells: EquityMeasureCell[], measure: EquityMeasure) =>
    cells.find((c) => c.measure === measure);
  const series = EQUITY_MEASURES.map((measure, i) => ({
    key: measure,
    label: labels.measure(measure),
    color: colors.series[i] ?? colors.neutral,
  }));
  const chart = dimension.groups.map((group) => ({
    label: groupLabel(group.key),
    ...Object.fromEntries(EQUITY_MEASURES.map((m) => [m, measureOf(group.measures, m)?.rri ?? null])),
  }));
  return (
    <ReportSection id={id} title={title} level={3}>
      <Text size="sm" data-testid={`${id}-reference`}>
        {dimension.reference === null
          ? t('reports.equity.noReference')
          : t('reports.equity.reference', { group: groupLabel(dimension.reference) })}
      </Text>
      {dimension.groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.values.noRows')}
        </Text>
      ) : (
        <Stack gap="sm">
          <RriChart data={chart} series={series} low={RRI_LOW} high={RRI_HIGH} />
          <ReportTable
            caption={t('reports.equity.caption', { dimension: title })}
            minWidth={980}
            testId={`table-${id}`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" rowSpan={2}>
                  {t('reports.columns.group')}
                </Table.Th>
                <Table.Th scope="col" rowSpan={2} style={NUMERIC}>
                  {t('reports.equity.referred')}
                </Table.Th>
                {EQUITY_MEASURES.map((measure) => (
                  <Table.Th key={measure} scope="colgroup" colSpan={2} ta="center">
                    {labels.measure(measure)}
                  </Table.Th>
                ))}
              </Table.Tr>
              <Table.Tr>
                {EQUITY_MEASURES.map((measure) => (
                  <Fragment key={measure}>
                    <Table.Th scope="col" style={NUMERIC}>
                      {t('reports.equity.rate')}
                    </Table.Th>
                    <Table.Th scope="col" style={NUMERIC}>
                      {t('reports.equity.rri')}
                    </Table.Th>
                  </Fragment>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dimension.groups.map((group) => {
                const isReference = group.key === dimension.reference;
                return (
                  <Table.Tr key={group.key} data-group={group.key}>
                    <Table.Th scope="row" fw={500} miw="9rem">
                      {groupLabel(group.key)}
                      {isReference ? (
                        <Text size="xs" c="dimmed" fw={600}>
                          {t('reports.equity.referenceBadge')}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td style={NUMERIC}>
                      <CountValue count={group.referred} format={format} />
                    </Table.Td>
                    {EQUITY_MEASURES.map((measure) => {
                      const cell = measureOf(group.measures, measure);
                      const flagged = rriFlag(cell?.rri ?? null) !== null;
                      return (
                        <Fragment key={measure}>
                          <Table.Td style={NUMERIC}>
                            <RateValue
                              rate={cell?.rate ?? { rate: null, numerator: 0, denominator: 0 }}
                              format={format}
                              path={`equity.${dimension.dimension}.${group.key}.${measure}`}
                            />
                          </Table.Td>
                          <Table.Td
                            style={NUMERIC}
                            bg={flagged ? 'orange.0' : undefined}
                            data-measure={measure}
                          >
                            <RriValue cell={cell} format={format} />
                          </Table.Td>
                        </Fragment>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ReportTable>
        </Stack>
      )}
    </ReportSection>
  );
}

export function EquitySection({ report, format, labels }: SectionProps) {
  const { t } = useTranslation();
  return (
    <ReportSection
      id="equity"
      title={t('reports.equity.title')}
      description={t('reports.equity.description', {
        high: format.rri(RRI_HIGH),
        low: format.rri(RRI_LOW),
      })}
    >
      <List size="sm" spacing={2} className="report-definitions">
        {EQUITY_MEASURES.map((measure) => (
          <List.Item key={measure}>
            <Text span inherit fw={600}>
              {labels.measure(measure)}:
            </Text>{' '}
            {t(`reports.equity.definitions.${measure}`)}
          </List.Item>
        ))}
      </List>
      {report.equity.map((dimension) => (
        <EquityDimensionTable
          key={dimension.dimension}
          dimension={dimension}
          format={format}
          labels={labels}
        />
      ))}
    </ReportSection>
  );
}
