import { PERMISSIONS } from '@pathways/contracts';
import { meQueryOptions } from '../../features/auth/api/get-me';
import { RoleHome, type RoleHomeLinks } from '../../features/home/components/role-home';
import { DueWorkPanel, urgentTaskFilter } from '../../features/tasks/components/due-work-panel';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { queryClient } from '../../lib/query-client';
import { can, useSession } from '../../lib/session';
import { taskQueries } from '../../lib/work/get-tasks';
import { paths, taskLinks } from '../paths';

const links: RoleHomeLinks = {
  adminUsers: paths.adminUsers,
  adminCatalogs: paths.adminCatalogs,
  audit: paths.audit,
  resources: paths.resources,
  newReferral: paths.referralNew,
  referrals: paths.referrals,
  logContact: paths.schoolContactNew,
  schoolContacts: paths.schoolContacts,
  communityEvents: paths.communityEvents,
  intake: paths.intake,
  cases: paths.cases,
  tasks: paths.tasks,
  reports: paths.reports,
};

/** People with due work see it first: its strings load with the page, the tasks themselves do not hold it up. */
export async function loader() {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  if (can(me, PERMISSIONS.TASK_READ)) {
    await loadCaseworkTranslations();
    void queryClient.prefetchQuery(taskQueries.list('me', urgentTaskFilter()));
  }
  return null;
}

export function Component() {
  const me = useSession();
  return (
    <RoleHome
      me={me}
      links={links}
      workPanel={can(me, PERMISSIONS.TASK_READ) ? <DueWorkPanel links={taskLinks} /> : undefined}
    />
  );
}
