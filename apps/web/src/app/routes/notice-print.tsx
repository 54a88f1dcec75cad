import { PERMISSIONS, type Locale } from '@pathways/contracts';
import { useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { NoticeNotFoundError, noticeDetailQueries, useNotice } from '../../features/notices/api/get-notice';
import { NoticePrint } from '../../features/notices/components/notice-print';
import { loadCaseworkTranslations } from '../../lib/casework-i18n';
import { currentLocale, isLocale } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { noticeLinks } from '../paths';
import { requirePermission, RouteNotFoundError } from './guards';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?lang=en|es` picks the letter's language (without it, the reader's); `?referral=` where to read it from. */
function parse(search: URLSearchParams): { lang: Locale; referralId: string | null } {
  const lang = search.get('lang');
  const referral = search.get('referral');
  return {
    lang: isLocale(lang) ? lang : currentLocale(),
    referralId: referral && UUID.test(referral) ? referral : null,
  };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requirePermission(PERMISSIONS.NOTICE_READ);
  await loadCaseworkTranslations();
  const { lang, referralId } = parse(new URL(request.url).searchParams);
  try {
    await queryClient.ensureQueryData(noticeDetailQueries.detail(params.id ?? '', lang, referralId));
  } catch (error) {
    if (error instanceof NoticeNotFoundError) throw new RouteNotFoundError();
    throw error;
  }
  return null;
}

export function Component() {
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { lang, referralId } = parse(searchParams);
  const notice = useNotice(id, lang, referralId);
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  if (!notice.data) return <LoadingState />;
  return (
    <NoticePrint
      notice={notice.data}
      lang={lang}
      onLangChange={(next) => {
        const search = new URLSearchParams(searchParams);
        search.set('lang', next);
        setSearchParams(search, { replace: true });
      }}
      links={noticeLinks}
    />
  );
}
