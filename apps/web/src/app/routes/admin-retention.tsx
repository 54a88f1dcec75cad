import { PERMISSIONS } from '@pathways/contracts';
import { organizationQueries } from '../../features/administration/api/get-organization';
import { retentionQueries } from '../../features/administration/api/get-retention';
import { RetentionScreen } from '../../features/administration/components/retention-screen';
import { loadAdministrationTranslations } from '../../lib/administration-i18n';
import { queryClient } from '../../lib/query-client';
import { requirePermission } from './guards';

export async function loader() {
  await requirePermission(PERMISSIONS.ADMIN_RETENTION_MANAGE);
  await Promise.all([
    loadAdministrationTranslations(),
    queryClient.ensureQueryData(organizationQueries.detail()),
    queryClient.ensureQueryData(retentionQueries.overview()),
  ]);
  return null;
}

export function Component() {
  return <RetentionScreen />;
}
