import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import type { Me } from '@pathways/contracts';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../components/ui/error-message';
import { useVerifyMfa } from '../api/verify-mfa';

interface MfaFormProps {
  challenge: string;
  onSignedIn: (me: Me) => void;
  onBack: () => void;
}

export function MfaForm({ challenge, onSignedIn, onBack }: MfaFormProps) {
  const { t } = useTranslation();
  const verify = useVerifyMfa();
  const schema = useMemo(
    () =>
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, { error: () => t('common.validation.code') }),
      }),
    [t],
  );
  const form = useForm<{ code: string }>({ resolver: zodResolver(schema), defaultValues: { code: '' } });

  const onSubmit = form.handleSubmit(async ({ code }) => {
    try {
      const result = await verify.mutateAsync({ challenge, code });
      onSignedIn(result.user);
    } catch {
      form.resetField('code');
    }
  });

  const failure = verify.error;
  const message = !failure
    ? null
    : isApiError(failure, 401) || isApiError(failure, 400)
      ? t('auth.mfa.invalid')
      : isApiError(failure, 429)
        ? t('auth.signIn.rateLimited')
        : isApiError(failure, 410)
          ? t('auth.mfa.expired')
          : errorMessage(failure, t);

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('auth.mfa.title')}>
      <Stack>
        <Text>{t('auth.mfa.instructions')}</Text>
        {message ? (
          <Alert color="red" variant="light" role="alert">
            {message}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth.mfa.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          data-autofocus
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('auth.mfa.submit')}
        </Button>
        <Button variant="subtle" onClick={onBack}>
          {t('auth.mfa.back')}
        </Button>
      </Stack>
    </form>
  );
}
