import type { CommunityEventListQuery, CommunityEventView, Page } from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { communityEventKeys } from './community-event-keys';

export const getCommunityEvents = (
  params: CommunityEventListQuery,
  signal?: AbortSignal,
): Promise<Page<CommunityEventView>> =>
  api.get<Page<CommunityEventView>>('/community-events', { query: { ...params }, signal });

export const communityEventQueries = {
  list: (params: CommunityEventListQuery) =>
    queryOptions({
      queryKey: communityEventKeys.list(params),
      queryFn: ({ signal }) => getCommunityEvents(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useCommunityEvents = (params: CommunityEventListQuery) =>
  useQuery(communityEventQueries.list(params));

export const COMMUNITY_EVENT_PAGE_SIZE = 20;

export function parseCommunityEventPage(search: URLSearchParams): CommunityEventListQuery {
  const page = Number(search.get('page'));
  return { page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: COMMUNITY_EVENT_PAGE_SIZE };
}
