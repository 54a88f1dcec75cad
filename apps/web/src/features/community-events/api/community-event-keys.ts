import type { CommunityEventListQuery } from '@pathways/contracts';

export const communityEventKeys = {
  all: ['community-events'] as const,
  lists: () => [...communityEventKeys.all, 'list'] as const,
  list: (params: CommunityEventListQuery) => [...communityEventKeys.lists(), params] as const,
  detail: (id: string) => [...communityEventKeys.all, 'detail', id] as const,
};
