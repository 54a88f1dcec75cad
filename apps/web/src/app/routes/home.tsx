import { RoleHome, type RoleHomeLinks } from '../../features/home/components/role-home';
import { useSession } from '../../lib/session';
import { paths } from '../paths';

const links: RoleHomeLinks = {
  adminUsers: paths.adminUsers,
  audit: paths.audit,
  resources: paths.resources,
  newReferral: paths.referralNew,
  referrals: paths.referrals,
  logContact: paths.schoolContactNew,
  schoolContacts: paths.schoolContacts,
  communityEvents: paths.communityEvents,
};

export function Component() {
  const me = useSession();
  return <RoleHome me={me} links={links} />;
}
