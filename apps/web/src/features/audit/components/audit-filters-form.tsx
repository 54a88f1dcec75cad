import { Button, Group, NativeSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditActors } from '../api/get-audit-actors';
import type { AuditFilters } from '../api/get-audit-events';
import { entityTypeLabel } from './audit-event-list';

/** Record types the trail uses; searching by record needs its type or its id (or both). */
export const ENTITY_TYPES = [
  'user',
  'session',
  'organization',
  'referral',
  'case',
  'youth',
  'notice',
  'consent',
  'assessment',
  'goal',
  'note',
  'contact',
  'service_enrollment',
  'accountability_item',
  'follow_up',
  'school_contact',
  'community_event',
  'school',
  'reason_code',
  'service_type',
  'resource',
  'retention_run',
  'audit_event',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AuditFiltersFormProps {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
}

/** Search by actor, action, outcome, record and period; applied with the button (the trail can be long). */
export function AuditFiltersForm({ value, onChange }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const actors = useAuditActors();
  const [draft, setDraft] = useState<AuditFilters>(value);
  const [idError, setIdError] = useState<string | null>(null);
  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const hasFilters = Object.entries(value).some(([k, v]) => k !== 'page' && v !== undefined);

  return (
    <form
      role="search"
      aria-label={t('auditConsole.filters.label')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.entityId && !UUID.test(draft.entityId)) {
          setIdError(t('auditConsole.filters.badId'));
          return;
        }
        setIdError(null);
        onChange({ ...draft, page: 1 });
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Select
          label={t('auditConsole.filters.actor')}
          placeholder={t('auditConsole.filters.anyone')}
          searchable
          clearable
          nothingFoundMessage={t('auditConsole.filters.noActor')}
          data={(actors.data ?? []).map((a) => ({
            value: a.id,
            label: `${a.displayName} (${t(`common.roles.${a.role}`)})`,
          }))}
          value={draft.actorId ?? null}
          onChange={(v) => set({ actorId: v ?? undefined })}
        />
        <NativeSelect
          label={t('auditConsole.filters.action')}
          data={[
            { value: '', label: t('auditConsole.filters.any') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditConsole.actions.${a}`) })),
          ]}
          value={draft.action ?? ''}
          onChange={(e) => set({ action: (e.currentTarget.value || undefined) as AuditAction | undefined })}
        />
        <NativeSelect
          label={t('auditConsole.filters.outcome')}
          data={[
            { value: '', label: t('auditConsole.filters.any') },
            ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`auditConsole.outcomes.${o}`) })),
          ]}
          value={draft.outcome ?? ''}
          onChange={(e) => set({ outcome: (e.currentTarget.value || undefined) as AuditOutcome | undefined })}
        />
        <NativeSelect
          label={t('auditConsole.filters.entityType')}
          data={[
            { value: '', label: t('auditConsole.filters.any') },
            ...ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(t, type) })),
          ]}
          value={draft.entityType ?? ''}
          onChange={(e) => set({ entityType: e.currentTarget.value || undefined })}
        />
        <TextInput
          label={t('auditConsole.filters.entityId')}
          description={t('auditConsole.filters.entityIdHelp')}
          value={draft.entityId ?? ''}
          error={idError}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set({ entityId: e.currentTarget.value.trim() || undefined })}
        />
        <TextInput
          type="date"
          label={t('auditConsole.filters.from')}
          value={draft.fromDate ?? ''}
          onChange={(e) => set({ fromDate: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('auditConsole.filters.to')}
          value={draft.toDate ?? ''}
          onChange={(e) => set({ toDate: e.currentTarget.value || undefined })}
        />
        <Group align="flex-end" gap="sm">
          <Button type="submit">{t('auditConsole.filters.apply')}</Button>
          {hasFilters ? (
            <Button
              variant="subtle"
              onClick={() => {
                setDraft({ page: 1 });
                onChange({ page: 1 });
              }}
            >
              {t('common.actions.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </SimpleGrid>
    </form>
  );
}
