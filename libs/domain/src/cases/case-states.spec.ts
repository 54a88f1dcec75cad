import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  OPEN_CASE_STATUSES,
  OUTCOME_CLASSES,
  PATHWAYS,
  type CaseStatus,
  type ClosureReason,
  type OutcomeClass,
  type Pathway,
} from '@pathways/contracts';
import {
  CASE_ACTIONS,
  caseTransition,
  closureEffects,
  isOpenCase,
  mayApproveClosure,
  outcomeClassOf,
  targetEndAllowed,
  type CaseAction,
} from './case-states';

/**
 * Every allowed (action, from) -> to of DOMAIN.md "Case states" (reject-closure without a remembered state);
 * everything not listed must be refused.
 */
const ALLOWED: [CaseAction, CaseStatus, CaseStatus][] = [
  ['intake-completed', 'INTAKE', 'ASSESSMENT'],
  ['intake-completed', 'ASSESSMENT', 'ASSESSMENT'],
  ['intake-completed', 'PLANNING', 'PLANNING'],
  ['intake-completed', 'ACTIVE', 'ACTIVE'],
  ['intake-completed', 'ON_HOLD', 'ON_HOLD'],
  ['intake-completed', 'NON_COMPLIANT', 'NON_COMPLIANT'],
  ['assessment-recorded', 'INTAKE', 'PLANNING'],
  ['assessment-recorded', 'ASSESSMENT', 'PLANNING'],
  ['assessment-recorded', 'PLANNING', 'PLANNING'],
  ['assessment-recorded', 'ACTIVE', 'ACTIVE'],
  ['assessment-recorded', 'ON_HOLD', 'ON_HOLD'],
  ['assessment-recorded', 'NON_COMPLIANT', 'NON_COMPLIANT'],
  ['service-started', 'INTAKE', 'ACTIVE'],
  ['service-started', 'ASSESSMENT', 'ACTIVE'],
  ['service-started', 'PLANNING', 'ACTIVE'],
  ['service-started', 'ACTIVE', 'ACTIVE'],
  ['service-started', 'ON_HOLD', 'ON_HOLD'],
  ['service-started', 'NON_COMPLIANT', 'NON_COMPLIANT'],
  ['hold', 'ACTIVE', 'ON_HOLD'],
  ['mark-non-compliant', 'ACTIVE', 'NON_COMPLIANT'],
  ['resume', 'ON_HOLD', 'ACTIVE'],
  ['resume', 'NON_COMPLIANT', 'ACTIVE'],
  ['request-closure', 'INTAKE', 'CLOSURE_REVIEW'],
  ['request-closure', 'ASSESSMENT', 'CLOSURE_REVIEW'],
  ['request-closure', 'PLANNING', 'CLOSURE_REVIEW'],
  ['request-closure', 'ACTIVE', 'CLOSURE_REVIEW'],
  ['request-closure', 'ON_HOLD', 'CLOSURE_REVIEW'],
  ['request-closure', 'NON_COMPLIANT', 'CLOSURE_REVIEW'],
  ['reject-closure', 'CLOSURE_REVIEW', 'ACTIVE'],
  ['approve-closure', 'CLOSURE_REVIEW', 'CLOSED'],
  ['reopen', 'CLOSED', 'ACTIVE'],
];

