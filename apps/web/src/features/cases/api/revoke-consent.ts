import type { ConsentView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** Takes effect on the next request (ACCESS.md "Consent"): e.g. the police stop seeing what a release allowed. */
export const revokeConsent = ({
  caseId,
  consentId,
  reason,
}: {
  caseId: string;
  consentId: string;
  reason?: string;
}): Promise<ConsentView> =>
  api.post<ConsentView>(casePath(caseId, 'consents', consentId, 'revoke'), reason ? { reason } : {});

export const useRevokeConsent = () => useCaseWrite(revokeConsent);
