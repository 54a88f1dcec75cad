import type { ReferralEntity } from './referral.entity';

/**
 * DOMAIN.md "Referral states": a decision that ends a referral short of enrollment goes back to the referring
 * officer only for a police diversion (LE_DIVERSION_626B), who then decides what follows; for every other pathway
 * (PREVENTION above all, voluntary under WIC 236) the return notice is for information only.
 */
export function returnsDecisionToReferrer(r: Pick<ReferralEntity, 'pathway'>): boolean {
  return r.pathway === 'LE_DIVERSION_626B';
}

/** The facts every return notice carries (codes only: the letter is rendered from them). */
export function returnNoticeFacts(
  r: Pick<ReferralEntity, 'pathway' | 'receivedAt'>,
  decidedAt: Date,
): Record<string, string | null> {
  return {
    informational: returnsDecisionToReferrer(r) ? 'false' : 'true',
    pathway: r.pathway,
    receivedAt: r.receivedAt?.toISOString() ?? null,
    decidedAt: decidedAt.toISOString(),
  };
}
