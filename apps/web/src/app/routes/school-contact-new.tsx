import { Paper } from '@mantine/core';
import { notify } from '../../lib/notify';
import { PERMISSIONS } from '@pathways/contracts';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { SchoolContactForm } from '../../features/school-contacts/components/school-contact-form';
import { reasonCodeQueries, useReasonCodes } from '../../lib/catalog/get-reason-codes';
import { schoolQueries, useSchools } from '../../lib/catalog/get-schools';
import { queryClient } from '../../lib/query-client';
import { paths } from '../paths';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader() {
  await requirePermission(PERMISSIONS.SCHOOL_CONTACT_CREATE);
  await loadIntakeTranslations();
  await Promise.all([
    queryClient.ensureQueryData(schoolQueries.list()),
    queryClient.ensureQueryData(reasonCodeQueries.list()),
  ]);
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schools = useSchools();
  const reasonCodes = useReasonCodes();
  return (
    <>
      <PageHeader title={t('schoolContacts.form.title')} description={t('schoolContacts.form.intro')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={640}>
        <SchoolContactForm
          schools={schools.data}
          reasonCodes={reasonCodes.data}
          onCancel={() => void navigate(paths.schoolContacts)}
          onCreated={() => {
            notify({
              color: 'green',
              message: t('schoolContacts.form.created'),
              closeButtonProps: { 'aria-label': t('common.actions.close') },
            });
            void navigate(paths.schoolContacts);
          }}
        />
      </Paper>
    </>
  );
}
