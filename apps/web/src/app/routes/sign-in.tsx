import { Alert, Anchor, Group, Paper, Stack } from '@mantine/core';
import type { Me } from '@pathways/contracts';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { MfaForm } from '../../features/auth/components/mfa-form';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { SystemUseNotice } from '../../features/auth/components/system-use-notice';
import { DeviceLanguageSwitch } from '../layout/device-language-switch';
import { SimpleShell } from '../layout/simple-shell';
import { paths, safeNext } from '../paths';

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [challenge, setChallenge] = useState<string | null>(null);
  const expired = params.get('expired') === '1';
  const signedOut = params.get('signedOut') === '1';

  const onSignedIn = (me: Me) =>
    void navigate(me.mustChangePassword ? paths.changePassword : safeNext(params.get('next')), {
      replace: true,
    });

  return (
    <SimpleShell actions={<DeviceLanguageSwitch />}>
      <Stack>
        <SystemUseNotice />
        <Paper withBorder p="lg" radius="md">
          <PageHeader title={challenge ? t('auth.mfa.title') : t('auth.signIn.title')} />
          {!challenge && expired ? (
            <Alert color="blue" variant="light" mb="md" role="status" data-testid="session-expired">
              {t('auth.signIn.expired')}
            </Alert>
          ) : null}
          {!challenge && signedOut && !expired ? (
            <Alert color="green" variant="light" mb="md" role="status">
              {t('auth.signIn.signedOut')}
            </Alert>
          ) : null}
          {challenge ? (
            <MfaForm challenge={challenge} onSignedIn={onSignedIn} onBack={() => setChallenge(null)} />
          ) : (
            <SignInForm
              onSignedIn={onSignedIn}
              onMfaRequired={(response) => setChallenge(response.challenge)}
            />
          )}
        </Paper>
        <Group justify="center" gap="lg" component="nav" aria-label={t('auth.signIn.publicLinks')}>
          <Anchor component={Link} to={paths.publicResources}>
            {t('auth.signIn.publicResources')}
          </Anchor>
          <Anchor component={Link} to={paths.publicDashboard}>
            {t('auth.signIn.publicDashboard')}
          </Anchor>
        </Group>
      </Stack>
    </SimpleShell>
  );
}
