import type { CommunityEventRequest, CommunityEventView } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { communityEventKeys } from './community-event-keys';

export const createCommunityEvent = (body: CommunityEventRequest): Promise<CommunityEventView> =>
  api.post<CommunityEventView>('/community-events', body);

export function useCreateCommunityEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCommunityEvent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityEventKeys.all }),
  });
}
