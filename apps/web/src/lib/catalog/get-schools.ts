import type { School } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { CATALOG_STALE_TIME, catalogKeys } from './catalog-keys';

export const getSchools = (signal?: AbortSignal): Promise<School[]> =>
  api.get<School[]>('/schools', { signal });

export const schoolQueries = {
  list: () =>
    queryOptions({
      queryKey: catalogKeys.schools(),
      queryFn: ({ signal }) => getSchools(signal),
      staleTime: CATALOG_STALE_TIME,
    }),
};

export const useSchools = () => useQuery(schoolQueries.list());

/** Active schools, by name, as select options. */
export function schoolOptions(schools: School[] | undefined): { value: string; label: string }[] {
  return (schools ?? [])
    .filter((school) => school.active)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((school) => ({ value: school.id, label: school.name }));
}
