import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { parseDashboardYear, publicDashboardQueries } from '../../features/reports/api/get-public-dashboard';
import { PublicDashboardScreen } from '../../features/reports/components/public-dashboard-screen';
import { loadAdministrationTranslations } from '../../lib/administration-i18n';
import { loadIntakeTranslations } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { loadReportsTranslations } from '../../lib/reports-i18n';
import { DeviceLanguageSwitch } from '../layout/device-language-switch';
import { SimpleShell } from '../layout/simple-shell';
import { paths } from '../paths';

/** No session: the enum labels come from the intake and administration bundles, the figures from the public API. */
export async function loader({ request }: LoaderFunctionArgs) {
  await Promise.all([loadIntakeTranslations(), loadAdministrationTranslations(), loadReportsTranslations()]);
  void queryClient.prefetchQuery(
    publicDashboardQueries.detail(parseDashboardYear(new URL(request.url).searchParams)),
  );
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <SimpleShell size="lg" actions={<DeviceLanguageSwitch />}>
      <PublicDashboardScreen
        year={parseDashboardYear(searchParams)}
        onYearChange={(year) => setSearchParams({ year: String(year) }, { replace: true })}
        links={{ resources: paths.publicResources, signIn: paths.signIn }}
      />
    </SimpleShell>
  );
}
