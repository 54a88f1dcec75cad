import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { OutcomeReport, OutcomeReportQuery } from '@pathways/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { schoolQueries } from '../../../lib/catalog/get-schools';
import { useOutcomeCsvDownload } from '../api/download-outcome-csv';
import {
  hasReportFilters,
  parseReportFilters,
  reportFiltersToSearch,
  useOutcomeReport,
} from '../api/get-outcome-report';
import { CsvDownloadButton, CsvDownloadStatus } from './csv-download';
import { OutcomeReportView } from './outcome-report-view';
import { useReportFormat, type ReportFormat } from './report-format';
import { useReportLabels, type ReportLabels } from './report-labels';
import { ReportFilters } from './report-filters';
import { ReportSkeleton } from './report-skeleton';
import './reports.css';

const NO_CELLS: string[] = [];

interface OutcomeReportScreenProps {
  filters: OutcomeReportQuery;
  onFiltersChange: (next: OutcomeReportQuery) => void;
  /** The viewer's organization, named beside the scope. */
  organizationName: string;
}

/** What the report covers, in words: on screen under the filters and on paper in their place. */
function ReportScope({
  report,
  format,
  labels,
  organizationName,
  updating,
}: {
  report: OutcomeReport;
  format: ReportFormat;
  labels: ReportLabels;
  organizationName: string;
  updating: boolean;
}) {
  const { t } = useTranslation();
  const { filters, period } = report;
  const applied = [
    filters.schoolId ? labels.school({ key: filters.schoolId }) : null,
    filters.schoolLevel ? labels.schoolLevel(filters.schoolLevel) : null,
    filters.pathway ? labels.pathway(filters.pathway) : null,
  ].filter((x): x is string => x !== null);
  return (
    <Stack gap={2} data-testid="report-scope">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={report.scope === 'PROVIDER' ? 'teal' : 'blue'}>
          {t(`reports.scope.labels.${report.scope}`)}
        </Badge>
        <Text size="sm">
          {t(`reports.scope.details.${report.scope}`, { organization: organizationName })}
        </Text>
        <Text span size="sm" c="dimmed" role="status" aria-live="polite" className="no-print">
          {updating ? t('reports.updating') : null}
        </Text>
      </Group>
      <Text size="sm">
        {t('reports.scope.period', { from: format.date(period.from), to: format.date(period.to) })}
        {' · '}
        {applied.length > 0
          ? t('reports.scope.filtered', { filters: applied.join(' · ') })
          : t('reports.scope.unfiltered')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reports.scope.asOf', { date: format.date(period.asOf) })}
      </Text>
    </Stack>
  );
}

/**
 * The filters on screen, applied at once, and written to the URL. The URL lags behind while the router navigates, so
 * a second change made meanwhile builds on what is on screen, not on the URL; a URL change that is not one of ours
 * (the back button, a link) is taken over.
 */
function useAppliedFilters(
  fromUrl: OutcomeReportQuery,
  onChange: (next: OutcomeReportQuery) => void,
): [OutcomeReportQuery, (next: OutcomeReportQuery) => void] {
  const [applied, setApplied] = useState(fromUrl);
  const written = useRef(new Set<string>());
  const urlKey = reportFiltersToSearch(fromUrl).toString();
  const latestFromUrl = useRef(fromUrl);
  latestFromUrl.current = fromUrl;
  useEffect(() => {
    if (written.current.delete(urlKey)) return;
    setApplied(latestFromUrl.current);
  }, [urlKey]);
  const apply = useCallback(
    (change: OutcomeReportQuery) => {
      // In the URL's order, so the request and the cache key read the same whichever filter changed first.
      const search = reportFiltersToSearch(change);
      const key = search.toString();
      if (key === reportFiltersToSearch(applied).toString()) return;
      const next = parseReportFilters(search);
      written.current.add(key);
      setApplied(next);
      onChange(next);
    },
    [applied, onChange],
  );
  return [applied, apply];
}

/** Journey 6: the supervisors' outcome dashboard, filterable, printable and exported as CSV. */
export function OutcomeReportScreen({
  filters,
  onFiltersChange,
  organizationName,
}: OutcomeReportScreenProps) {
  const { t } = useTranslation();
  const [applied, apply] = useAppliedFilters(filters, onFiltersChange);
  const report = useOutcomeReport(applied);
  const schools = useQuery(schoolQueries.list());
  const labels = useReportLabels();
  const format = useReportFormat(report.data?.suppressionThreshold ?? 11, {
    suppressed: report.data?.suppressed ?? true,
    suppressedCells: report.data?.suppressedCells ?? NO_CELLS,
  });
  const csv = useOutcomeCsvDownload();
  const startCsv = () => void csv.start(applied);
  const updating = report.isPlaceholderData || (report.isFetching && !report.isPending);

  return (
    <div className="report-page">
      <PageHeader
        title={t('reports.title')}
        description={t('reports.intro')}
        actions={
          <>
            <Button variant="default" className="no-print" onClick={() => window.print()}>
              {t('reports.print')}
            </Button>
            <CsvDownloadButton state={csv.state} onStart={startCsv} />
          </>
        }
      />
      <CsvDownloadStatus state={csv.state} onCancel={csv.cancel} onRetry={startCsv} onDismiss={csv.reset} />
      <Stack gap="md">
        <ReportFilters
          value={applied}
          schools={schools.data}
          labels={labels}
          defaultGroupBy={report.data?.period.groupBy}
          onChange={apply}
        />
        {report.isPending ? (
          <ReportSkeleton />
        ) : report.isError ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <Stack gap="md" aria-busy={updating} style={{ opacity: updating ? 0.6 : 1 }}>
            <ReportScope
              report={report.data}
              format={format}
              labels={labels}
              organizationName={organizationName}
              updating={updating}
            />
            {report.data.volume.total === 0 ? (
              <EmptyState
                title={t('reports.empty.title')}
                description={t('reports.empty.description')}
                action={
                  hasReportFilters(applied) ? (
                    <Button variant="default" onClick={() => apply({})}>
                      {t('reports.filters.reset')}
                    </Button>
                  ) : undefined
                }
              />
            ) : (
              <OutcomeReportView report={report.data} format={format} labels={labels} />
            )}
          </Stack>
        )}
      </Stack>
    </div>
  );
}
