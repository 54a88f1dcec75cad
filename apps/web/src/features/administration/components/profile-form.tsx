import { Alert, Button, Group, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { updateOrganizationRequestSchema, type OrganizationAdminView } from '@pathways/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ConflictAlert, recordConflictMessage } from '../../../components/ui/conflict-alert';
import { errorMessage } from '../../../components/ui/error-message';
import { isApiError } from '../../../lib/api-client';
import { conflictOf } from '../../../lib/conflict';
import { administrationKeys } from '../api/administration-keys';
import { notify } from '../../../lib/notify';
import { payloadResolver } from '../../../lib/schema-resolver';
import { useUpdateOrganization } from '../api/update-organization';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';

interface ProfileValues {
  name: string;
  phone: string;
  email: string;
  address: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The organization's name and contact details (printed on its letters). */
export function ProfileForm({ organization }: { organization: OrganizationAdminView }) {
  const { t } = useTranslation();
  const mutation = useUpdateOrganization();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const toPayload = (v: ProfileValues) => ({
    version: organization.version,
    name: v.name.trim(),
    profile: { phone: orNull(v.phone), email: orNull(v.email), address: orNull(v.address) },
  });
  const form = useForm<ProfileValues, unknown, ReturnType<typeof updateOrganizationRequestSchema.parse>>({
    resolver: payloadResolver(updateOrganizationRequestSchema, toPayload),
    reValidateMode: 'onBlur',
    defaultValues: {
      name: organization.name,
      phone: organization.profile.phone ?? '',
      email: organization.profile.email ?? '',
      address: organization.profile.address ?? '',
    },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const queryClient = useQueryClient();
  const conflict = conflictOf(mutation.error);
  // The contract nests contact details under `profile`; client-side issues arrive there, server ones on the input.
  const nested = (errors as { profile?: Partial<Record<keyof ProfileValues, { message?: string }>> }).profile;
  const err = (key: 'phone' | 'email' | 'address') => errors[key]?.message ?? nested?.[key]?.message;

  const onSubmit = form.handleSubmit(async (payload) => {
    setUnmatched([]);
    try {
      await mutation.mutateAsync(payload);
      guard.release();
      notify({
        color: 'green',
        message: t('administration.settings.saved', { section: t('administration.profile.title') }),
      });
    } catch (error) {
      if (isApiError(error, 409)) return;
      const rest: string[] = [];
      for (const d of isApiError(error) ? error.details : []) {
        const field = d.path.replace(/^profile\./, '');
        if (field === 'name' || field === 'phone' || field === 'email' || field === 'address')
          form.setError(field, { type: 'server', message: d.message });
        else rest.push(d.message);
      }
      setUnmatched(rest);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-profile">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Title order={2} size="h3" id="settings-profile">
            {t('administration.profile.title')}
          </Title>
          {conflict ? (
            <ConflictAlert
              message={recordConflictMessage(conflict, t)}
              afterReload="replaces"
              onReload={() => void queryClient.invalidateQueries({ queryKey: administrationKeys.all })}
            />
          ) : null}
          {mutation.isError && !conflict ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(mutation.error, t)}
              {unmatched.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          ) : null}
          <TextInput
            label={t('administration.profile.name')}
            required
            maxLength={200}
            error={errors.name?.message}
            {...form.register('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('administration.profile.phone')}
              type="tel"
              maxLength={40}
              error={err('phone')}
              {...form.register('phone')}
            />
            <TextInput
              label={t('administration.profile.email')}
              type="email"
              maxLength={320}
              error={err('email')}
              {...form.register('email')}
            />
          </SimpleGrid>
          <Textarea
            label={t('administration.profile.address')}
            autosize
            minRows={2}
            maxLength={300}
            error={err('address')}
            {...form.register('address')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('administration.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
