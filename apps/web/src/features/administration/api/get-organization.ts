import type { OrganizationAdminView } from '@pathways/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { administrationKeys } from './administration-keys';

export const getOrganization = (signal?: AbortSignal): Promise<OrganizationAdminView> =>
  api.get<OrganizationAdminView>('/admin/organization', { signal });

export const organizationQueries = {
  detail: () =>
    queryOptions({
      queryKey: administrationKeys.organization(),
      queryFn: ({ signal }) => getOrganization(signal),
    }),
};

export const useOrganization = () => useQuery(organizationQueries.detail());
