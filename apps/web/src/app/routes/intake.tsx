import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { caseloadQueries } from '../../features/referrals/api/get-caseloads';
import {
  intakeFiltersToSearch,
  intakeQuery,
  parseIntakeFilters,
} from '../../features/referrals/api/get-intake-queue';
import { referralQueries } from '../../features/referrals/api/get-referrals';
import { IntakeQueueScreen } from '../../features/referrals/components/intake-queue/intake-queue-screen';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { loadIntakeTranslations } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { referralLinks } from '../paths';
import { requirePermission } from './guards';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.REFERRAL_TRIAGE);
  await Promise.all([loadIntakeTranslations(), loadCaseworkTranslations()]);
  // The caseload panel has its own loading and error states: the queue does not wait for it.
  void queryClient.prefetchQuery(caseloadQueries.list());
  const filters = parseIntakeFilters(new URL(request.url).searchParams);
  await queryClient.ensureQueryData(referralQueries.list(intakeQuery(filters)));
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <IntakeQueueScreen
      filters={parseIntakeFilters(searchParams)}
      onFiltersChange={(next) => setSearchParams(intakeFiltersToSearch(next), { replace: true })}
      links={referralLinks}
    />
  );
}
