import type { CaseDetail } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** CLOSURE_REVIEW -> back to the state it came from; the comment tells the counselor why. */
export const rejectClosure = ({
  caseId,
  version,
  comment,
}: {
  caseId: string;
  version: number;
  comment: string;
}): Promise<CaseDetail> => api.post<CaseDetail>(casePath(caseId, 'reject-closure'), { version, comment });

export const useRejectClosure = () => useCaseWrite(rejectClosure);
