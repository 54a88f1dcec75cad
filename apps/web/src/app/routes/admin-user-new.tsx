import { Paper } from '@mantine/core';
import { notify } from '../../lib/notify';
import { PERMISSIONS, type OneTimePasswordResponse } from '@pathways/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { CreateUserForm } from '../../features/admin-users/components/create-user-form';
import { OneTimePasswordModal } from '../../features/admin-users/components/one-time-password-modal';
import { paths } from '../paths';
import { requirePermission } from './guards';

export async function loader() {
  await requirePermission(PERMISSIONS.ADMIN_USERS_MANAGE);
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [created, setCreated] = useState<OneTimePasswordResponse | null>(null);
  const backToList = () => void navigate(paths.adminUsers);
  return (
    <>
      <PageHeader title={t('adminUsers.form.createTitle')} />
      <Paper withBorder p="lg" radius="md" maw={560}>
        <CreateUserForm
          onCancel={backToList}
          onCreated={(result) => {
            notify({
              color: 'green',
              message: t('adminUsers.notify.created', { name: result.user.displayName }),
            });
            setCreated(result);
          }}
        />
      </Paper>
      {/* Shown once; closing it leaves the page, so the password cannot be brought back. */}
      <OneTimePasswordModal result={created} onClose={backToList} />
    </>
  );
}
