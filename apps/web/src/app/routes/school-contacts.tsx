import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import {
  parseSchoolContactPage,
  schoolContactQueries,
} from '../../features/school-contacts/api/get-school-contacts';
import { SchoolContactListScreen } from '../../features/school-contacts/components/school-contact-list-screen';
import { reasonCodeQueries } from '../../lib/catalog/get-reason-codes';
import { queryClient } from '../../lib/query-client';
import { paths } from '../paths';
import { requirePermission } from './guards';
import { loadIntakeTranslations } from '../../lib/i18n';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.SCHOOL_CONTACT_READ);
  await loadIntakeTranslations();
  await Promise.all([
    queryClient.ensureQueryData(
      schoolContactQueries.list(parseSchoolContactPage(new URL(request.url).searchParams)),
    ),
    queryClient.ensureQueryData(reasonCodeQueries.list()),
  ]);
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <SchoolContactListScreen
      query={parseSchoolContactPage(searchParams)}
      onPageChange={(page) => setSearchParams(page > 1 ? { page: String(page) } : {}, { replace: true })}
      newContactHref={paths.schoolContactNew}
    />
  );
}
