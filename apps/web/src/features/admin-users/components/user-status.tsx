import { Badge, Group } from '@mantine/core';
import type { AdminUser } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';

/** Each state is spelled out in words; color only repeats it. */
export function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={user.active ? 'green' : 'gray'}>
        {user.active
          ? t('adminUsers.status.active')
          : user.deactivationReason === 'INACTIVITY'
            ? t('adminUsers.status.inactiveUnused')
            : t('adminUsers.status.inactive')}
      </Badge>
      {user.locked ? (
        <Badge variant="light" color="red">
          {t('adminUsers.status.locked')}
        </Badge>
      ) : null}
      {user.mfaEnabled ? (
        <Badge variant="light" color="blue">
          {t('adminUsers.status.mfa')}
        </Badge>
      ) : null}
      {user.mustChangePassword ? (
        <Badge variant="light" color="yellow">
          {t('adminUsers.status.mustChangePassword')}
        </Badge>
      ) : null}
    </Group>
  );
}
