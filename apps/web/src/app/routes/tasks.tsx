import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { TasksScreen } from '../../features/tasks/components/tasks-screen';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { queryClient } from '../../lib/query-client';
import { can, useSession } from '../../lib/session';
import { taskQueries } from '../../lib/work/get-tasks';
import type { TaskAssignee } from '../../lib/work/work-keys';
import { taskLinks } from '../paths';
import { requirePermission } from './guards';

/** The team's work is a supervisor's view; anyone else sees their own. */
const assigneeOf = (search: URLSearchParams, team: boolean): TaskAssignee =>
  team && search.get('assignee') === 'team' ? 'team' : 'me';

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requirePermission(PERMISSIONS.TASK_READ);
  await loadCaseworkTranslations();
  const team = can(me, PERMISSIONS.CASE_SUPERVISE);
  await queryClient.ensureQueryData(taskQueries.list(assigneeOf(new URL(request.url).searchParams, team)));
  return null;
}

export function Component() {
  const me = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const team = can(me, PERMISSIONS.CASE_SUPERVISE);
  return (
    <TasksScreen
      assignee={assigneeOf(searchParams, team)}
      canSeeTeam={team}
      onAssigneeChange={(assignee) =>
        setSearchParams(assignee === 'team' ? { assignee } : {}, { replace: true })
      }
      links={taskLinks}
    />
  );
}
