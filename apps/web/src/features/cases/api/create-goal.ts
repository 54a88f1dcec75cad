import type { GoalRequest, GoalView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

export const createGoal = ({ caseId, body }: { caseId: string; body: GoalRequest }): Promise<GoalView> =>
  api.post<GoalView>(casePath(caseId, 'goals'), body);

export const useCreateGoal = () => useCaseWrite(createGoal);
