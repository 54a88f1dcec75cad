import { PERMISSIONS } from '@pathways/contracts';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { noticeQueries, parseNoticeQuery } from '../../features/notices/api/get-notices';
import { NoticesScreen } from '../../features/notices/components/notices-screen';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { currentLocale } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { noticeLinks } from '../paths';
import { requirePermission } from './guards';

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.NOTICE_READ);
  await loadCaseworkTranslations();
  await queryClient.ensureQueryData(
    noticeQueries.list(parseNoticeQuery(new URL(request.url).searchParams, currentLocale())),
  );
  return null;
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <NoticesScreen
      query={parseNoticeQuery(searchParams, currentLocale())}
      onQueryChange={(next) => {
        const params = new URLSearchParams();
        if (next.lang) params.set('lang', next.lang);
        if (next.page > 1) params.set('page', String(next.page));
        setSearchParams(params, { replace: true });
      }}
      links={noticeLinks}
    />
  );
}