describe('case state machine', () => {
  it.each(ALLOWED)('%s from %s leads to %s', (action, from, to) => {
    expect(caseTransition(from, action)).toEqual({ allowed: true, to });
  });

  const refused = CASE_ACTIONS.flatMap((action) =>
    CASE_STATUSES.filter((from) => !ALLOWED.some(([a, f]) => a === action && f === from)).map(
      (from) => [action, from] as const,
    ),
  );
  it.each(refused)('refuses %s from %s', (action, from) => {
    expect(caseTransition(from, action)).toEqual({ allowed: false });
  });

  it('covers every action and every state in the two tables', () => {
    expect(ALLOWED.length + refused.length).toBe(CASE_ACTIONS.length * CASE_STATUSES.length);
  });

  it.each(OPEN_CASE_STATUSES.map((s) => [s]))(
    'reject-closure returns to %s when the closure was requested from there',
    (previous) => {
      expect(caseTransition('CLOSURE_REVIEW', 'reject-closure', previous)).toEqual({
        allowed: true,
        to: previous,
      });
    },
  );

  it.each([[null], ['CLOSURE_REVIEW' as const], ['CLOSED' as const]])(
    'reject-closure falls back to ACTIVE when the remembered state is %s',
    (previous) => {
      expect(caseTransition('CLOSURE_REVIEW', 'reject-closure', previous)).toEqual({
        allowed: true,
        to: 'ACTIVE',
      });
    },
  );

  it('refuses reject-closure outside closure review whatever state was remembered', () => {
    for (const from of CASE_STATUSES.filter((s) => s !== 'CLOSURE_REVIEW'))
      expect(caseTransition(from, 'reject-closure', 'ACTIVE')).toEqual({ allowed: false });
  });

  it('only reopening leaves CLOSED', () => {
    for (const action of CASE_ACTIONS)
      expect(caseTransition('CLOSED', action).allowed).toBe(action === 'reopen');
  });

  it.each(CASE_STATUSES.map((s) => [s, OPEN_CASE_STATUSES.includes(s)] as const))(
    'isOpenCase(%s) is %s',
    (status, open) => {
      expect(isOpenCase(status)).toBe(open);
    },
  );
});

describe('outcome class of a closure reason', () => {
  const EXPECTED: Record<ClosureReason, OutcomeClass> = {
    COMPLETED_ALL_GOALS: 'SUCCESSFUL',
    COMPLETED_MOST_GOALS: 'SUCCESSFUL',
    NON_PARTICIPATION: 'UNSUCCESSFUL',
    WITHDREW: 'UNSUCCESSFUL',
    NEW_LAW_ENFORCEMENT_CONTACT: 'UNSUCCESSFUL',
    MOVED: 'ADMINISTRATIVE',
    HIGHER_LEVEL_OF_CARE: 'ADMINISTRATIVE',
    INELIGIBLE_DISCOVERED: 'ADMINISTRATIVE',
    UNABLE_TO_LOCATE: 'ADMINISTRATIVE',
    AGED_OUT: 'ADMINISTRATIVE',
    OTHER: 'ADMINISTRATIVE',
  };

  it.each(CLOSURE_REASONS.map((r) => [r, EXPECTED[r]]))('%s is %s', (reason, outcome) => {
    expect(outcomeClassOf(reason)).toBe(outcome);
  });
});

describe('what closing does beyond the case', () => {
  const NOTHING = { completionNotice: false, seal: false, returnToReferrer: false };
  const expected = (pathway: Pathway, outcome: OutcomeClass) => {
    if (pathway !== 'LE_DIVERSION_626B') return NOTHING;
    if (outcome === 'SUCCESSFUL') return { completionNotice: true, seal: true, returnToReferrer: false };
    if (outcome === 'UNSUCCESSFUL') return { completionNotice: false, seal: false, returnToReferrer: true };
    return NOTHING;
  };
  const cases = PATHWAYS.flatMap((p) => OUTCOME_CLASSES.map((o) => [p, o, expected(p, o)] as const));

  it.each(cases)('%s closed %s: %o', (pathway, outcome, effects) => {
    expect(closureEffects(pathway, outcome)).toEqual(effects);
  });

  it('never escalates a PREVENTION case (WIC 236)', () => {
    for (const outcome of OUTCOME_CLASSES) expect(closureEffects('PREVENTION', outcome)).toEqual(NOTHING);
  });
});

describe('target end and closure approval', () => {
  const max = new Date('2026-09-01T17:00:00Z');

  it('allows a target end before or at the maximum', () => {
    expect(targetEndAllowed(new Date('2026-08-01T17:00:00Z'), max)).toBe(true);
    expect(targetEndAllowed(max, max)).toBe(true);
  });

  it('refuses a target end past the maximum, even by a millisecond', () => {
    expect(targetEndAllowed(new Date(max.getTime() + 1), max)).toBe(false);
  });

  it('lets a second person approve a closure', () => {
    expect(mayApproveClosure('supervisor', 'counselor')).toBe(true);
  });

  it('refuses approval by the person who asked', () => {
    expect(mayApproveClosure('supervisor', 'supervisor')).toBe(false);
  });

  it('refuses approval when nobody asked', () => {
    expect(mayApproveClosure('supervisor', null)).toBe(false);
  });
});
