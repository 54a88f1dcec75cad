import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import {
  COMMUNITY_EVENT_TYPES,
  communityEventRequestSchema,
  type CommunityEventRequest,
  type CommunityEventType,
  type CommunityEventView,
  type School,
} from '@pathways/contracts';
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ui/error-message';
import { schoolOptions } from '../../../lib/catalog/get-schools';
import { isApiError } from '../../../lib/api-client';
import { conflictOf } from '../../../lib/conflict';
import { ConflictAlert, recordConflictMessage } from '../../../components/ui/conflict-alert';
import { communityEventKeys } from '../api/community-event-keys';
import { applyServerFieldErrors, selectFieldProps } from '../../../lib/form';
import { payloadResolver } from '../../../lib/schema-resolver';
import { useCreateCommunityEvent } from '../api/create-community-event';
import { useUpdateCommunityEvent } from '../api/update-community-event';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';

interface CommunityEventFormValues {
  type: CommunityEventType | '';
  title: string;
  occurredOn: string;
  schoolId: string;
  participantCount: string;
  partners: string[];
}

const toPayload = (v: CommunityEventFormValues) => ({
  type: v.type || undefined,
  title: v.title.trim() || undefined,
  occurredOn: v.occurredOn || undefined,
  schoolId: v.schoolId || undefined,
  participantCount: v.participantCount.trim() === '' ? undefined : Number(v.participantCount),
  partners: v.partners.length ? v.partners : undefined,
});

const fromEvent = (e: CommunityEventView | undefined): CommunityEventFormValues => ({
  type: e?.type ?? '',
  title: e?.title ?? '',
  occurredOn: e?.occurredOn ?? new Date().toISOString().slice(0, 10),
  schoolId: e?.schoolId ?? '',
  participantCount: e ? String(e.participantCount) : '',
  partners: e?.partners ?? [],
});

interface CommunityEventFormProps {
  event?: CommunityEventView;
  schools: School[] | undefined;
  onSaved: (event: CommunityEventView) => void;
  onCancel: () => void;
}

/** Outreach programs count participants only: no youth names (DOMAIN.md CommunityEvent). */
export function CommunityEventForm({ event, schools, onSaved, onCancel }: CommunityEventFormProps) {
  const { t } = useTranslation();
  const create = useCreateCommunityEvent();
  const update = useUpdateCommunityEvent();
  const mutation = event ? update : create;
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<CommunityEventFormValues, unknown, CommunityEventRequest>({
    resolver: payloadResolver(communityEventRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: fromEvent(event),
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  // A newer version read after a 409: the fields not touched here show it, the ones changed here keep the input.
  const version = event?.version;
  useEffect(() => {
    if (event) form.reset(fromEvent(event), { keepDirtyValues: true });
    // Only a new version of the event is news; its other fields come with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const queryClient = useQueryClient();
  const [reloaded, setReloaded] = useState(false);

  const onSubmit = form.handleSubmit(async (payload) => {
    setUnmatched([]);
    setReloaded(false);
    try {
      const saved = event
        ? await update.mutateAsync({ id: event.id, version: event.version, ...payload })
        : await create.mutateAsync(payload);
      guard.release();
      onSaved(saved);
    } catch (error) {
      if (event && isApiError(error, 409)) return;
      setUnmatched(
        applyServerFieldErrors(error, form.setError, [
          'type',
          'title',
          'occurredOn',
          'schoolId',
          'participantCount',
          'partners',
        ]),
      );
    }
  });

  // Only an edit can meet someone else's edit.
  const conflict = event ? conflictOf(mutation.error) : null;
  // The latest version, read again (the event is found in the cached list pages, so those go first); the form keeps
  // what was typed, and the next save sends the version just read.
  const reload = async () => {
    if (!event) return;
    queryClient.removeQueries({ queryKey: communityEventKeys.lists() });
    // A refetch keeps the shown event (and this form) in place while it reads.
    await queryClient.refetchQueries({ queryKey: communityEventKeys.detail(event.id) });
    setReloaded(true);
  };

  const title = event ? t('communityEvents.form.editTitle') : t('communityEvents.form.createTitle');
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
      <Stack>
        {conflict ? (
          <ConflictAlert
            message={recordConflictMessage(conflict, t)}
            afterReload="keeps"
            reloaded={reloaded}
            onReload={() => void reload()}
          />
        ) : mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error, t)}
            {unmatched.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('communityEvents.form.type')}
          required
          data={[
            { value: '', label: t('communityEvents.form.choose') },
            ...COMMUNITY_EVENT_TYPES.map((type) => ({
              value: type,
              label: t(`communityEvents.types.${type}`),
            })),
          ]}
          error={errors.type?.message}
          {...form.register('type')}
        />
        <TextInput
          label={t('communityEvents.form.title')}
          maxLength={200}
          error={errors.title?.message}
          {...form.register('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('communityEvents.form.occurredOn')}
            required
            error={errors.occurredOn?.message}
            {...form.register('occurredOn')}
          />
          <TextInput
            label={t('communityEvents.form.participantCount')}
            required
            inputMode="numeric"
            error={errors.participantCount?.message}
            {...form.register('participantCount')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="schoolId"
          render={({ field, fieldState }) => (
            <Select
              label={t('communityEvents.form.school')}
              searchable
              clearable
              selectFirstOptionOnChange
              nothingFoundMessage={t('communityEvents.form.noSchool')}
              data={schoolOptions(schools)}
              {...selectFieldProps(field, fieldState)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="partners"
          render={({ field, fieldState }) => (
            <TagsInput
              label={t('communityEvents.form.partners')}
              description={t('communityEvents.form.partnersHelp')}
              splitChars={[',', ';']}
              maxTags={20}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {event ? t('communityEvents.form.save') : t('communityEvents.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
