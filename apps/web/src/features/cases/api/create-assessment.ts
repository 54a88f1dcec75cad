import type { AssessmentRequest, AssessmentView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** The first assessment moves the case to PLANNING; a SUICIDE_RISK flag raises a SAFETY task at once. */
export const createAssessment = ({
  caseId,
  body,
}: {
  caseId: string;
  body: AssessmentRequest;
}): Promise<AssessmentView> => api.post<AssessmentView>(casePath(caseId, 'assessments'), body);

export const useCreateAssessment = () => useCaseWrite(createAssessment);
