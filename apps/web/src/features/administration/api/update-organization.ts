import type { OrganizationAdminView, UpdateOrganizationRequest } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { administrationKeys } from './administration-keys';

export const updateOrganization = (body: UpdateOrganizationRequest): Promise<OrganizationAdminView> =>
  api.patch<OrganizationAdminView>('/admin/organization', body);

/** Sends the `version` it read; a 409 means another administrator saved first, so the page reloads either way. */
export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: (saved) => queryClient.setQueryData(administrationKeys.organization(), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: administrationKeys.all }),
  });
}
