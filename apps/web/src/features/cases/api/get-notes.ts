import type { NoteView, Page } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { listItems } from '../../../lib/list';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export const getNotes = async (id: string, signal?: AbortSignal): Promise<NoteView[]> =>
  listItems(await api.get<NoteView[] | Page<NoteView>>(casePath(id, 'notes'), { signal }));

export const noteQueries = {
  list: (id: string) =>
    queryOptions({ queryKey: caseKeys.part(id, 'notes'), queryFn: ({ signal }) => getNotes(id, signal) }),
};

export const useNotes = (id: string) => useQuery(noteQueries.list(id));
