import type { EligibilityDecision, EligibilityFailure } from '@pathways/contracts';

/** WIC 654.3: restitution above this amount excludes informal diversion. */
export const RESTITUTION_LIMIT_USD = 5000;
export const MIN_AGE = 6;
export const MAX_AGE = 18;

export interface EligibilityInput {
  dateOfBirth: string;
  /** The incident's calendar date (YYYY-MM-DD). */
  incidentDate: string;
  reasonCodes: string[];
  /** Codes flagged `excludedFromDiversion` in the catalog. */
  excludedCodes: ReadonlySet<string>;
  restitutionEstimate?: number | null;
}

export interface EligibilityResult {
  decision: EligibilityDecision;
  failures: EligibilityFailure[];
  excludedReasonCodes: string[];
  ageAtIncident: number;
}

/** Whole years between a birth date and a date, both `YYYY-MM-DD` (no time zone involved). */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The eligibility checklist of a referral (DOMAIN.md "Legal hooks"): age 6–18 at the incident, no reason code
 * excluded from diversion (weapons, gang, WIC 707(b) offenses ...), restitution at most $5,000. A referral that
 * fails is still accepted, flagged NEEDS_OVERRIDE: a provider supervisor overrides it with a reason or declares it
 * ineligible.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const failures: EligibilityFailure[] = [];
  const ageAtIncident = ageOn(input.dateOfBirth, input.incidentDate);
  if (ageAtIncident < MIN_AGE || ageAtIncident > MAX_AGE) failures.push('AGE_OUT_OF_RANGE');
  const excludedReasonCodes = input.reasonCodes.filter((c) => input.excludedCodes.has(c));
  if (excludedReasonCodes.length) failures.push('EXCLUDED_REASON_CODE');
  if ((input.restitutionEstimate ?? 0) > RESTITUTION_LIMIT_USD) failures.push('RESTITUTION_OVER_LIMIT');
  return {
    decision: failures.length ? 'NEEDS_OVERRIDE' : 'ELIGIBLE',
    failures,
    excludedReasonCodes,
    ageAtIncident,
  };
}
