import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { updateUserRequestSchema, type AdminUser, type UpdateUserRequest } from '@pathways/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorMessage } from '../../../components/ui/error-message';
import { isApiError } from '../../../lib/api-client';
import { applyServerFieldErrors, zodOptions } from '../../../lib/form';
import { useUpdateUser } from '../api/update-user';
import { localeOptions, roleOptions } from './user-form-fields';

type UpdateUserInput = z.input<typeof updateUserRequestSchema>;

interface EditUserFormProps {
  user: AdminUser;
  onSaved: (user: AdminUser) => void;
  onConflict: () => void;
  onCancel: () => void;
}

export function EditUserForm({ user, onSaved, onConflict, onCancel }: EditUserFormProps) {
  const { t } = useTranslation();
  const mutation = useUpdateUser();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<UpdateUserInput, unknown, UpdateUserRequest>({
    resolver: zodResolver(updateUserRequestSchema, zodOptions),
    defaultValues: {
      version: user.version,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    try {
      onSaved(await mutation.mutateAsync({ ...values, id: user.id }));
    } catch (error) {
      if (isApiError(error, 409)) {
        onConflict();
        return;
      }
      setUnmatched(applyServerFieldErrors(error, form.setError, ['displayName', 'role', 'locale']));
    }
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={t('adminUsers.form.editTitle', { name: user.displayName })}
    >
      <Stack>
        {mutation.isError && !isApiError(mutation.error, 409) ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error, t)}
            {unmatched.map((message) => (
              <div key={message}>{message}</div>
            ))}
          </Alert>
        ) : null}
        <TextInput
          label={t('adminUsers.form.displayName')}
          required
          data-autofocus
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <NativeSelect
          label={t('adminUsers.form.role')}
          data={roleOptions(t)}
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
            {t('adminUsers.form.submitEdit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
