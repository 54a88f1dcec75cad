import type { ReasonCode } from '@pathways/contracts';
import { evaluateEligibility, type EligibilityResult } from '@pathways/domain';
import { useMemo } from 'react';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface EligibilityInputs {
  dateOfBirth: string | null;
  /** The incident's local calendar date or date-time (`YYYY-MM-DD...`). */
  incidentAt: string;
  reasonCodes: string[];
  restitutionEstimate: number | null;
}

export interface LiveEligibility extends Omit<EligibilityResult, 'ageAtIncident'> {
  /** Null until both the birth date and the incident date are known. */
  ageAtIncident: number | null;
}

/**
 * The same rule the API applies (libs/domain), run as the SRO types, so warnings appear before submitting. Without a
 * birth date yet, age is left out and the other checks still run.
 */
export function liveEligibility(inputs: EligibilityInputs, codes: ReasonCode[] | undefined): LiveEligibility {
  const incidentDate = inputs.incidentAt.slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  const onDate = DATE.test(incidentDate) ? incidentDate : today;
  const knownAge =
    inputs.dateOfBirth !== null && DATE.test(inputs.dateOfBirth) && inputs.dateOfBirth <= onDate;
  const excludedCodes = new Set((codes ?? []).filter((c) => c.excludedFromDiversion).map((c) => c.code));
  const result = evaluateEligibility({
    // A birth date that keeps age in range when the real one is not known: only the other checks count then.
    dateOfBirth:
      knownAge && inputs.dateOfBirth ? inputs.dateOfBirth : `${Number(onDate.slice(0, 4)) - 10}-01-01`,
    incidentDate: onDate,
    reasonCodes: inputs.reasonCodes,
    excludedCodes,
    restitutionEstimate: inputs.restitutionEstimate,
  });
  return { ...result, ageAtIncident: knownAge ? result.ageAtIncident : null };
}

export function useLiveEligibility(
  inputs: EligibilityInputs,
  codes: ReasonCode[] | undefined,
): LiveEligibility {
  const { dateOfBirth, incidentAt, reasonCodes, restitutionEstimate } = inputs;
  return useMemo(
    () => liveEligibility({ dateOfBirth, incidentAt, reasonCodes, restitutionEstimate }, codes),
    [dateOfBirth, incidentAt, reasonCodes, restitutionEstimate, codes],
  );
}
