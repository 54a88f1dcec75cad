import type { Page, SchoolContactListQuery, SchoolContactView } from '@pathways/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { schoolContactKeys } from './school-contact-keys';

export const getSchoolContacts = (
  params: SchoolContactListQuery,
  signal?: AbortSignal,
): Promise<Page<SchoolContactView>> =>
  api.get<Page<SchoolContactView>>('/school-contacts', { query: { ...params }, signal });

export const schoolContactQueries = {
  list: (params: SchoolContactListQuery) =>
    queryOptions({
      queryKey: schoolContactKeys.list(params),
      queryFn: ({ signal }) => getSchoolContacts(params, signal),
      placeholderData: keepPreviousData,
    }),
};

export const useSchoolContacts = (params: SchoolContactListQuery) =>
  useQuery(schoolContactQueries.list(params));

export const SCHOOL_CONTACT_PAGE_SIZE = 20;

export function parseSchoolContactPage(search: URLSearchParams): SchoolContactListQuery {
  const page = Number(search.get('page'));
  return { page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: SCHOOL_CONTACT_PAGE_SIZE };
}
