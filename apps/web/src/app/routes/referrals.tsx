import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import {
  parseReferralFilters,
  referralFiltersToSearch,
  referralQueries,
} from '../../features/referrals/api/get-referrals';
import { ReferralListScreen } from '../../features/referrals/components/referral-list/referral-list-screen';
import { schoolQueries } from '../../lib/catalog/get-schools';
import { queryClient } from '../../lib/query-client';
import { referralLinks } from '../paths';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.REFERRAL_READ);
  await loadIntakeTranslations();
  const filters = parseReferralFilters(new URL(request.url).searchParams);
  await Promise.all([
    queryClient.ensureQueryData(referralQueries.list(filters)),
    queryClient.ensureQueryData(schoolQueries.list()),
  ]);
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <ReferralListScreen
      filters={parseReferralFilters(searchParams)}
      onFiltersChange={(next) => setSearchParams(referralFiltersToSearch(next), { replace: true })}
      links={referralLinks}
    />
  );
}
