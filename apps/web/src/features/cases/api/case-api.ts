import { useMutation, useQueryClient } from '@tanstack/react-query';
import { workKeys } from '../../../lib/work/work-keys';
import { caseKeys } from './case-keys';

/** `/cases/<id>/<segments...>`, each segment encoded. */
export const casePath = (id: string, ...segments: string[]): string =>
  ['/cases', id, ...segments].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');

/**
 * A write on a case: on success the whole case (detail, parts, timeline), the case lists and the due work reload,
 * since one write can move the case's status and clocks. A 409 reloads nothing by itself: the screen first says
 * what changed and the person chooses to reload.
 */
export function useCaseWrite<TVariables extends { caseId: string }, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (_result, { caseId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: workKeys.all }),
      ]),
  });
}
