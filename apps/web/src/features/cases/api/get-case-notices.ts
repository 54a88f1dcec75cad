import type { Locale, NoticeView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { caseKeys } from './case-keys';

/** The letters of the case's referral (acknowledgment, enrollment, completion ...), written in `lang`. */
export const getCaseNotices = async (
  referralId: string,
  lang: Locale,
  signal?: AbortSignal,
): Promise<NoticeView[]> =>
  listItems(
    await api.get<NoticeView[] | Page<NoticeView>>(`/referrals/${encodeURIComponent(referralId)}/notices`, {
      query: { lang },
      signal,
    }),
  );

export const caseNoticeQueries = {
  list: (caseId: string, referralId: string, lang: Locale) =>
    queryOptions({
      queryKey: caseKeys.notices(caseId, lang),
      queryFn: ({ signal }) => getCaseNotices(referralId, lang, signal),
    }),
};

export const useCaseNotices = (caseId: string, referralId: string, lang: Locale) =>
  useQuery(caseNoticeQueries.list(caseId, referralId, lang));
