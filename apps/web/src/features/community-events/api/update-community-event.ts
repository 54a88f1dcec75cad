import type { CommunityEventView, UpdateCommunityEventRequest } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { communityEventKeys } from './community-event-keys';

/** Sends the `version` it read; a stale one answers 409 and changes nothing. */
export const updateCommunityEvent = ({
  id,
  ...body
}: UpdateCommunityEventRequest & { id: string }): Promise<CommunityEventView> =>
  api.patch<CommunityEventView>(`/community-events/${encodeURIComponent(id)}`, body);

export function useUpdateCommunityEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCommunityEvent,
    onSettled: () => queryClient.invalidateQueries({ queryKey: communityEventKeys.all }),
  });
}
