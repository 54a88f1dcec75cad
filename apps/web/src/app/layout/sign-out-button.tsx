import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../features/auth/api/logout';
import { endSession } from '../../features/auth/api/start-session';
import { signInHref } from '../paths';

export function SignOutButton({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      // Leave the signed-in screens first, so none of them refetches after the cache is emptied.
      onSettled: () =>
        void Promise.resolve(navigate(signInHref({ signedOut: true }), { replace: true })).then(() =>
          endSession(queryClient),
        ),
    });
  return (
    <Button variant="subtle" size="xs" onClick={signOut} loading={logout.isPending} fullWidth={fullWidth}>
      {t('common.actions.signOut')}
    </Button>
  );
}
