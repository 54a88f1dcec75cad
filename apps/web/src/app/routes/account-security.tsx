import { Alert, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { MfaEnrollment } from '../../features/auth/components/mfa-enrollment';
import { useSession } from '../../lib/session';

export function Component() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Paper withBorder p="lg" radius="md" maw={640}>
      <PageHeader title={t('auth.mfaEnroll.title')} />
      {me.mfaSetupRequired ? (
        <Alert color="yellow" variant="light" mb="md" data-testid="mfa-required">
          {t('auth.mfaEnroll.required')}
        </Alert>
      ) : null}
      <MfaEnrollment enabled={me.mfaEnabled} />
    </Paper>
  );
}
