import type { GoalView, UpdateGoalRequest } from '@pathways/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workKeys } from '../../../lib/work/work-keys';
import { casePath } from './case-api';
import { caseKeys } from './case-keys';

export interface UpdateGoalVariables extends UpdateGoalRequest {
  caseId: string;
  goalId: string;
}

export const updateGoal = ({ caseId, goalId, ...body }: UpdateGoalVariables): Promise<GoalView> =>
  api.patch<GoalView>(casePath(caseId, 'goals', goalId), body);

/**
 * A goal's status changes at once on screen (optimistic), and goes back if the API refuses it (a 409 included);
 * on success the case reloads, since the timeline records the change.
 */
export function useUpdateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGoal,
    onMutate: async ({ caseId, goalId, status, description, dueAt }) => {
      const key = caseKeys.part(caseId, 'goals');
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<GoalView[]>(key);
      queryClient.setQueryData<GoalView[]>(key, (goals) =>
        goals?.map((goal) =>
          goal.id === goalId
            ? {
                ...goal,
                ...(status !== undefined ? { status } : {}),
                ...(description !== undefined ? { description } : {}),
                ...(dueAt !== undefined ? { dueAt } : {}),
              }
            : goal,
        ),
      );
      return { previous };
    },
    onError: (_error, { caseId }, context) => {
      if (context?.previous) queryClient.setQueryData(caseKeys.part(caseId, 'goals'), context.previous);
    },
    onSuccess: (_goal, { caseId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
        queryClient.invalidateQueries({ queryKey: workKeys.all }),
      ]),
  });
}
