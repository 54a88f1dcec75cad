import { Stack, Text } from '@mantine/core';
import type { OutcomeReport } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { CaseloadSection, DosageSection, EquitySection } from './program-sections';
import {
  CompletionSection,
  FunnelSection,
  RecidivismSection,
  SlaSection,
  VolumeSection,
} from './outcome-sections';
import type { ReportFormat } from './report-format';
import type { ReportLabels } from './report-labels';
import { CountValue, KpiCard, KpiGrid, RateDetail, RateValue, SuppressionLegend } from './report-ui';

interface OutcomeReportViewProps {
  report: OutcomeReport;
  format: ReportFormat;
  labels: ReportLabels;
}

/** The headline figures of the period, each with what it is made of. */
function OutcomeKpis({ report, format }: Omit<OutcomeReportViewProps, 'labels'>) {
  const { t } = useTranslation();
  const serviceStart = report.sla.find((row) => row.clock === 'SERVICE_START_20_DAY');
  const m6 = report.recidivism.find((row) => row.window === 'M6');
  const measured =
    serviceStart && serviceStart.met !== null && serviceStart.missed !== null
      ? serviceStart.met + serviceStart.missed
      : null;
  return (
    <KpiGrid label={t('reports.kpi.label')}>
      <KpiCard
        testId="kpi-referrals"
        label={t('reports.kpi.referrals')}
        value={<CountValue count={report.volume.total} format={format} />}
        detail={t('reports.kpi.inPeriod')}
      />
      <KpiCard
        testId="kpi-diversion"
        label={t('reports.kpi.diversionRate')}
        value={<RateValue rate={report.diversionRate} format={format} />}
        detail={t('reports.kpi.diversionDetail', {
          citations: format.count(report.diversionRate.citationsAndCustody),
        })}
      />
      <KpiCard
        testId="kpi-sla"
        label={t('reports.kpi.serviceStart')}
        value={
          serviceStart ? (
            <RateValue
              rate={{ rate: serviceStart.rate, numerator: serviceStart.met, denominator: measured }}
              format={format}
            />
          ) : (
            '—'
          )
        }
        detail={
          serviceStart
            ? t('reports.values.ofTotal', {
                numerator: format.count(serviceStart.met),
                denominator: measured === null ? format.suppressed : format.count(measured),
              })
            : undefined
        }
      />
      <KpiCard
        testId="kpi-completion"
        label={t('reports.kpi.completionRate')}
        value={<RateValue rate={report.completion.rate} format={format} />}
        detail={<RateDetail rate={report.completion.rate} format={format} />}
      />
      <KpiCard
        testId="kpi-recidivism"
        label={t('reports.kpi.recidivism')}
        value={m6 ? <RateValue rate={m6.rate} format={format} /> : '—'}
        detail={m6 ? <RateDetail rate={m6.rate} format={format} /> : undefined}
      />
      <KpiCard
        testId="kpi-open"
        label={t('reports.kpi.openCases')}
        value={<CountValue count={report.caseload.total.open} format={format} />}
        detail={t('reports.kpi.asOf', { date: format.date(report.caseload.asOf) })}
      />
    </KpiGrid>
  );
}

/** Every section of journey 6 "Report", in the order a supervisor reads them. */
export function OutcomeReportView({ report, format, labels }: OutcomeReportViewProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <OutcomeKpis report={report} format={format} />
      {report.suppressed ? (
        <SuppressionLegend threshold={report.suppressionThreshold} format={format} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="exact-counts">
          {t('reports.legend.exact')}
        </Text>
      )}
      <VolumeSection report={report} format={format} labels={labels} />
      <FunnelSection report={report} format={format} labels={labels} />
      <SlaSection report={report} format={format} labels={labels} />
      <CompletionSection report={report} format={format} labels={labels} />
      <RecidivismSection report={report} format={format} labels={labels} />
      <CaseloadSection report={report} format={format} labels={labels} />
      <DosageSection report={report} format={format} labels={labels} />
      <EquitySection report={report} format={format} labels={labels} />
    </Stack>
  );
}
