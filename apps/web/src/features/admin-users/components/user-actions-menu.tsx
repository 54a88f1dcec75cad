import { Button, Menu } from '@mantine/core';
import type { AdminUser } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';

export type UserAction = 'edit' | 'deactivate' | 'reactivate' | 'unlock' | 'resetPassword' | 'resetMfa';

interface UserActionsMenuProps {
  user: AdminUser;
  isSelf: boolean;
  onAction: (action: UserAction, user: AdminUser) => void;
}

export function UserActionsMenu({ user, isSelf, onAction }: UserActionsMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          aria-label={t('adminUsers.actions.menu', { name: user.displayName })}
        >
          {t('adminUsers.columns.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction('edit', user)}>{t('adminUsers.actions.edit')}</Menu.Item>
        {user.locked ? (
          <Menu.Item onClick={() => onAction('unlock', user)}>{t('adminUsers.actions.unlock')}</Menu.Item>
        ) : null}
        {!isSelf ? (
          <Menu.Item onClick={() => onAction('resetPassword', user)}>
            {t('adminUsers.actions.resetPassword')}
          </Menu.Item>
        ) : null}
        {!isSelf && user.mfaEnabled ? (
          <Menu.Item onClick={() => onAction('resetMfa', user)}>{t('adminUsers.actions.resetMfa')}</Menu.Item>
        ) : null}
        {!isSelf && user.active ? (
          <Menu.Item color="red" onClick={() => onAction('deactivate', user)}>
            {t('adminUsers.actions.deactivate')}
          </Menu.Item>
        ) : null}
        {!user.active ? (
          <Menu.Item onClick={() => onAction('reactivate', user)}>
            {t('adminUsers.actions.reactivate')}
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
