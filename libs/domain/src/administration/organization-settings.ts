import {
  CLOCK_KEYS,
  isEquityReferenceGroup,
  type ClockKey,
  type ClockOverrides,
  type ErrorDetail,
  type OrganizationKind,
  type OrganizationSettings,
  type ReportOverrides,
  type ReportValues,
  type RetentionOverrides,
  type RetentionValues,
  type SecurityOverrides,
  type SecurityValues,
} from '@pathways/contracts';
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy, type SessionTimeouts } from '../auth/session-policy';
import { DEFAULT_CLOCKS, type ClockSettings } from '../cases/clocks';
import { SERVICE_START_DAYS } from '../referrals/referral-states';

/*
 * An organization's settings are overrides of defaults, kept within legal and CJIS bounds:
 * - clocks (DOMAIN.md) may only be shortened; the 20-day service-start clock (WIC 652.5) is statutory;
 * - sessions: idle at most 30 minutes, absolute at most 12 hours (CJIS 5.5.5 / ACCESS.md);
 * - lockout: at most 5 failed attempts, a lock lasting at least 10 minutes unless an administrator lifts it;
 * - accounts unused for 90 days are disabled (CJIS); an organization may choose fewer days;
 * - report cells of 1-10 youth are suppressed: the threshold is never below 11;
 * - retention: provider records of minors are kept at least 7 years (Cal. Health & Safety Code 123145).
 */

// The contract's clock keys and the domain's ClockSettings must stay the same set of keys (a type error if not).
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const clockKeysMatch: SameKeys<keyof ClockSettings, ClockKey> = true;
void clockKeysMatch;

export interface Bound {
  min: number;
  max: number;
}

/** Clocks: from 1 (0 for the follow-up tolerance) up to the default; none may be lengthened. */
export const CLOCK_BOUNDS: Readonly<Record<ClockKey, Bound>> = Object.fromEntries(
  CLOCK_KEYS.map((k) => [k, { min: k === 'followUpToleranceDays' ? 0 : 1, max: DEFAULT_CLOCKS[k] }]),
) as Record<ClockKey, Bound>;

/** A case's target length must end before its maximum length (months counted as 28 days, the shortest). */
const DAYS_IN_SHORTEST_MONTH = 28;

export const CJIS_MAX_IDLE_MINUTES = 30;
export const CJIS_MAX_SESSION_HOURS = 12;
export const CJIS_MAX_FAILED_LOGINS = 5;
export const CJIS_MIN_LOCK_MINUTES = 10;
export const CJIS_MAX_INACTIVITY_DAYS = 90;
export const MIN_SUPPRESSION_THRESHOLD = 11;
/** Cal. Health & Safety Code 123145: a minor's records at least 7 years (and until the youth is 19). */
export const MIN_CASE_RETENTION_MONTHS = 84;
export const RETENTION_MIN_AGE_YEARS = 19;

export const SECURITY_BOUNDS = {
  sessionIdleMinutes: { min: 5, max: CJIS_MAX_IDLE_MINUTES },
  sessionAbsoluteHours: { min: 1, max: CJIS_MAX_SESSION_HOURS },
  lockoutMaxFailures: { min: 3, max: CJIS_MAX_FAILED_LOGINS },
  lockoutWindowMinutes: { min: 15, max: 1440 },
  lockoutAutoUnlockMinutes: { min: CJIS_MIN_LOCK_MINUTES, max: 1440 },
  accountInactivityDays: { min: 30, max: CJIS_MAX_INACTIVITY_DAYS },
} as const satisfies Record<string, Bound>;

export const REPORT_BOUNDS = {
  suppressionThreshold: { min: MIN_SUPPRESSION_THRESHOLD, max: 100 },
} as const satisfies Record<string, Bound>;

export const RETENTION_BOUNDS = {
  closedCaseMonths: { min: MIN_CASE_RETENTION_MONTHS, max: 1200 },
  endedReferralMonths: { min: 12, max: 1200 },
  sessionDays: { min: 1, max: 365 },
  idempotencyKeyHours: { min: 0, max: 720 },
} as const satisfies Record<keyof RetentionValues, Bound>;

