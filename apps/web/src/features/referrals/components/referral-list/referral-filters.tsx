import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { REFERRAL_STATUSES, type ReferralListQuery, type School } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolOptions } from '../../../../lib/catalog/get-schools';
import { DEFAULT_REFERRAL_SORT, REFERRAL_SORTS } from '../../api/get-referrals';
import { pathwayOptions } from '../options';

interface ReferralFiltersProps {
  value: ReferralListQuery;
  schools: School[] | undefined;
  onChange: (next: ReferralListQuery) => void;
}

const sortKey = (sort: string) => sort.replace(':', '_') as 'receivedAt_desc';

export function ReferralFilters({ value, schools, onChange }: ReferralFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  // Any filter change starts again at page 1.
  const set = (patch: Partial<ReferralListQuery>) => onChange({ ...value, ...patch, page: 1 });
  const commitQuery = useDebouncedCallback((text: string) => set({ q: text.trim() || undefined }), 300);
  const hasFilters = Boolean(
    value.status || value.pathway || value.schoolId || value.q || value.from || value.to,
  );
  const flex = (basis: string) => ({ flex: `1 1 ${basis}`, minWidth: 0 });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('referrals.list.filters')}>
      <TextInput
        type="search"
        label={t('referrals.list.search')}
        placeholder={t('referrals.list.searchPlaceholder')}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          commitQuery(event.currentTarget.value);
        }}
        style={flex('14rem')}
      />
      <NativeSelect
        label={t('referrals.list.status')}
        value={value.status ?? ''}
        data={[
          { value: '', label: t('referrals.list.allStatuses') },
          ...REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referrals.statuses.${s}`) })),
        ]}
        onChange={(event) =>
          set({ status: (event.currentTarget.value || undefined) as ReferralListQuery['status'] })
        }
        style={flex('10rem')}
      />
      <NativeSelect
        label={t('referrals.incident.pathway')}
        value={value.pathway ?? ''}
        data={pathwayOptions(t, { value: '', label: t('referrals.list.allPathways') })}
        onChange={(event) =>
          set({ pathway: (event.currentTarget.value || undefined) as ReferralListQuery['pathway'] })
        }
        style={flex('10rem')}
      />
      <NativeSelect
        label={t('referrals.incident.school')}
        value={value.schoolId ?? ''}
        data={[{ value: '', label: t('referrals.list.allSchools') }, ...schoolOptions(schools)]}
        onChange={(event) => set({ schoolId: event.currentTarget.value || undefined })}
        style={flex('12rem')}
      />
      <TextInput
        type="date"
        label={t('referrals.list.from')}
        value={value.from ?? ''}
        onChange={(event) => set({ from: event.currentTarget.value || undefined })}
        style={flex('9rem')}
      />
      <TextInput
        type="date"
        label={t('referrals.list.to')}
        value={value.to ?? ''}
        onChange={(event) => set({ to: event.currentTarget.value || undefined })}
        style={flex('9rem')}
      />
      <NativeSelect
        label={t('referrals.list.sort')}
        value={value.sort ?? DEFAULT_REFERRAL_SORT}
        data={REFERRAL_SORTS.map((s) => ({ value: s, label: t(`referrals.list.sorts.${sortKey(s)}`) }))}
        onChange={(event) => onChange({ ...value, sort: event.currentTarget.value })}
        style={flex('10rem')}
      />
      {hasFilters ? (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            onChange({ page: 1, pageSize: value.pageSize, sort: value.sort });
          }}
        >
          {t('common.actions.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
