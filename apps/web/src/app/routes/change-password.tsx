import { Alert, Anchor, Paper } from '@mantine/core';
import { notify } from '../../lib/notify';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { useSession } from '../../lib/session';
import { AccountLanguageSwitch } from '../layout/account-language-switch';
import { SignOutButton } from '../layout/sign-out-button';
import { SimpleShell } from '../layout/simple-shell';
import { paths } from '../paths';

/** Also the forced first step when `mustChangePassword` is set: nothing else is reachable until it is done. */
export function Component() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  return (
    <SimpleShell
      actions={
        <>
          <AccountLanguageSwitch />
          <SignOutButton />
        </>
      }
    >
      <Paper withBorder p="lg" radius="md">
        <PageHeader title={t('auth.changePassword.title')} />
        {me.mustChangePassword ? (
          <Alert color="yellow" variant="light" mb="md">
            {t('auth.changePassword.required')}
          </Alert>
        ) : null}
        <ChangePasswordForm
          onChanged={() => {
            notify({ color: 'green', message: t('auth.changePassword.success') });
            void navigate(paths.home, { replace: true });
          }}
        />
        {!me.mustChangePassword ? (
          <Anchor component={Link} to={paths.home} mt="md" display="block">
            {t('common.actions.goHome')}
          </Anchor>
        ) : null}
      </Paper>
    </SimpleShell>
  );
}
