import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { CASE_STATUSES, type CaseListQuery, type UserSummary } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_CASES, CASE_SORTS, DEFAULT_CASE_SORT } from '../../api/get-cases';

interface CaseFiltersProps {
  value: CaseListQuery;
  onChange: (next: CaseListQuery) => void;
  /** Supervisors filter by counselor; counselors see only their own caseload, so they get no such filter. */
  counselors?: UserSummary[];
}

const sortKey = (sort: string) => sort.replace(':', '_') as 'targetEndAt_asc';

export function CaseFilters({ value, onChange, counselors }: CaseFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  const set = (patch: Partial<CaseListQuery>) => onChange({ ...value, ...patch, page: 1 });
  const commitQuery = useDebouncedCallback((text: string) => set({ q: text.trim() || undefined }), 300);
  const statusValue = value.status ?? (value.open === 'true' ? '' : ALL_CASES);
  const hasFilters = Boolean(value.status || value.open !== 'true' || value.counselorId || value.q);
  const flex = (basis: string) => ({ flex: `1 1 ${basis}`, minWidth: 0 });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('cases.list.filters')}>
      <TextInput
        type="search"
        label={t('cases.list.search')}
        placeholder={t('cases.list.searchPlaceholder')}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          commitQuery(event.currentTarget.value);
        }}
        style={flex('14rem')}
      />
      <NativeSelect
        label={t('cases.list.status')}
        value={statusValue}
        data={[
          { value: '', label: t('cases.list.openCases') },
          { value: ALL_CASES, label: t('cases.list.allCases') },
          ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) })),
        ]}
        onChange={(event) => {
          const next = event.currentTarget.value;
          const status = (CASE_STATUSES as readonly string[]).includes(next)
            ? (next as CaseListQuery['status'])
            : undefined;
          set({ status, open: next === '' ? 'true' : undefined });
        }}
        style={flex('11rem')}
      />
      {counselors ? (
        <NativeSelect
          label={t('cases.list.counselor')}
          value={value.counselorId ?? ''}
          data={[
            { value: '', label: t('cases.list.allCounselors') },
            ...[...counselors]
              .sort((a, b) => a.displayName.localeCompare(b.displayName))
              .map((u) => ({ value: u.id, label: u.displayName })),
          ]}
          onChange={(event) => set({ counselorId: event.currentTarget.value || undefined })}
          style={flex('11rem')}
        />
      ) : null}
      <NativeSelect
        label={t('cases.list.sort')}
        value={value.sort ?? DEFAULT_CASE_SORT}
        data={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.list.sorts.${sortKey(s)}`) }))}
        onChange={(event) => onChange({ ...value, sort: event.currentTarget.value })}
        style={flex('11rem')}
      />
      {hasFilters ? (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            onChange({ page: 1, pageSize: value.pageSize, sort: value.sort, open: 'true' });
          }}
        >
          {t('common.actions.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
