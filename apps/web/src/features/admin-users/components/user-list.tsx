import { Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AdminUser } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { UserActionsMenu, type UserAction } from './user-actions-menu';
import { UserStatus } from './user-status';

interface UserListProps {
  users: AdminUser[];
  currentUserId: string;
  onAction: (action: UserAction, user: AdminUser) => void;
}

/** A table on wide screens, stacked cards on a phone (no horizontal scroll at 390 px). */
export function UserList({ users, currentUserId, onAction }: UserListProps) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const lastLogin = (user: AdminUser) =>
    formatDateTime(user.lastLoginAt, i18n.language) ?? t('adminUsers.never');

  if (isPhone) {
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {users.map((user) => (
          <Card key={user.id} withBorder component="li" padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {user.displayName}
                  </Text>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {user.email}
                  </Text>
                </div>
                <UserActionsMenu user={user} isSelf={user.id === currentUserId} onAction={onAction} />
              </Group>
              <Text size="sm">{t(`common.roles.${user.role}`)}</Text>
              <UserStatus user={user} />
              <Text size="sm" c="dimmed">
                {t('adminUsers.columns.lastLogin')}: {lastLogin(user)}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('adminUsers.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('adminUsers.columns.email')}</Table.Th>
            <Table.Th scope="col">{t('adminUsers.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('adminUsers.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('adminUsers.columns.lastLogin')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('adminUsers.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={500}>
                {user.displayName}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
              <Table.Td>{t(`common.roles.${user.role}`)}</Table.Td>
              <Table.Td>
                <UserStatus user={user} />
              </Table.Td>
              <Table.Td>{lastLogin(user)}</Table.Td>
              <Table.Td ta="right">
                <UserActionsMenu user={user} isSelf={user.id === currentUserId} onAction={onAction} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
