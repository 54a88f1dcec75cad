import type { ContactRequest, ContactView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** A session or other contact, with attendance (`result`); the same shape as referral outreach. */
export const createCaseContact = ({
  caseId,
  body,
}: {
  caseId: string;
  body: ContactRequest;
}): Promise<ContactView> => api.post<ContactView>(casePath(caseId, 'contacts'), body);

export const useCreateCaseContact = () => useCaseWrite(createCaseContact);
