import type { AccountabilityItemView, UpdateAccountabilityItemRequest } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** Progress (completed amount) and verification (`verified: true` records the caller as verifier). */
export const updateAccountabilityItem = ({
  caseId,
  itemId,
  ...body
}: UpdateAccountabilityItemRequest & { caseId: string; itemId: string }): Promise<AccountabilityItemView> =>
  api.patch<AccountabilityItemView>(casePath(caseId, 'accountability-items', itemId), body);

export const useUpdateAccountabilityItem = () => useCaseWrite(updateAccountabilityItem);
