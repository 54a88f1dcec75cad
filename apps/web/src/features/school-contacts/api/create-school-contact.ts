import type { SchoolContactRequest, SchoolContactView } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { schoolContactKeys } from './school-contact-keys';

export const createSchoolContact = (body: SchoolContactRequest): Promise<SchoolContactView> =>
  api.post<SchoolContactView>('/school-contacts', body);

export function useCreateSchoolContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSchoolContact,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolContactKeys.all }),
  });
}
