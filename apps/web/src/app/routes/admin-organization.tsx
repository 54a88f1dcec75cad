import { PERMISSIONS } from '@pathways/contracts';
import { organizationQueries } from '../../features/administration/api/get-organization';
import { OrganizationScreen } from '../../features/administration/components/organization-screen';
import { loadAdministrationTranslations } from '../../lib/administration-i18n';
import { queryClient } from '../../lib/query-client';
import { requirePermission } from './guards';

export async function loader() {
  await requirePermission(PERMISSIONS.ADMIN_ORGANIZATION_MANAGE);
  await Promise.all([
    loadAdministrationTranslations(),
    queryClient.ensureQueryData(organizationQueries.detail()),
  ]);
  return null;
}

export function Component() {
  return <OrganizationScreen />;
}
