import { REFERRAL_STATUSES, type ReferralStatus } from '@pathways/contracts';
import {
  dueServiceStartAt,
  formatReferenceNumber,
  REFERRAL_ACTIONS,
  referralTransition,
  type ReferralAction,
} from './referral-states';

/** Every allowed (action, from) -> to of DOMAIN.md; everything not listed must be refused. */
const ALLOWED: [ReferralAction, ReferralStatus, ReferralStatus][] = [
  ['submit', 'DRAFT', 'SUBMITTED'],
  ['submit', 'NEEDS_INFO', 'SUBMITTED'],
  ['acknowledge', 'SUBMITTED', 'TRIAGE'],
  ['request-info', 'SUBMITTED', 'NEEDS_INFO'],
  ['request-info', 'TRIAGE', 'NEEDS_INFO'],
  ['assign', 'TRIAGE', 'OUTREACH'],
  ['assign', 'OUTREACH', 'OUTREACH'],
  ['assign', 'CONSENT_PENDING', 'CONSENT_PENDING'],
  ['ineligible', 'SUBMITTED', 'INELIGIBLE'],
  ['ineligible', 'TRIAGE', 'INELIGIBLE'],
  ['mark-duplicate', 'SUBMITTED', 'DUPLICATE'],
  ['mark-duplicate', 'TRIAGE', 'DUPLICATE'],
  ['override-eligibility', 'SUBMITTED', 'SUBMITTED'],
  ['override-eligibility', 'TRIAGE', 'TRIAGE'],
  ['override-eligibility', 'OUTREACH', 'OUTREACH'],
  ['override-eligibility', 'CONSENT_PENDING', 'CONSENT_PENDING'],
  ['contact-completed', 'OUTREACH', 'CONSENT_PENDING'],
  ['unable-to-contact', 'OUTREACH', 'UNABLE_TO_CONTACT'],
  ['decline', 'CONSENT_PENDING', 'DECLINED'],
  ['enroll', 'OUTREACH', 'ENROLLED'],
  ['enroll', 'CONSENT_PENDING', 'ENROLLED'],
  ['withdraw', 'SUBMITTED', 'WITHDRAWN'],
  ['withdraw', 'NEEDS_INFO', 'WITHDRAWN'],
  ['withdraw', 'TRIAGE', 'WITHDRAWN'],
  ['withdraw', 'OUTREACH', 'WITHDRAWN'],
  ['withdraw', 'CONSENT_PENDING', 'WITHDRAWN'],
];

describe('referral state machine', () => {
  it.each(ALLOWED)('%s from %s leads to %s', (action, from, to) => {
    expect(referralTransition(from, action)).toEqual({ allowed: true, to });
  });

  const refused = REFERRAL_ACTIONS.flatMap((action) =>
    REFERRAL_STATUSES.filter((from) => !ALLOWED.some(([a, f]) => a === action && f === from)).map(
      (from) => [action, from] as const,
    ),
  );
  it.each(refused)('refuses %s from %s', (action, from) => {
    expect(referralTransition(from, action)).toEqual({ allowed: false });
  });

  it('never leaves a closed state', () => {
    for (const closed of [
      'ENROLLED',
      'INELIGIBLE',
      'DUPLICATE',
      'UNABLE_TO_CONTACT',
      'DECLINED',
      'WITHDRAWN',
    ] as const)
      for (const action of REFERRAL_ACTIONS) expect(referralTransition(closed, action).allowed).toBe(false);
  });
});

describe('clocks and numbers', () => {
  it('puts the service start 20 calendar days after receipt, weekends included', () => {
    expect(dueServiceStartAt(new Date('2026-11-27T17:00:00Z')).toISOString()).toBe(
      '2026-12-17T17:00:00.000Z',
    );
  });
  it('formats reference numbers with six digits', () => {
    expect(formatReferenceNumber(2026, 123)).toBe('R-2026-000123');
    expect(formatReferenceNumber(2027, 1234567)).toBe('R-2027-1234567');
  });
});
