import type { CaseDetail, RequestClosure } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** Any open state -> CLOSURE_REVIEW, with the reason (it decides the outcome class) and a summary. */
export const requestClosure = ({
  caseId,
  ...body
}: RequestClosure & { caseId: string }): Promise<CaseDetail> =>
  api.post<CaseDetail>(casePath(caseId, 'request-closure'), body);

export const useRequestClosure = () => useCaseWrite(requestClosure);
