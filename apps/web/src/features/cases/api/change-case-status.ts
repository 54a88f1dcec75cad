import type { CaseDetail, CaseStatusRequest } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** ACTIVE <-> ON_HOLD or NON_COMPLIANT, with the reason for the record. */
export const changeCaseStatus = ({
  caseId,
  ...body
}: CaseStatusRequest & { caseId: string }): Promise<CaseDetail> =>
  api.post<CaseDetail>(casePath(caseId, 'status'), body);

export const useChangeCaseStatus = () => useCaseWrite(changeCaseStatus);
