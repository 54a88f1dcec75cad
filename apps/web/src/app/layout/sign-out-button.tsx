import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { suspendUnsavedChangesGuards, useConfirmLeave } from '../../components/ui/unsaved-changes';
import { useLogout } from '../../features/auth/api/logout';
import { endSession } from '../../features/auth/api/start-session';
import { signInHref } from '../paths';

/**
 * Signs out (after asking, when a form holds unsaved input), leaves for sign-in, then drops the session's cached
 * records.
 */
export function useSignOut(): { signOut: () => void; pending: boolean } {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const confirmLeave = useConfirmLeave();
  const signOut = async () => {
    if (!(await confirmLeave())) return;
    suspendUnsavedChangesGuards();
    logout.mutate(undefined, {
      // Leave the signed-in screens first, so none of them refetches after the cache is emptied.
      onSettled: () =>
        void Promise.resolve(navigate(signInHref({ signedOut: true }), { replace: true })).then(() =>
          endSession(queryClient),
        ),
    });
  };
  return { signOut: () => void signOut(), pending: logout.isPending };
}

export function SignOutButton({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const { signOut, pending } = useSignOut();
  return (
    <Button variant="subtle" size="xs" onClick={signOut} loading={pending} fullWidth={fullWidth}>
      {t('common.actions.signOut')}
    </Button>
  );
}
