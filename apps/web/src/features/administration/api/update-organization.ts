import type { OrganizationAdminView, UpdateOrganizationRequest } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import { administrationKeys } from './administration-keys';

export const updateOrganization = (body: UpdateOrganizationRequest): Promise<OrganizationAdminView> =>
  api.patch<OrganizationAdminView>('/admin/organization', body);

/**
 * Sends the `version` it read. A 409 means another administrator saved first: nothing reloads by itself, so the
 * section can say so beside what was typed; its "Reload latest" reads the organization again.
 */
export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: (saved) => {
      queryClient.setQueryData(administrationKeys.organization(), saved);
      return queryClient.invalidateQueries({ queryKey: administrationKeys.all });
    },
    onError: (error) =>
      isApiError(error, 409)
        ? undefined
        : queryClient.invalidateQueries({ queryKey: administrationKeys.all }),
  });
}
