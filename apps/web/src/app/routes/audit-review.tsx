import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { auditReviewQueries, parseReviewWeek } from '../../features/audit/api/get-audit-review';
import { AuditReviewScreen } from '../../features/audit/components/audit-review-screen';
import { loadAdministrationTranslations } from '../../lib/administration-i18n';
import { queryClient } from '../../lib/query-client';
import { paths } from '../paths';
import { requirePermission } from './guards';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.AUDIT_READ);
  await Promise.all([
    loadAdministrationTranslations(),
    queryClient.ensureQueryData(auditReviewQueries.week(parseReviewWeek(new URL(request.url).searchParams))),
  ]);
  return null;
}

export function Component() {
  const [searchParams] = useSearchParams();
  return (
    <AuditReviewScreen
      query={parseReviewWeek(searchParams)}
      weekHref={(weekOf) => (weekOf ? `${paths.auditReview}?week=${weekOf}` : paths.auditReview)}
      consoleHref={paths.audit}
    />
  );
}
