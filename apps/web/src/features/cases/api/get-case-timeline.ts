import type { Page, TimelineEntry } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getCaseTimeline = async (id: string, signal?: AbortSignal): Promise<TimelineEntry[]> =>
  listItems(await api.get<TimelineEntry[] | Page<TimelineEntry>>(casePath(id, 'timeline'), { signal }));

export const caseTimelineQueries = {
  list: (id: string) =>
    queryOptions({
      queryKey: caseKeys.part(id, 'timeline'),
      queryFn: ({ signal }) => getCaseTimeline(id, signal),
    }),
};

export const useCaseTimeline = (id: string) => useQuery(caseTimelineQueries.list(id));
