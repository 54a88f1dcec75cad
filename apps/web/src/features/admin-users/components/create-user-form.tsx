import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import {
  createUserRequestSchema,
  type CreateUserRequest,
  type OneTimePasswordResponse,
} from '@pathways/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorMessage } from '../../../components/ui/error-message';
import { isApiError } from '../../../lib/api-client';
import { applyServerFieldErrors, zodOptions } from '../../../lib/form';
import { useCreateUser } from '../api/create-user';
import { localeOptions, roleOptions } from './user-form-fields';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';

type CreateUserInput = z.input<typeof createUserRequestSchema>;

interface CreateUserFormProps {
  onCreated: (result: OneTimePasswordResponse) => void;
  onCancel: () => void;
}

export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateUser();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<CreateUserInput, unknown, CreateUserRequest>({
    resolver: zodResolver(createUserRequestSchema, zodOptions),
    defaultValues: { email: '', displayName: '', role: '' as CreateUserInput['role'], locale: 'en' },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);

  const onSubmit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      const created = await mutation.mutateAsync(values);
      guard.release();
      onCreated(created);
    } catch (error) {
      if (isApiError(error, 409)) {
        form.setError(
          'email',
          { type: 'server', message: t('adminUsers.form.emailTaken') },
          { shouldFocus: true },
        );
        return;
      }
      setUnmatched(applyServerFieldErrors(error, form.setError, ['email', 'displayName', 'role', 'locale']));
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('adminUsers.form.createTitle')}>
      <Stack>
        {mutation.isError && !isApiError(mutation.error, 409) ? (
          <Alert color="red" variant="light" role="alert" data-testid="create-user-error">
            {errorMessage(mutation.error, t)}
            {unmatched.map((message) => (
              <div key={message}>{message}</div>
            ))}
          </Alert>
        ) : null}
        <TextInput
          label={t('adminUsers.form.email')}
          type="email"
          autoComplete="off"
          required
          data-autofocus
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextInput
          label={t('adminUsers.form.displayName')}
          autoComplete="off"
          required
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <NativeSelect
          label={t('adminUsers.form.role')}
          required
          data={[{ value: '', label: t('adminUsers.form.chooseRole') }, ...roleOptions(t)]}
          error={errors.role?.message}
          {...form.register('role')}
        />
        <NativeSelect
          label={t('adminUsers.form.locale')}
          data={localeOptions(t)}
          error={errors.locale?.message}
          {...form.register('locale')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('adminUsers.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
