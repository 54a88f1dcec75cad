import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import {
  outcomeReportQuerySchema,
  PATHWAYS,
  REPORT_GROUP_BY,
  SCHOOL_LEVELS,
  type OutcomeReportQuery,
  type ReportGroupBy,
  type School,
} from '@pathways/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolOptions } from '../../../lib/catalog/get-schools';
import { hasReportFilters } from '../api/get-outcome-report';
import type { ReportLabels } from './report-labels';

interface ReportFiltersProps {
  value: OutcomeReportQuery;
  schools: School[] | undefined;
  labels: ReportLabels;
  /** The buckets the report uses when the URL names none (the server's default). */
  defaultGroupBy?: ReportGroupBy;
  onChange: (next: OutcomeReportQuery) => void;
}

type PeriodErrors = { from?: string; to?: string };

/**
 * Period, school, school level, pathway and time buckets. A choice applies at once; the dates apply when they make
 * a period the report accepts (the end on or after the start, at most five years), else the field says why.
 * The dates follow the applied filters when those change from elsewhere (a reset, the back button); the field being
 * typed in keeps its focus.
 */
export function ReportFilters({
  value,
  schools,
  labels,
  defaultGroupBy = 'month',
  onChange,
}: ReportFiltersProps) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState({ from: value.from ?? '', to: value.to ?? '' });
  const [errors, setErrors] = useState<PeriodErrors>({});
  useEffect(() => {
    setPeriod({ from: value.from ?? '', to: value.to ?? '' });
    setErrors({});
  }, [value.from, value.to]);
  const set = (patch: Partial<OutcomeReportQuery>) => onChange({ ...value, ...patch });

  const changePeriod = (next: { from: string; to: string }) => {
    setPeriod(next);
    const candidate = { from: next.from || undefined, to: next.to || undefined };
    const parsed = outcomeReportQuerySchema.safeParse(candidate);
    if (!parsed.success) {
      const found: PeriodErrors = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'to') found.to = t('reports.filters.endBeforeStart');
        else if (issue.path[0] === 'from') found.from = t('reports.filters.tooLong');
      }
      setErrors(found);
      return;
    }
    setErrors({});
    set(candidate);
  };

  const any = (label: string) => ({ value: '', label });
  return (
    <form
      role="search"
      aria-label={t('reports.filters.label')}
      className="no-print report-filters"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          type="date"
          label={t('reports.filters.from')}
          value={period.from}
          error={errors.from}
          onChange={(event) => changePeriod({ ...period, from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('reports.filters.to')}
          value={period.to}
          error={errors.to}
          onChange={(event) => changePeriod({ ...period, to: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('reports.filters.school')}
          value={value.schoolId ?? ''}
          data={[any(t('reports.filters.allSchools')), ...schoolOptions(schools)]}
          onChange={(event) => set({ schoolId: event.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={t('reports.filters.schoolLevel')}
          value={value.schoolLevel ?? ''}
          data={[
            any(t('reports.filters.allSchoolLevels')),
            ...SCHOOL_LEVELS.map((level) => ({ value: level, label: labels.schoolLevel(level) })),
          ]}
          onChange={(event) =>
            set({
              schoolLevel: (event.currentTarget.value || undefined) as OutcomeReportQuery['schoolLevel'],
            })
          }
        />
        <NativeSelect
          label={t('reports.filters.pathway')}
          value={value.pathway ?? ''}
          data={[
            any(t('reports.filters.allPathways')),
            ...PATHWAYS.map((pathway) => ({ value: pathway, label: labels.pathway(pathway) })),
          ]}
          onChange={(event) =>
            set({ pathway: (event.currentTarget.value || undefined) as OutcomeReportQuery['pathway'] })
          }
        />
        <NativeSelect
          label={t('reports.filters.groupBy')}
          value={value.groupBy ?? defaultGroupBy}
          data={REPORT_GROUP_BY.map((groupBy) => ({
            value: groupBy,
            label: t(`reports.filters.groupByOptions.${groupBy}`),
          }))}
          onChange={(event) => set({ groupBy: event.currentTarget.value as OutcomeReportQuery['groupBy'] })}
        />
      </SimpleGrid>
      {hasReportFilters(value) ? (
        <Group mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => onChange({})} data-testid="report-reset">
            {t('reports.filters.reset')}
          </Button>
        </Group>
      ) : null}
    </form>
  );
}
