import { Paper } from '@mantine/core';
import { notify } from '../../lib/notify';
import { PERMISSIONS } from '@pathways/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/ui/loading-state';
import { PageHeader } from '../../components/ui/page-header';
import {
  CommunityEventNotFoundError,
  communityEventDetailQueries,
  useCommunityEvent,
} from '../../features/community-events/api/get-community-event';
import { CommunityEventForm } from '../../features/community-events/components/community-event-form';
import { schoolQueries, useSchools } from '../../lib/catalog/get-schools';
import { queryClient } from '../../lib/query-client';
import { paths } from '../paths';
import { requirePermission, RouteNotFoundError } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ params }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.COMMUNITY_EVENT_MANAGE);
  await loadIntakeTranslations();
  try {
    await Promise.all([
      queryClient.ensureQueryData(communityEventDetailQueries.detail(params.id ?? '', queryClient)),
      queryClient.ensureQueryData(schoolQueries.list()),
    ]);
  } catch (error) {
    if (error instanceof CommunityEventNotFoundError) throw new RouteNotFoundError();
    throw error;
  }
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const event = useCommunityEvent(id, client);
  const schools = useSchools();
  if (!event.data) return <LoadingState />;
  return (
    <>
      <PageHeader title={t('communityEvents.form.editTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={640}>
        <CommunityEventForm
          event={event.data}
          schools={schools.data}
          onCancel={() => void navigate(paths.communityEvents)}
          onSaved={() => {
            notify({
              color: 'green',
              message: t('communityEvents.form.saved'),
              closeButtonProps: { 'aria-label': t('common.actions.close') },
            });
            void navigate(paths.communityEvents);
          }}
        />
      </Paper>
    </>
  );
}