export const DEFAULT_SECURITY: Readonly<Omit<SecurityValues, 'mfaRequired'>> = {
  sessionIdleMinutes: CJIS_MAX_IDLE_MINUTES,
  sessionAbsoluteHours: CJIS_MAX_SESSION_HOURS,
  lockoutMaxFailures: DEFAULT_LOCKOUT_POLICY.maxFailures,
  lockoutWindowMinutes: DEFAULT_LOCKOUT_POLICY.windowMinutes,
  lockoutAutoUnlockMinutes: DEFAULT_LOCKOUT_POLICY.autoUnlockMinutes,
  accountInactivityDays: CJIS_MAX_INACTIVITY_DAYS,
};

export const DEFAULT_REPORTS: Readonly<ReportValues> = {
  equityReferenceGroup: 'WHITE',
  suppressionThreshold: MIN_SUPPRESSION_THRESHOLD,
};

export const DEFAULT_RETENTION: Readonly<RetentionValues> = {
  closedCaseMonths: MIN_CASE_RETENTION_MONTHS,
  endedReferralMonths: 36,
  sessionDays: 30,
  idempotencyKeyHours: 0,
};

/** Limits that come from the deployment (environment) rather than the organization. */
export interface DeploymentLimits {
  /** The environment's session limits (themselves at most the CJIS ones): an organization may only tighten. */
  sessionTimeouts: SessionTimeouts;
  /** MFA for every account whatever the organization says (ACCESS.md: every account in production). */
  mfaAlwaysRequired: boolean;
}

type Problem = ErrorDetail;

function checkBound(problems: Problem[], path: string, value: number | undefined, bound: Bound, why: string) {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < bound.min || value > bound.max)
    problems.push({ path, message: `Must be a whole number from ${bound.min} to ${bound.max} (${why})` });
}

/**
 * Every problem of a settings change, as API error details (path = section.field). An empty list means the
 * settings are within bounds. Clocks are a provider's: other organizations may not set them.
 */
export function settingsProblems(settings: OrganizationSettings, kind: OrganizationKind): Problem[] {
  const problems: Problem[] = [];
  if (settings.clocks) problems.push(...clockProblems(settings.clocks, kind));
  if (settings.security) problems.push(...securityProblems(settings.security));
  if (settings.reports) problems.push(...reportProblems(settings.reports));
  if (settings.retention) problems.push(...retentionProblems(settings.retention, kind));
  return problems;
}

export function clockProblems(clocks: ClockOverrides, kind: OrganizationKind): Problem[] {
  const problems: Problem[] = [];
  if (kind !== 'SERVICE_PROVIDER') {
    if (Object.keys(clocks).length)
      problems.push({ path: 'clocks', message: 'Only a service provider runs the program clocks' });
    return problems;
  }
  for (const key of CLOCK_KEYS) {
    const value = clocks[key];
    if (key === 'serviceStartDays' && value !== undefined && value > SERVICE_START_DAYS) {
      problems.push({
        path: `clocks.${key}`,
        message: `The ${SERVICE_START_DAYS}-day service-start clock is statutory (WIC 652.5): it may be shortened, never lengthened`,
      });
      continue;
    }
    checkBound(
      problems,
      `clocks.${key}`,
      value,
      CLOCK_BOUNDS[key],
      'a clock may be shortened, not lengthened',
    );
  }
  const target = clocks.targetDays ?? DEFAULT_CLOCKS.targetDays;
  const maxMonths = clocks.maxMonths ?? DEFAULT_CLOCKS.maxMonths;
  if (
    Number.isInteger(target) &&
    Number.isInteger(maxMonths) &&
    target > maxMonths * DAYS_IN_SHORTEST_MONTH &&
    !problems.some((p) => p.path === 'clocks.targetDays' || p.path === 'clocks.maxMonths')
  )
    problems.push({
      path: 'clocks.targetDays',
      message: `The target length must end before the maximum length (at most ${maxMonths * DAYS_IN_SHORTEST_MONTH} days)`,
    });
  return problems;
}

