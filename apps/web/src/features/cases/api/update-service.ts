import type { ServiceEnrollmentView, UpdateServiceRequest } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

export const updateService = ({
  caseId,
  serviceId,
  ...body
}: UpdateServiceRequest & { caseId: string; serviceId: string }): Promise<ServiceEnrollmentView> =>
  api.patch<ServiceEnrollmentView>(casePath(caseId, 'services', serviceId), body);

export const useUpdateService = () => useCaseWrite(updateService);
