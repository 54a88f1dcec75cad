import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from '../../../components/ui/error-message';
import { isApiError } from '../../../lib/api-client';
import { useEnrollMfa } from '../api/enroll-mfa';

/** Groups a base32 secret in fours so a person can type it into an app without losing their place. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** Two-step verification (TOTP) for the signed-in account: show a secret, confirm it with the app's first code. */
export function MfaEnrollment({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const enroll = useEnrollMfa();
  const [secret, setSecret] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [done, setDone] = useState(false);
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

  const start = async () => {
    setDone(false);
    const result = await enroll.mutateAsync(undefined);
    if (result.secret && result.otpauthUrl)
      setSecret({ secret: result.secret, otpauthUrl: result.otpauthUrl });
  };

  const confirm = form.handleSubmit(async ({ code }) => {
    try {
      await enroll.mutateAsync(code);
      setSecret(null);
      setDone(true);
      form.reset();
    } catch (error) {
      if (isApiError(error, 400)) form.setError('code', { message: t('auth.mfaEnroll.wrongCode') });
    }
  });

  const failure = enroll.error && !isApiError(enroll.error, 400) ? errorMessage(enroll.error, t) : null;

  return (
    <Stack>
      <Text>{t('auth.mfaEnroll.intro')}</Text>
      {done || (enabled && !secret) ? (
        <Alert color="green" variant="light" role="status" data-testid="mfa-enabled">
          {t('auth.mfaEnroll.enabled')}
        </Alert>
      ) : null}
      {failure ? (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      ) : null}
      {!secret ? (
        <Group>
          <Button onClick={() => void start()} loading={enroll.isPending}>
            {enabled ? t('auth.mfaEnroll.restart') : t('auth.mfaEnroll.start')}
          </Button>
        </Group>
      ) : (
        <form
          onSubmit={(event) => void confirm(event)}
          noValidate
          aria-label={t('auth.mfaEnroll.confirmTitle')}
        >
          <Stack>
            <Text>{t('auth.mfaEnroll.step1')}</Text>
            <Code block data-testid="mfa-secret" fz="lg" aria-label={t('auth.mfaEnroll.secretLabel')}>
              {grouped(secret.secret)}
            </Code>
            <Anchor href={secret.otpauthUrl}>{t('auth.mfaEnroll.openApp')}</Anchor>
            <Text>{t('auth.mfaEnroll.step2')}</Text>
            <TextInput
              label={t('auth.mfa.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              error={form.formState.errors.code?.message}
              {...form.register('code')}
            />
            <Group>
              <Button type="submit" loading={enroll.isPending}>
                {t('auth.mfaEnroll.confirm')}
              </Button>
              <Button variant="subtle" onClick={() => setSecret(null)}>
                {t('common.actions.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
