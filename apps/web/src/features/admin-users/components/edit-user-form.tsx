import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { updateUserRequestSchema, type AdminUser, type UpdateUserRequest } from '@pathways/contracts';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorMessage } from '../../../components/ui/error-message';
import { isApiError } from '../../../lib/api-client';
import { conflictOf } from '../../../lib/conflict';
import { ConflictAlert, recordConflictMessage } from '../../../components/ui/conflict-alert';
import { applyServerFieldErrors, zodOptions } from '../../../lib/form';
import { useUpdateUser } from '../api/update-user';
import { localeOptions, roleOptions } from './user-form-fields';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';

type UpdateUserInput = z.input<typeof updateUserRequestSchema>;

interface EditUserFormProps {
  /** The account as last read: after a reload, the latest (its version goes with the next save). */
  user: AdminUser;
  onSaved: (user: AdminUser) => void;
  /** Reads the account again after a 409; what was typed stays in the form. */
  onReload: () => Promise<unknown>;
  onCancel: () => void;
}

export function EditUserForm({ user, onSaved, onReload, onCancel }: EditUserFormProps) {
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
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  // A newer version read after a 409: the fields not touched here show it, the ones changed here keep the input.
  useEffect(() => {
    form.reset(
      { version: user.version, displayName: user.displayName, role: user.role, locale: user.locale },
      { keepDirtyValues: true },
    );
    // Only a new version of the account is news; its other fields come with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.version]);
  const [reloaded, setReloaded] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setUnmatched([]);
    setReloaded(false);
    try {
      const saved = await mutation.mutateAsync({ ...values, version: user.version, id: user.id });
      guard.release();
      onSaved(saved);
    } catch (error) {
      if (isApiError(error, 409)) return;
      setUnmatched(applyServerFieldErrors(error, form.setError, ['displayName', 'role', 'locale']));
    }
  });

  const conflict = conflictOf(mutation.error);
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={t('adminUsers.form.editTitle', { name: user.displayName })}
    >
      <Stack>
        {conflict ? (
          <ConflictAlert
            message={recordConflictMessage(conflict, t)}
            afterReload="keeps"
            reloaded={reloaded}
            onReload={() => void onReload().then(() => setReloaded(true))}
          />
        ) : null}
        {mutation.isError && !conflict ? (
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
