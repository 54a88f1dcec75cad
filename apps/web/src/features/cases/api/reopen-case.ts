import type { CaseDetail } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** CLOSED -> ACTIVE within 30 days of closing, supervisors only. */
export const reopenCase = ({
  caseId,
  version,
  reason,
}: {
  caseId: string;
  version: number;
  reason: string;
}): Promise<CaseDetail> => api.post<CaseDetail>(casePath(caseId, 'reopen'), { version, reason });

export const useReopenCase = () => useCaseWrite(reopenCase);
