import { Paper } from '@mantine/core';
import { notify } from '../../lib/notify';
import { PERMISSIONS } from '@pathways/contracts';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { CommunityEventForm } from '../../features/community-events/components/community-event-form';
import { schoolQueries, useSchools } from '../../lib/catalog/get-schools';
import { queryClient } from '../../lib/query-client';
import { paths } from '../paths';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader() {
  await requirePermission(PERMISSIONS.COMMUNITY_EVENT_MANAGE);
  await loadIntakeTranslations();
  await queryClient.ensureQueryData(schoolQueries.list());
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schools = useSchools();
  return (
    <>
      <PageHeader title={t('communityEvents.form.createTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={640}>
        <CommunityEventForm
          schools={schools.data}
          onCancel={() => void navigate(paths.communityEvents)}
          onSaved={() => {
            notify({
              color: 'green',
              message: t('communityEvents.form.created'),
              closeButtonProps: { 'aria-label': t('common.actions.close') },
            });
            void navigate(paths.communityEvents);
          }}
        />
      </Paper>
    </>
  );
}
