import type { ConsentInput, ConsentView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

export const createConsent = ({
  caseId,
  body,
}: {
  caseId: string;
  body: ConsentInput;
}): Promise<ConsentView> => api.post<ConsentView>(casePath(caseId, 'consents'), body);

export const useCreateConsent = () => useCaseWrite(createConsent);
