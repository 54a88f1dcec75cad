import {
  DEFAULT_POLICE_INFO_SCOPE,
  type ConsentType,
  type ErrorDetail,
  type InfoScope,
  type MinorSelfConsentBasis,
} from '@pathways/contracts';

export interface ConsentFacts {
  type: ConsentType;
  youthAssent: boolean;
  guardianName?: string | null;
  guardianId?: string | null;
  minorSelfConsentBasis?: MinorSelfConsentBasis | null;
  signedAt: Date;
  /** Calendar date the consent ends (inclusive), `YYYY-MM-DD`. */
  expiresAt?: string | null;
  revokedAt?: Date | null;
  counterpartOrgId?: string | null;
  infoScope?: readonly InfoScope[] | null;
}

/** In force at `now`: signed, not revoked, not past its expiry date (`today` is the program-time-zone date). */
export function isConsentActive(c: ConsentFacts, now: Date, today: string): boolean {
  if (c.signedAt.getTime() > now.getTime()) return false;
  if (c.revokedAt && c.revokedAt.getTime() <= now.getTime()) return false;
  if (c.expiresAt && c.expiresAt < today) return false;
  return true;
}

/** A PROGRAM_PARTICIPATION consent is valid when a guardian consents with the youth's assent, or the youth consents alone on a recorded basis. */
export function isValidParticipationConsent(c: ConsentFacts): boolean {
  if (c.type !== 'PROGRAM_PARTICIPATION') return false;
  if (c.minorSelfConsentBasis) return true;
  return Boolean(c.guardianName || c.guardianId) && c.youthAssent;
}

/**
 * Problems that stop enrollment (ACCESS.md "Consent"): no valid, active PROGRAM_PARTICIPATION consent among those
 * given. Paths point into the request (`consents.<i>.<field>`).
 */
export function enrollmentConsentProblems(
  consents: readonly ConsentFacts[],
  now: Date,
  today: string,
): ErrorDetail[] {
  const participation = consents
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.type === 'PROGRAM_PARTICIPATION');
  if (!participation.length)
    return [{ path: 'consents', message: 'A program participation consent is required to enroll' }];
  if (participation.some(({ c }) => isValidParticipationConsent(c) && isConsentActive(c, now, today)))
    return [];
  const problems: ErrorDetail[] = [];
  for (const { c, i } of participation) {
    if (!c.minorSelfConsentBasis && !c.youthAssent)
      problems.push({
        path: `consents.${i}.youthAssent`,
        message: 'The youth must assent, or record a self-consent basis',
      });
    if (!c.minorSelfConsentBasis && !c.guardianName && !c.guardianId)
      problems.push({
        path: `consents.${i}.guardianName`,
        message: 'A guardian must consent, or record a self-consent basis',
      });
    if (!isConsentActive(c, now, today))
      problems.push({
        path: `consents.${i}.signedAt`,
        message: 'The consent is not in force (future, expired or revoked)',
      });
  }
  return problems.length
    ? problems
    : [{ path: 'consents', message: 'No valid program participation consent' }];
}

/**
 * What a police organization may see of a youth's program beyond nothing: the default scope, plus what an active
 * release of information to that organization lists. Clinical scope (ASSESSMENT_RESULTS) is never released to
 * police users (ACCESS.md: police users never receive clinical fields).
 */
export function policeInfoScope(
  consents: readonly ConsentFacts[],
  policeOrgId: string,
  now: Date,
  today: string,
): InfoScope[] {
  const scope = new Set<InfoScope>(DEFAULT_POLICE_INFO_SCOPE);
  for (const c of consents)
    if (
      c.type === 'RELEASE_OF_INFORMATION' &&
      c.counterpartOrgId === policeOrgId &&
      isConsentActive(c, now, today)
    )
      for (const s of c.infoScope ?? []) if (s !== 'ASSESSMENT_RESULTS') scope.add(s);
  return [...scope];
}
