import { RoleHome } from '../../features/home/components/role-home';
import { useSession } from '../../lib/session';
import { paths } from '../paths';

const links = { adminUsers: paths.adminUsers, audit: paths.audit, resources: paths.resources };

export function Component() {
  const me = useSession();
  return <RoleHome me={me} links={links} />;
}
