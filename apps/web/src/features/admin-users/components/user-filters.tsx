import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { AdminUsersQuery } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleOptions } from './user-form-fields';

interface UserFiltersProps {
  value: AdminUsersQuery;
  onChange: (next: AdminUsersQuery) => void;
}

export function UserFilters({ value, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  const commitQuery = useDebouncedCallback(
    (text: string) => onChange({ ...value, q: text.trim() || undefined }),
    300,
  );
  const hasFilters = Boolean(value.role || value.active || value.q);

  return (
    <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('adminUsers.filters.label')}>
      <TextInput
        type="search"
        label={t('adminUsers.filters.search')}
        placeholder={t('adminUsers.filters.searchPlaceholder')}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          commitQuery(event.currentTarget.value);
        }}
        style={{ flex: '1 1 14rem' }}
      />
      <NativeSelect
        label={t('adminUsers.filters.role')}
        value={value.role ?? ''}
        data={[{ value: '', label: t('adminUsers.filters.allRoles') }, ...roleOptions(t)]}
        onChange={(event) => {
          const role = event.currentTarget.value;
          onChange({ ...value, role: role ? (role as AdminUsersQuery['role']) : undefined });
        }}
        style={{ flex: '1 1 12rem' }}
      />
      <NativeSelect
        label={t('adminUsers.filters.status')}
        value={value.active ?? ''}
        data={[
          { value: '', label: t('adminUsers.filters.all') },
          { value: 'true', label: t('adminUsers.filters.active') },
          { value: 'false', label: t('adminUsers.filters.inactive') },
        ]}
        onChange={(event) => {
          const active = event.currentTarget.value;
          onChange({ ...value, active: active === 'true' || active === 'false' ? active : undefined });
        }}
        style={{ flex: '1 1 10rem' }}
      />
      {hasFilters ? (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('');
            onChange({});
          }}
        >
          {t('common.actions.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
