import type { ServiceEnrollmentView, ServiceRequest } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** The first ACTIVE service starts the program: it ends the WIC 652.5 20-day clock and makes the case ACTIVE. */
export const createService = ({
  caseId,
  body,
}: {
  caseId: string;
  body: ServiceRequest;
}): Promise<ServiceEnrollmentView> => api.post<ServiceEnrollmentView>(casePath(caseId, 'services'), body);

export const useCreateService = () => useCaseWrite(createService);
