import { PERMISSIONS, type CatalogAdminQuery } from '@pathways/contracts';
import { redirect, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { isCatalogKind, type CatalogKind } from '../../features/catalogs/api/catalog-kinds';
import { catalogAdminQueries, parseCatalogFilters } from '../../features/catalogs/api/get-catalog-entries';
import { CatalogScreen } from '../../features/catalogs/components/catalog-screen';
import { loadAdministrationTranslations } from '../../lib/administration-i18n';
import { queryClient } from '../../lib/query-client';
import { recordPaths } from '../paths';
import { RouteNotFoundError, requirePermission } from './guards';

/** `/admin/catalogs` opens the schools; `/admin/catalogs/<kind>` one catalog. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.ADMIN_CATALOGS_MANAGE);
  if (params.kind === undefined) return redirect(recordPaths.adminCatalog('schools'));
  if (!isCatalogKind(params.kind)) throw new RouteNotFoundError();
  await Promise.all([
    loadAdministrationTranslations(),
    queryClient.ensureQueryData(
      catalogAdminQueries.list(params.kind, parseCatalogFilters(new URL(request.url).searchParams)),
    ),
  ]);
  return null;
}

function toSearchParams(filters: CatalogAdminQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.active) params.set('active', filters.active);
  if (filters.q) params.set('q', filters.q);
  return params;
}

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function Component() {
  const { kind } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  if (!isCatalogKind(kind)) return null;
  return (
    <CatalogScreen
      key={kind}
      kind={kind}
      filters={parseCatalogFilters(searchParams)}
      onFiltersChange={(next) => setSearchParams(toSearchParams(next), { replace: true })}
      hrefOf={(k: CatalogKind) => recordPaths.adminCatalog(k)}
      today={today()}
    />
  );
}
