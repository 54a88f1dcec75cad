import {
  OPEN_CASE_STATUSES,
  type CaseStatus,
  type ClosureReason,
  type OutcomeClass,
  type Pathway,
} from '@pathways/contracts';

export const CASE_ACTIONS = [
  'intake-completed',
  'assessment-recorded',
  'service-started',
  'hold',
  'mark-non-compliant',
  'resume',
  'request-closure',
  'reject-closure',
  'approve-closure',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type CaseTransitionResult = { allowed: true; to: CaseStatus } | { allowed: false };

const BEFORE_ACTIVE: readonly CaseStatus[] = ['INTAKE', 'ASSESSMENT', 'PLANNING'];

/**
 * The case state machine of DOMAIN.md. Stages advance as work is recorded: a completed intake moves INTAKE to
 * ASSESSMENT, the first assessment moves it to PLANNING, the first ACTIVE service to ACTIVE. Recording work in a
 * later stage than the action's own keeps the status (`to` = current): work is never refused for the stage.
 * `reject-closure` returns to the state the closure was requested from (`previous`).
 */
export function caseTransition(
  current: CaseStatus,
  action: CaseAction,
  previous?: CaseStatus | null,
): CaseTransitionResult {
  const stay: CaseTransitionResult = { allowed: true, to: current };
  switch (action) {
    case 'intake-completed':
      if (current === 'INTAKE') return { allowed: true, to: 'ASSESSMENT' };
      return OPEN_CASE_STATUSES.includes(current) ? stay : { allowed: false };
    case 'assessment-recorded':
      if (current === 'INTAKE' || current === 'ASSESSMENT') return { allowed: true, to: 'PLANNING' };
      return OPEN_CASE_STATUSES.includes(current) ? stay : { allowed: false };
    case 'service-started':
      if (BEFORE_ACTIVE.includes(current)) return { allowed: true, to: 'ACTIVE' };
      return OPEN_CASE_STATUSES.includes(current) ? stay : { allowed: false };
    case 'hold':
      return current === 'ACTIVE' ? { allowed: true, to: 'ON_HOLD' } : { allowed: false };
    case 'mark-non-compliant':
      return current === 'ACTIVE' ? { allowed: true, to: 'NON_COMPLIANT' } : { allowed: false };
    case 'resume':
      return current === 'ON_HOLD' || current === 'NON_COMPLIANT'
        ? { allowed: true, to: 'ACTIVE' }
        : { allowed: false };
    case 'request-closure':
      return OPEN_CASE_STATUSES.includes(current)
        ? { allowed: true, to: 'CLOSURE_REVIEW' }
        : { allowed: false };
    case 'reject-closure':
      if (current !== 'CLOSURE_REVIEW') return { allowed: false };
      return { allowed: true, to: previous && OPEN_CASE_STATUSES.includes(previous) ? previous : 'ACTIVE' };
    case 'approve-closure':
      return current === 'CLOSURE_REVIEW' ? { allowed: true, to: 'CLOSED' } : { allowed: false };
    case 'reopen':
      return current === 'CLOSED' ? { allowed: true, to: 'ACTIVE' } : { allowed: false };
  }
}

export function isOpenCase(status: CaseStatus): boolean {
  return OPEN_CASE_STATUSES.includes(status);
}

/** The outcome class of a closure reason (DOMAIN.md "Case states"). */
export function outcomeClassOf(reason: ClosureReason): OutcomeClass {
  switch (reason) {
    case 'COMPLETED_ALL_GOALS':
    case 'COMPLETED_MOST_GOALS':
      return 'SUCCESSFUL';
    case 'NON_PARTICIPATION':
    case 'WITHDREW':
    case 'NEW_LAW_ENFORCEMENT_CONTACT':
      return 'UNSUCCESSFUL';
    case 'MOVED':
    case 'HIGHER_LEVEL_OF_CARE':
    case 'INELIGIBLE_DISCOVERED':
    case 'UNABLE_TO_LOCATE':
    case 'AGED_OUT':
    case 'OTHER':
      return 'ADMINISTRATIVE';
  }
}

export interface ClosureEffects {
  /** WIC 827.95: notify the referring agency of satisfactory completion. */
  completionNotice: boolean;
  /** Seal the police-side view at the notice. */
  seal: boolean;
  /** The decision goes back to the referring officer (notice + task). */
  returnToReferrer: boolean;
}

/**
 * What closing does beyond the case: only a police diversion (626(b)) reports completion and seals; an
 * unsuccessful police diversion returns the decision to the SRO. PREVENTION (WIC 236, voluntary) and the other
 * pathways never escalate.
 */
export function closureEffects(pathway: Pathway, outcome: OutcomeClass): ClosureEffects {
  const diversion = pathway === 'LE_DIVERSION_626B';
  return {
    completionNotice: diversion && outcome === 'SUCCESSFUL',
    seal: diversion && outcome === 'SUCCESSFUL',
    returnToReferrer: diversion && outcome === 'UNSUCCESSFUL',
  };
}

/** The supervisor extends a case only up to its maximum length (6 months from opening). */
export function targetEndAllowed(targetEnd: Date, maxEnd: Date): boolean {
  return targetEnd.getTime() <= maxEnd.getTime();
}

/** Closure needs two people: the approver is never the one who asked. */
export function mayApproveClosure(approverId: string, requestedBy: string | null): boolean {
  return requestedBy !== null && approverId !== requestedBy;
}
