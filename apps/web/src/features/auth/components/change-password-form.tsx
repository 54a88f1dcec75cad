import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { changePasswordRequestSchema } from '@pathways/contracts';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from '../../../components/ui/error-message';
import { applyServerFieldErrors, zodOptions } from '../../../lib/form';
import { useChangePassword } from '../api/change-password';
import { useUnsavedChangesGuard } from '../../../components/ui/unsaved-changes';

interface ChangePasswordFormProps {
  onChanged: () => void;
}

export function ChangePasswordForm({ onChanged }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const [summary, setSummary] = useState<string[]>([]);
  const schema = useMemo(
    () =>
      changePasswordRequestSchema
        .extend({ confirmPassword: z.string() })
        .refine((values) => values.newPassword === values.confirmPassword, {
          path: ['confirmPassword'],
          error: () => t('common.validation.passwordsDiffer'),
        }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema, zodOptions),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  const guard = useUnsavedChangesGuard(form.formState.isDirty);

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setSummary([]);
    try {
      await mutation.mutateAsync({ currentPassword, newPassword });
      guard.release();
      onChanged();
    } catch (error) {
      setSummary(applyServerFieldErrors(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('auth.changePassword.title')}>
      <Stack>
        {mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error, t)}
            {summary.map((message) => (
              <div key={message}>{message}</div>
            ))}
          </Alert>
        ) : null}
        <PasswordInput
          label={t('auth.changePassword.current')}
          autoComplete="current-password"
          required
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <PasswordInput
          label={t('auth.changePassword.new')}
          description={t('auth.changePassword.intro')}
          autoComplete="new-password"
          required
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <PasswordInput
          label={t('auth.changePassword.confirm')}
          autoComplete="new-password"
          required
          error={errors.confirmPassword?.message}
          {...form.register('confirmPassword')}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('auth.changePassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
