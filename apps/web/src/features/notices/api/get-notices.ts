import type { Locale, NoticeListQuery, NoticeView, Page } from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { isLocale } from '../../../lib/i18n';
import { noticeKeys } from './notice-keys';

/** Letters to or from the caller's organization, newest first, each written in `lang`. */
export const getNotices = (params: NoticeListQuery, signal?: AbortSignal): Promise<Page<NoticeView>> =>
  api.get<Page<NoticeView>>('/notices', { query: { ...params }, signal });

export const noticeQueries = {
  list: (params: NoticeListQuery) =>
    queryOptions({
      queryKey: noticeKeys.list(params),
      queryFn: ({ signal }) => getNotices(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useNotices = (params: NoticeListQuery) => useQuery(noticeQueries.list(params));

export const NOTICE_PAGE_SIZE = 20;

/** `?lang=` and `?page=` in the URL; the language defaults to the reader's. */
export function parseNoticeQuery(search: URLSearchParams, fallback: Locale): NoticeListQuery {
  const lang = search.get('lang');
  const page = Number(search.get('page'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: NOTICE_PAGE_SIZE,
    lang: isLocale(lang) ? lang : fallback,
  };
}
