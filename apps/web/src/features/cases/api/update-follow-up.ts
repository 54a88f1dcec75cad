import type { FollowUpView, FollowUpWindow, UpdateFollowUpRequest } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

export const updateFollowUp = ({
  caseId,
  window,
  ...body
}: UpdateFollowUpRequest & { caseId: string; window: FollowUpWindow }): Promise<FollowUpView> =>
  api.patch<FollowUpView>(casePath(caseId, 'follow-ups', window), body);

export const useUpdateFollowUp = () => useCaseWrite(updateFollowUp);
