import type { ReferralStatus } from '@pathways/contracts';

export const REFERRAL_ACTIONS = [
  'submit',
  'acknowledge',
  'request-info',
  'assign',
  'ineligible',
  'mark-duplicate',
  'override-eligibility',
  'contact-completed',
  'unable-to-contact',
  'decline',
  'enroll',
  'withdraw',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'SUBMITTED',
  'NEEDS_INFO',
  'TRIAGE',
  'OUTREACH',
  'CONSENT_PENDING',
];

/**
 * The referral state machine of DOMAIN.md: for each action, the states it may start from and the state it leads
 * to. `null` target keeps the status (assignment and eligibility override do not move the referral).
 */
const TRANSITIONS: Record<ReferralAction, { from: readonly ReferralStatus[]; to: ReferralStatus | null }> = {
  submit: { from: ['DRAFT', 'NEEDS_INFO'], to: 'SUBMITTED' },
  acknowledge: { from: ['SUBMITTED'], to: 'TRIAGE' },
  'request-info': { from: ['SUBMITTED', 'TRIAGE'], to: 'NEEDS_INFO' },
  assign: { from: ['TRIAGE', 'OUTREACH', 'CONSENT_PENDING'], to: null },
  ineligible: { from: ['SUBMITTED', 'TRIAGE'], to: 'INELIGIBLE' },
  'mark-duplicate': { from: ['SUBMITTED', 'TRIAGE'], to: 'DUPLICATE' },
  'override-eligibility': { from: ['SUBMITTED', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING'], to: null },
  'contact-completed': { from: ['OUTREACH'], to: 'CONSENT_PENDING' },
  'unable-to-contact': { from: ['OUTREACH'], to: 'UNABLE_TO_CONTACT' },
  decline: { from: ['CONSENT_PENDING'], to: 'DECLINED' },
  enroll: { from: ['OUTREACH', 'CONSENT_PENDING'], to: 'ENROLLED' },
  withdraw: { from: OPEN_REFERRAL_STATUSES, to: 'WITHDRAWN' },
};

export type TransitionResult = { allowed: true; to: ReferralStatus } | { allowed: false };

/** Where `action` leads from `current`, or not allowed (the API answers 409 with `currentStatus`). */
export function referralTransition(current: ReferralStatus, action: ReferralAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) return { allowed: false };
  // assign moves a triaged referral into outreach; later reassignments keep the status.
  if (action === 'assign') return { allowed: true, to: current === 'TRIAGE' ? 'OUTREACH' : current };
  return { allowed: true, to: rule.to ?? current };
}

export function isOpenReferral(status: ReferralStatus): boolean {
  return OPEN_REFERRAL_STATUSES.includes(status);
}

/** WIC 652.5: a service program must start within 20 calendar days of the referral. */
export const SERVICE_START_DAYS = 20;

export function dueServiceStartAt(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + SERVICE_START_DAYS * 86_400_000);
}

/** `R-2026-000123`: the year received and a number from a database sequence (unique, gaps allowed). */
export function formatReferenceNumber(year: number, n: number): string {
  return `R-${year}-${String(n).padStart(6, '0')}`;
}
