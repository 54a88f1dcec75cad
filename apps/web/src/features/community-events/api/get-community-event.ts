import type { CommunityEventView, Page } from '@pathways/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { communityEventKeys } from './community-event-keys';

/**
 * The contract has no GET /community-events/:id: an event is found in the list pages already loaded, else in the
 * most recent page of 100. Editing is for recent events, which that page holds.
 */
export async function getCommunityEvent(
  id: string,
  queryClient: QueryClient,
  signal?: AbortSignal,
): Promise<CommunityEventView> {
  for (const [, page] of queryClient.getQueriesData<Page<CommunityEventView>>({
    queryKey: communityEventKeys.lists(),
  })) {
    const found = page?.items.find((e) => e.id === id);
    if (found) return found;
  }
  const recent = await api.get<Page<CommunityEventView>>('/community-events', {
    query: { page: 1, pageSize: 100 },
    signal,
  });
  const found = recent.items.find((e) => e.id === id);
  if (!found) throw new CommunityEventNotFoundError();
  return found;
}

export class CommunityEventNotFoundError extends Error {
  constructor() {
    super('Community event not found');
    this.name = 'CommunityEventNotFoundError';
  }
}

export const communityEventDetailQueries = {
  detail: (id: string, queryClient: QueryClient) =>
    queryOptions({
      queryKey: communityEventKeys.detail(id),
      queryFn: ({ signal }) => getCommunityEvent(id, queryClient, signal),
    }),
};

export const useCommunityEvent = (id: string, queryClient: QueryClient) =>
  useQuery(communityEventDetailQueries.detail(id, queryClient));
