import type { CaseDetail, UpdateCaseRequest } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** The target end date (up to the maximum), and for supervisors the primary counselor; with `version`. */
export const updateCase = ({
  caseId,
  ...body
}: UpdateCaseRequest & { caseId: string }): Promise<CaseDetail> =>
  api.patch<CaseDetail>(casePath(caseId), body);

export const useUpdateCase = () => useCaseWrite(updateCase);