export function securityProblems(s: SecurityOverrides): Problem[] {
  const problems: Problem[] = [];
  const b = SECURITY_BOUNDS;
  checkBound(
    problems,
    'security.sessionIdleMinutes',
    s.sessionIdleMinutes,
    b.sessionIdleMinutes,
    'CJIS: idle sessions end within 30 minutes',
  );
  checkBound(
    problems,
    'security.sessionAbsoluteHours',
    s.sessionAbsoluteHours,
    b.sessionAbsoluteHours,
    'CJIS: sessions end within 12 hours',
  );
  checkBound(
    problems,
    'security.lockoutMaxFailures',
    s.lockoutMaxFailures,
    b.lockoutMaxFailures,
    'CJIS: at most 5 failed attempts',
  );
  checkBound(
    problems,
    'security.lockoutWindowMinutes',
    s.lockoutWindowMinutes,
    b.lockoutWindowMinutes,
    'the window in which failures count',
  );
  if (s.lockoutAutoUnlockMinutes !== null)
    checkBound(
      problems,
      'security.lockoutAutoUnlockMinutes',
      s.lockoutAutoUnlockMinutes,
      b.lockoutAutoUnlockMinutes,
      'CJIS: a lock lasts at least 10 minutes',
    );
  checkBound(
    problems,
    'security.accountInactivityDays',
    s.accountInactivityDays,
    b.accountInactivityDays,
    'CJIS: unused accounts are disabled within 90 days',
  );
  return problems;
}

export function reportProblems(r: ReportOverrides): Problem[] {
  const problems: Problem[] = [];
  checkBound(
    problems,
    'reports.suppressionThreshold',
    r.suppressionThreshold,
    REPORT_BOUNDS.suppressionThreshold,
    'cells of 1-10 youth are never shown',
  );
  if (r.equityReferenceGroup !== undefined && !isEquityReferenceGroup(r.equityReferenceGroup))
    problems.push({ path: 'reports.equityReferenceGroup', message: 'Choose a race or ethnicity group' });
  return problems;
}

export function retentionProblems(r: RetentionOverrides, kind: OrganizationKind): Problem[] {
  const problems: Problem[] = [];
  const b = RETENTION_BOUNDS;
  if (kind !== 'SERVICE_PROVIDER') {
    for (const key of ['closedCaseMonths', 'endedReferralMonths'] as const)
      if (r[key] !== undefined)
        problems.push({ path: `retention.${key}`, message: 'Only a service provider keeps case records' });
  } else {
    checkBound(
      problems,
      'retention.closedCaseMonths',
      r.closedCaseMonths,
      b.closedCaseMonths,
      "a minor's records are kept at least 7 years",
    );
    checkBound(
      problems,
      'retention.endedReferralMonths',
      r.endedReferralMonths,
      b.endedReferralMonths,
      'at least one year',
    );
  }
  checkBound(problems, 'retention.sessionDays', r.sessionDays, b.sessionDays, 'ended sessions');
  checkBound(
    problems,
    'retention.idempotencyKeyHours',
    r.idempotencyKeyHours,
    b.idempotencyKeyHours,
    'after the key expires',
  );
  return problems;
}

const clamp = (value: unknown, bound: Bound, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value)
    ? Math.min(bound.max, Math.max(bound.min, value))
    : fallback;

/**
 * The clocks a provider runs on: the defaults with its overrides. A stored value out of bounds (written by hand,
 * or by an older version) is brought back within them, so a clock can never end up longer than the law allows.
 */
