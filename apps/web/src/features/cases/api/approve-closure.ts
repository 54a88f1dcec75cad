import type { CaseDetail } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** CLOSURE_REVIEW -> CLOSED by a supervisor other than the requester (completion notice, sealing, follow-ups). */
export const approveClosure = ({
  caseId,
  version,
}: {
  caseId: string;
  version: number;
}): Promise<CaseDetail> => api.post<CaseDetail>(casePath(caseId, 'approve-closure'), { version });

export const useApproveClosure = () => useCaseWrite(approveClosure);
