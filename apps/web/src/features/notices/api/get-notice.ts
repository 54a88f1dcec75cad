import type { Locale, NoticeView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { noticeKeys } from './notice-keys';

/** The letter is not among those the caller may read (or no longer exists): the page answers "not found". */
export class NoticeNotFoundError extends Error {
  constructor() {
    super('Notice not found');
    this.name = 'NoticeNotFoundError';
  }
}

const NOTICE_SCAN_SIZE = 100;

/**
 * One letter, written in `lang`. The API lists letters (by referral, or the organization's newest first) rather
 * than serving one alone, so the letter is read from its referral's list when the link names the referral, else
 * from the organization's most recent letters.
 */
export async function getNotice(
  id: string,
  lang: Locale,
  referralId: string | null,
  signal?: AbortSignal,
): Promise<NoticeView> {
  const candidates = referralId
    ? await api.get<NoticeView[]>(`/referrals/${encodeURIComponent(referralId)}/notices`, {
        query: { lang },
        signal,
      })
    : (await api.get<Page<NoticeView>>('/notices', { query: { lang, pageSize: NOTICE_SCAN_SIZE }, signal }))
        .items;
  const notice = candidates.find((n) => n.id === id);
  if (!notice) throw new NoticeNotFoundError();
  return notice;
}

export const noticeDetailQueries = {
  detail: (id: string, lang: Locale, referralId: string | null) =>
    queryOptions({
      queryKey: noticeKeys.detail(id, lang),
      queryFn: ({ signal }) => getNotice(id, lang, referralId, signal),
      retry: false,
    }),
};

export const useNotice = (id: string, lang: Locale, referralId: string | null) =>
  useQuery(noticeDetailQueries.detail(id, lang, referralId));
