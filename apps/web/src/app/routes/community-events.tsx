import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import {
  communityEventQueries,
  parseCommunityEventPage,
} from '../../features/community-events/api/get-community-events';
import { CommunityEventListScreen } from '../../features/community-events/components/community-event-list-screen';
import { queryClient } from '../../lib/query-client';
import { paths, recordPaths } from '../paths';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.COMMUNITY_EVENT_MANAGE);
  await loadIntakeTranslations();
  await queryClient.ensureQueryData(
    communityEventQueries.list(parseCommunityEventPage(new URL(request.url).searchParams)),
  );
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <CommunityEventListScreen
      query={parseCommunityEventPage(searchParams)}
      onPageChange={(page) => setSearchParams(page > 1 ? { page: String(page) } : {}, { replace: true })}
      newEventHref={paths.communityEventNew}
      editHref={recordPaths.communityEventEdit}
    />
  );
}