export function effectiveClocks(overrides: ClockOverrides | undefined): ClockSettings {
  const o = overrides ?? {};
  const out = { ...DEFAULT_CLOCKS };
  for (const key of CLOCK_KEYS) out[key] = clamp(o[key], CLOCK_BOUNDS[key], DEFAULT_CLOCKS[key]);
  if (out.targetDays > out.maxMonths * DAYS_IN_SHORTEST_MONTH)
    out.targetDays = out.maxMonths * DAYS_IN_SHORTEST_MONTH;
  return out;
}

export function effectiveSecurity(
  overrides: SecurityOverrides | undefined,
  limits: DeploymentLimits,
): SecurityValues {
  const o = overrides ?? {};
  const b = SECURITY_BOUNDS;
  const d = DEFAULT_SECURITY;
  const autoUnlock =
    o.lockoutAutoUnlockMinutes === null
      ? null
      : o.lockoutAutoUnlockMinutes === undefined
        ? d.lockoutAutoUnlockMinutes
        : clamp(o.lockoutAutoUnlockMinutes, b.lockoutAutoUnlockMinutes, CJIS_MIN_LOCK_MINUTES);
  return {
    mfaRequired: limits.mfaAlwaysRequired || o.mfaRequired === true,
    sessionIdleMinutes: Math.min(
      clamp(o.sessionIdleMinutes, b.sessionIdleMinutes, d.sessionIdleMinutes),
      limits.sessionTimeouts.idleMinutes,
    ),
    sessionAbsoluteHours: Math.min(
      clamp(o.sessionAbsoluteHours, b.sessionAbsoluteHours, d.sessionAbsoluteHours),
      limits.sessionTimeouts.absoluteHours,
    ),
    lockoutMaxFailures: clamp(o.lockoutMaxFailures, b.lockoutMaxFailures, d.lockoutMaxFailures),
    lockoutWindowMinutes: clamp(o.lockoutWindowMinutes, b.lockoutWindowMinutes, d.lockoutWindowMinutes),
    lockoutAutoUnlockMinutes: autoUnlock,
    accountInactivityDays: clamp(o.accountInactivityDays, b.accountInactivityDays, d.accountInactivityDays),
  };
}

export function effectiveReports(overrides: ReportOverrides | undefined): ReportValues {
  const o = overrides ?? {};
  return {
    equityReferenceGroup: isEquityReferenceGroup(o.equityReferenceGroup)
      ? o.equityReferenceGroup
      : DEFAULT_REPORTS.equityReferenceGroup,
    suppressionThreshold: clamp(
      o.suppressionThreshold,
      REPORT_BOUNDS.suppressionThreshold,
      DEFAULT_REPORTS.suppressionThreshold,
    ),
  };
}

export function effectiveRetention(overrides: RetentionOverrides | undefined): RetentionValues {
  const o = overrides ?? {};
  const b = RETENTION_BOUNDS;
  const d = DEFAULT_RETENTION;
  return {
    closedCaseMonths: clamp(o.closedCaseMonths, b.closedCaseMonths, d.closedCaseMonths),
    endedReferralMonths: clamp(o.endedReferralMonths, b.endedReferralMonths, d.endedReferralMonths),
    sessionDays: clamp(o.sessionDays, b.sessionDays, d.sessionDays),
    idempotencyKeyHours: clamp(o.idempotencyKeyHours, b.idempotencyKeyHours, d.idempotencyKeyHours),
  };
}

export function sessionTimeoutsOf(security: SecurityValues): SessionTimeouts {
  return { idleMinutes: security.sessionIdleMinutes, absoluteHours: security.sessionAbsoluteHours };
}

export function lockoutPolicyOf(security: SecurityValues): LockoutPolicy {
  return {
    maxFailures: security.lockoutMaxFailures,
    windowMinutes: security.lockoutWindowMinutes,
    autoUnlockMinutes: security.lockoutAutoUnlockMinutes,
  };
}

/**
 * What to store: only the values that differ from the defaults, so a later change of a default (say, the law)
 * reaches every organization that never chose otherwise.
 */
export function overridesOnly<T extends object>(values: T, defaults: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (values[key] !== undefined && values[key] !== defaults[key]) out[key] = values[key];
  }
  return out;
}
