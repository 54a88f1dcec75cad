import { Anchor, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import type { PublicDashboard, ReportRate } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { usePublicDashboard } from '../api/get-public-dashboard';
import { NotElapsedNotes, RecidivismTable, recidivismChartData } from './outcome-sections';
import { CategoryBarChart, PeriodBarChart, type ChartDatum } from './report-charts';
import { useReportFormat, type ReportFormat } from './report-format';
import { useReportLabels, type ReportLabels } from './report-labels';
import { ReportSkeleton } from './report-skeleton';
import {
  Breakdown,
  chartData,
  ChartAndTable,
  CountTable,
  CountValue,
  KpiCard,
  KpiGrid,
  NUMERIC,
  RateDetail,
  RateValue,
  ReportSection,
  ReportTable,
  SuppressionLegend,
} from './report-ui';
import './reports.css';

const NO_CELLS: string[] = [];

export interface PublicDashboardLinks {
  resources: string;
  signIn: string;
}

interface PublicDashboardScreenProps {
  /** The year in the URL; undefined is the newest year with data. */
  year: number | undefined;
  onYearChange: (year: number) => void;
  links: PublicDashboardLinks;
}

function DashboardView({
  dashboard,
  format,
  labels,
}: {
  dashboard: PublicDashboard;
  format: ReportFormat;
  labels: ReportLabels;
}) {
  const { t } = useTranslation();
  const m6 = dashboard.recidivism.find((row) => row.window === 'M6');
  const rates: { key: 'diversion' | 'completion'; rate: ReportRate }[] = [
    { key: 'diversion', rate: dashboard.diversionRate },
    { key: 'completion', rate: dashboard.completionRate },
  ];
  const rateChart = rates.map(({ key, rate }): ChartDatum => ({
    label: t(`reports.public.rates.${key}`),
    value: rate.rate ?? 0,
    display: format.rate(rate),
  }));
  const month = (key: string, label?: string) => format.period(key, 'month', label);
  const { communityEvents } = dashboard;
  return (
    <Stack gap="md">
      <KpiGrid label={t('reports.kpi.label')}>
        <KpiCard
          testId="kpi-referrals"
          label={t('reports.kpi.referrals')}
          value={<CountValue count={dashboard.referrals} format={format} />}
          detail={t('reports.public.inYear', { year: dashboard.year })}
        />
        <KpiCard
          testId="kpi-diversion"
          label={t('reports.kpi.diversionRate')}
          value={<RateValue rate={dashboard.diversionRate} format={format} />}
          detail={<RateDetail rate={dashboard.diversionRate} format={format} />}
        />
        <KpiCard
          testId="kpi-completion"
          label={t('reports.kpi.completionRate')}
          value={<RateValue rate={dashboard.completionRate} format={format} />}
          detail={<RateDetail rate={dashboard.completionRate} format={format} />}
        />
        <KpiCard
          testId="kpi-recidivism"
          label={t('reports.kpi.recidivism')}
          value={m6 ? <RateValue rate={m6.rate} format={format} /> : '—'}
          detail={m6 ? <RateDetail rate={m6.rate} format={format} /> : undefined}
        />
        <KpiCard
          testId="kpi-events"
          label={t('reports.public.events')}
          value={<CountValue count={communityEvents.events} format={format} />}
        />
        <KpiCard
          testId="kpi-participants"
          label={t('reports.public.participants')}
          value={<CountValue count={communityEvents.participants} format={format} />}
        />
      </KpiGrid>
      <SuppressionLegend threshold={dashboard.suppressionThreshold} format={format} />

      <ReportSection id="referrals" title={t('reports.public.referralsTitle')}>
        <ReportSection id="public-month" title={t('reports.public.byMonth')} level={3}>
          <ChartAndTable
            chart={
              <PeriodBarChart data={chartData(dashboard.byMonth, (c) => month(c.key, c.label), format)} />
            }
            table={
              <CountTable
                caption={t('reports.public.byMonth')}
                testId="table-public-month"
                categoryHeader={t('reports.columns.month')}
                countHeader={t('reports.columns.referrals')}
                cells={dashboard.byMonth}
                labelOf={(c) => month(c.key, c.label)}
                format={format}
              />
            }
          />
        </ReportSection>
        <Breakdown
          id="public-school-level"
          title={t('reports.volume.bySchoolLevel')}
          cells={dashboard.bySchoolLevel}
          labelOf={(c) => labels.schoolLevel(c.key)}
          format={format}
          categoryHeader={t('reports.columns.schoolLevel')}
          countHeader={t('reports.columns.referrals')}
        />
        <Breakdown
          id="public-pathway"
          title={t('reports.volume.byPathway')}
          cells={dashboard.byPathway}
          labelOf={(c) => labels.pathway(c.key)}
          format={format}
          categoryHeader={t('reports.columns.pathway')}
          countHeader={t('reports.columns.referrals')}
        />
      </ReportSection>

      <ReportSection
        id="outcomes"
        title={t('reports.public.outcomesTitle')}
        description={t('reports.public.outcomesDescription')}
      >
        <ChartAndTable
          chart={<CategoryBarChart data={rateChart} percent />}
          table={
            <ReportTable
              caption={t('reports.public.outcomesTitle')}
              minWidth={380}
              testId="table-public-rates"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reports.columns.measure')}</Table.Th>
                  <Table.Th scope="col" style={NUMERIC}>
                    {t('reports.columns.rate')}
                  </Table.Th>
                  <Table.Th scope="col" style={NUMERIC}>
                    {t('reports.columns.numerator')}
                  </Table.Th>
                  <Table.Th scope="col" style={NUMERIC}>
                    {t('reports.columns.denominator')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.map(({ key, rate }) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={500}>
                      {t(`reports.public.rates.${key}`)}
                    </Table.Th>
                    <Table.Td style={NUMERIC} fw={600}>
                      <RateValue rate={rate} format={format} />
                    </Table.Td>
                    <Table.Td style={NUMERIC}>
                      <CountValue count={rate.numerator} format={format} />
                    </Table.Td>
                    <Table.Td style={NUMERIC}>
                      <CountValue count={rate.denominator} format={format} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ReportTable>
          }
        />
        <Text size="xs" c="dimmed">
          {t('reports.public.ratesNote')}
        </Text>
        <ReportSection
          id="public-recidivism"
          title={t('reports.recidivism.title')}
          description={t('reports.recidivism.description')}
          level={3}
        >
          <ChartAndTable
            chart={
              <CategoryBarChart data={recidivismChartData(dashboard.recidivism, format, labels)} percent />
            }
            table={
              <RecidivismTable
                rows={dashboard.recidivism}
                format={format}
                labels={labels}
                caption={t('reports.recidivism.title')}
              />
            }
          />
          <NotElapsedNotes rows={dashboard.recidivism} format={format} labels={labels} />
        </ReportSection>
      </ReportSection>

      <ReportSection
        id="events"
        title={t('reports.public.eventsTitle')}
        description={t('reports.public.eventsDescription', {
          events: format.count(communityEvents.events),
          participants: format.count(communityEvents.participants),
        })}
      >
        <Breakdown
          id="public-event-type"
          title={t('reports.public.byEventType')}
          cells={communityEvents.byType}
          labelOf={(c) => labels.eventType(c.key)}
          format={format}
          categoryHeader={t('reports.columns.eventType')}
          countHeader={t('reports.columns.events')}
        />
      </ReportSection>
      <Text size="xs" c="dimmed">
        {t('reports.scope.asOf', { date: format.date(dashboard.asOf) })}
      </Text>
    </Stack>
  );
}

/** The program's outcomes for everyone, without sign-in: aggregates of one year, small numbers hidden. */
export function PublicDashboardScreen({ year, onYearChange, links }: PublicDashboardScreenProps) {
  const { t } = useTranslation();
  const dashboard = usePublicDashboard(year);
  const labels = useReportLabels({ catalogs: false });
  // The public dashboard is always suppressed.
  const format = useReportFormat(dashboard.data?.suppressionThreshold ?? 11, {
    suppressed: true,
    suppressedCells: dashboard.data?.suppressedCells ?? NO_CELLS,
  });
  const years = dashboard.data?.years ?? (year ? [year] : []);
  const selected = dashboard.data?.year ?? year;
  return (
    <div className="report-page">
      <PageHeader
        title={t('reports.public.title')}
        description={t('reports.public.intro')}
        actions={
          <NativeSelect
            className="no-print"
            label={t('reports.public.year')}
            value={selected === undefined ? '' : String(selected)}
            disabled={years.length === 0}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            onChange={(event) => onYearChange(Number(event.currentTarget.value))}
          />
        }
      />
      {dashboard.isPending ? (
        <ReportSkeleton sections={2} />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <div
          aria-busy={dashboard.isPlaceholderData}
          style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}
        >
          <DashboardView dashboard={dashboard.data} format={format} labels={labels} />
        </div>
      )}
      <Group gap="lg" mt="xl" className="no-print" component="nav" aria-label={t('reports.public.moreLabel')}>
        <Anchor component={Link} to={links.resources}>
          {t('reports.public.resourcesLink')}
        </Anchor>
        <Anchor component={Link} to={links.signIn}>
          {t('reports.public.signInLink')}
        </Anchor>
      </Group>
    </div>
  );
}
