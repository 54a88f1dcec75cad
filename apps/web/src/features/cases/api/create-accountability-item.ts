import type { AccountabilityItemRequest, AccountabilityItemView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

export const createAccountabilityItem = ({
  caseId,
  body,
}: {
  caseId: string;
  body: AccountabilityItemRequest;
}): Promise<AccountabilityItemView> =>
  api.post<AccountabilityItemView>(casePath(caseId, 'accountability-items'), body);

export const useCreateAccountabilityItem = () => useCaseWrite(createAccountabilityItem);
