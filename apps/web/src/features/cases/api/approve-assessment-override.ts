import type { AssessmentView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** A supervisor puts a counselor's override of the instrument's level in force. */
export const approveAssessmentOverride = ({
  caseId,
  assessmentId,
}: {
  caseId: string;
  assessmentId: string;
}): Promise<AssessmentView> =>
  api.post<AssessmentView>(casePath(caseId, 'assessments', assessmentId, 'approve-override'), {});

export const useApproveAssessmentOverride = () => useCaseWrite(approveAssessmentOverride);
