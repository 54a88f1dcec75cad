import { Button, Stack, Text } from '@mantine/core';
import { notify } from '../../../lib/notify';
import type { AdminUser, AdminUsersQuery, OneTimePasswordResponse } from '@pathways/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { errorMessage } from '../../../components/ui/error-message';
import { ErrorState } from '../../../components/ui/error-state';
import { FormDialog } from '../../../components/ui/form-dialog';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { useUsers } from '../api/get-users';
import { useResetMfa } from '../api/reset-mfa';
import { useResetPassword } from '../api/reset-password';
import { useUnlockUser } from '../api/unlock-user';
import { useUpdateUser } from '../api/update-user';
import { EditUserForm } from './edit-user-form';
import { OneTimePasswordModal } from './one-time-password-modal';
import type { UserAction } from './user-actions-menu';
import { UserFilters } from './user-filters';
import { UserList } from './user-list';

interface AdminUsersScreenProps {
  filters: AdminUsersQuery;
  onFiltersChange: (next: AdminUsersQuery) => void;
  /** Opens the create-user page: a page rather than a dialog, so a phone gets the whole screen for it. */
  onCreate: () => void;
}

type Confirming = { kind: 'deactivate' | 'resetPassword' | 'resetMfa'; user: AdminUser } | null;

export function AdminUsersScreen({ filters, onFiltersChange, onCreate }: AdminUsersScreenProps) {
  const { t } = useTranslation();
  const me = useSession();
  const users = useUsers(filters);
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const resetMfa = useResetMfa();

  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [oneTimePassword, setOneTimePassword] = useState<OneTimePasswordResponse | null>(null);

  const notifySuccess = (message: string) => notify({ color: 'green', message });
  const notifyConflict = () =>
    notify({ color: 'orange', message: t('adminUsers.notify.conflict'), autoClose: 10_000 });
  const notifyFailure = (error: unknown) => {
    if (isApiError(error, 409)) notifyConflict();
    else notify({ color: 'red', title: t('common.errors.title'), message: errorMessage(error, t) });
  };

  const setActive = async (user: AdminUser, active: boolean) => {
    try {
      await update.mutateAsync({ id: user.id, version: user.version, active });
      notifySuccess(
        t(active ? 'adminUsers.notify.reactivated' : 'adminUsers.notify.deactivated', {
          name: user.displayName,
        }),
      );
    } catch (error) {
      notifyFailure(error);
    }
  };

  const onAction = (action: UserAction, user: AdminUser) => {
    if (action === 'edit') setEditing(user);
    else if (action === 'deactivate' || action === 'resetPassword' || action === 'resetMfa')
      setConfirming({ kind: action, user });
    else if (action === 'reactivate') void setActive(user, true);
    else
      unlock.mutate(user.id, {
        onSuccess: () => notifySuccess(t('adminUsers.notify.unlocked', { name: user.displayName })),
        onError: notifyFailure,
      });
  };

  const onConfirm = async () => {
    if (!confirming) return;
    const { kind, user } = confirming;
    if (kind === 'deactivate') {
      await setActive(user, false);
    } else if (kind === 'resetMfa') {
      try {
        await resetMfa.mutateAsync(user.id);
        notifySuccess(t('adminUsers.notify.mfaReset', { name: user.displayName }));
      } catch (error) {
        notifyFailure(error);
      }
    } else {
      try {
        setOneTimePassword(await reset.mutateAsync(user.id));
      } catch (error) {
        notifyFailure(error);
      }
    }
    setConfirming(null);
  };

  const list = users.data;
  // The account being edited as the list holds it now: after a 409 the list is read again, and the next save sends
  // the version just read.
  const editingUser = editing ? (list?.find((u) => u.id === editing.id) ?? editing) : null;
  return (
    <>
      <PageHeader
        title={t('adminUsers.title')}
        description={t('adminUsers.intro', { organization: me.organization.name })}
        actions={<Button onClick={onCreate}>{t('adminUsers.create')}</Button>}
      />
      <Stack>
        <UserFilters value={filters} onChange={onFiltersChange} />
        {users.isPending ? (
          <LoadingState />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : list && list.length === 0 ? (
          <EmptyState title={t('adminUsers.emptyTitle')} description={t('adminUsers.empty')} />
        ) : list ? (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('adminUsers.count', { total: list.length })}
            </Text>
            <UserList users={list} currentUserId={me.id} onAction={onAction} />
          </>
        ) : null}
      </Stack>

      <FormDialog
        opened={editingUser !== null}
        onClose={() => setEditing(null)}
        title={editingUser ? t('adminUsers.form.editTitle', { name: editingUser.displayName }) : ''}
        size="md"
        fullScreenOnPhone={false}
      >
        {editingUser ? (
          <EditUserForm
            key={editingUser.id}
            user={editingUser}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              notifySuccess(t('adminUsers.notify.updated', { name: saved.displayName }));
            }}
            onReload={() => users.refetch()}
          />
        ) : null}
      </FormDialog>

      <ConfirmDialog
        opened={confirming !== null}
        destructive={confirming?.kind === 'deactivate'}
        loading={update.isPending || reset.isPending || resetMfa.isPending}
        title={
          confirming?.kind === 'deactivate'
            ? t('adminUsers.confirm.deactivateTitle', { name: confirming.user.displayName })
            : confirming?.kind === 'resetMfa'
              ? t('adminUsers.confirm.resetMfaTitle', { name: confirming.user.displayName })
              : t('adminUsers.confirm.resetTitle', { name: confirming?.user.displayName ?? '' })
        }
        body={
          confirming?.kind === 'deactivate'
            ? t('adminUsers.confirm.deactivateBody')
            : confirming?.kind === 'resetMfa'
              ? t('adminUsers.confirm.resetMfaBody')
              : t('adminUsers.confirm.resetBody')
        }
        confirmLabel={
          confirming?.kind === 'deactivate'
            ? t('adminUsers.actions.deactivate')
            : confirming?.kind === 'resetMfa'
              ? t('adminUsers.actions.resetMfa')
              : t('adminUsers.actions.resetPassword')
        }
        onConfirm={() => void onConfirm()}
        onClose={() => setConfirming(null)}
      />

      <OneTimePasswordModal result={oneTimePassword} onClose={() => setOneTimePassword(null)} />
    </>
  );
}
