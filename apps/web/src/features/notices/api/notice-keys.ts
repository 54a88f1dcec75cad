import type { NoticeListQuery } from '@pathways/contracts';

export const noticeKeys = {
  all: ['notices'] as const,
  lists: () => [...noticeKeys.all, 'list'] as const,
  list: (params: NoticeListQuery) => [...noticeKeys.lists(), params] as const,
  detail: (id: string, lang: string) => [...noticeKeys.all, 'detail', id, lang] as const,
};
