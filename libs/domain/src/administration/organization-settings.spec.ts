import { CLOCK_KEYS, type OrganizationSettings } from '@pathways/contracts';
import { DEFAULT_CLOCKS } from '../cases/clocks';
import {
  CLOCK_BOUNDS,
  DEFAULT_RETENTION,
  DEFAULT_SECURITY,
  effectiveClocks,
  effectiveReports,
  effectiveRetention,
  effectiveSecurity,
  lockoutPolicyOf,
  overridesOnly,
  sessionTimeoutsOf,
  settingsProblems,
  type DeploymentLimits,
} from './organization-settings';

const paths = (
  settings: OrganizationSettings,
  kind: 'SERVICE_PROVIDER' | 'LAW_ENFORCEMENT' = 'SERVICE_PROVIDER',
) => settingsProblems(settings, kind).map((p) => p.path);

const LIMITS: DeploymentLimits = {
  sessionTimeouts: { idleMinutes: 30, absoluteHours: 12 },
  mfaAlwaysRequired: false,
};

describe('clock bounds (DOMAIN.md clocks; WIC 652.5)', () => {
  it.each(CLOCK_KEYS)('accepts %s at its default and at its minimum', (key) => {
    // A one-month maximum also needs a target that fits in it (see the target/maximum rule below).
    const fit = key === 'maxMonths' ? { targetDays: 28 } : {};
    expect(paths({ clocks: { [key]: DEFAULT_CLOCKS[key] } })).toEqual([]);
    expect(paths({ clocks: { ...fit, [key]: CLOCK_BOUNDS[key].min } })).toEqual([]);
  });

  it.each(CLOCK_KEYS)('refuses to lengthen %s by even one unit', (key) => {
    expect(paths({ clocks: { [key]: DEFAULT_CLOCKS[key] + 1 } })).toEqual([`clocks.${key}`]);
  });

  it.each(CLOCK_KEYS)('refuses %s below its minimum and as a fraction', (key) => {
    expect(paths({ clocks: { [key]: CLOCK_BOUNDS[key].min - 1 } })).toEqual([`clocks.${key}`]);
    expect(paths({ clocks: { [key]: CLOCK_BOUNDS[key].min + 0.5 } })).toEqual([`clocks.${key}`]);
  });

  it('lets the follow-up tolerance go to zero but every other clock only to one', () => {
    expect(CLOCK_BOUNDS.followUpToleranceDays.min).toBe(0);
    for (const key of CLOCK_KEYS.filter((k) => k !== 'followUpToleranceDays'))
      expect(CLOCK_BOUNDS[key].min).toBe(1);
  });

  it('names the statute when the 20-day service-start clock would be lengthened', () => {
    const [problem] = settingsProblems({ clocks: { serviceStartDays: 21 } }, 'SERVICE_PROVIDER');
    expect(problem).toEqual({
      path: 'clocks.serviceStartDays',
      message: expect.stringMatching(/WIC 652\.5/),
    });
    expect(DEFAULT_CLOCKS.serviceStartDays).toBe(20);
    expect(paths({ clocks: { serviceStartDays: 15 } })).toEqual([]);
  });

  it('refuses a target length that would not end before the maximum length', () => {
    expect(paths({ clocks: { maxMonths: 1, targetDays: 29 } })).toEqual(['clocks.targetDays']);
    expect(paths({ clocks: { maxMonths: 1, targetDays: 28 } })).toEqual([]);
    expect(paths({ clocks: { maxMonths: 4 } })).toEqual([]);
    expect(paths({ clocks: { maxMonths: 3 } })).toEqual(['clocks.targetDays']);
  });

  it('lists every bad clock at once', () => {
    expect(paths({ clocks: { triageBusinessDays: 2, reopenDays: 0, serviceStartDays: 30 } }).sort()).toEqual([
      'clocks.reopenDays',
      'clocks.serviceStartDays',
      'clocks.triageBusinessDays',
    ]);
  });

  it('keeps clocks to service providers: a police department may not set them', () => {
    expect(paths({ clocks: { triageBusinessDays: 1 } }, 'LAW_ENFORCEMENT')).toEqual(['clocks']);
    expect(paths({ clocks: {} }, 'LAW_ENFORCEMENT')).toEqual([]);
  });
});

describe('security bounds (CJIS)', () => {
  it.each([
    ['sessionIdleMinutes', 30, 31],
    ['sessionIdleMinutes', 5, 4],
    ['sessionAbsoluteHours', 12, 13],
    ['sessionAbsoluteHours', 1, 0],
    ['lockoutMaxFailures', 5, 6],
    ['lockoutMaxFailures', 3, 2],
    ['lockoutWindowMinutes', 15, 14],
    ['lockoutWindowMinutes', 1440, 1441],
    ['lockoutAutoUnlockMinutes', 10, 9],
    ['accountInactivityDays', 90, 91],
    ['accountInactivityDays', 30, 29],
  ] as const)('accepts %s = %i and refuses %i', (key, ok, bad) => {
    expect(paths({ security: { [key]: ok } })).toEqual([]);
    expect(paths({ security: { [key]: bad } })).toEqual([`security.${key}`]);
  });

  it('accepts a lockout that only an administrator lifts (no automatic unlock)', () => {
    expect(paths({ security: { lockoutAutoUnlockMinutes: null } })).toEqual([]);
  });

  it('accepts either MFA policy', () => {
    expect(paths({ security: { mfaRequired: true } })).toEqual([]);
    expect(paths({ security: { mfaRequired: false } })).toEqual([]);
  });
});

describe('report bounds', () => {
  it('never lets the suppression threshold fall below 11', () => {
    expect(paths({ reports: { suppressionThreshold: 10 } })).toEqual(['reports.suppressionThreshold']);
    expect(paths({ reports: { suppressionThreshold: 11 } })).toEqual([]);
    expect(paths({ reports: { suppressionThreshold: 20 } })).toEqual([]);
  });

  it('takes any race or ethnicity group as the equity reference, but not "declined"', () => {
    expect(paths({ reports: { equityReferenceGroup: 'HISPANIC_LATINO' } })).toEqual([]);
    expect(paths({ reports: { equityReferenceGroup: 'DECLINED' } })).toEqual([
      'reports.equityReferenceGroup',
    ]);
  });
});

describe('retention bounds', () => {
  it("keeps a minor's case records at least 7 years", () => {
    expect(paths({ retention: { closedCaseMonths: 83 } })).toEqual(['retention.closedCaseMonths']);
    expect(paths({ retention: { closedCaseMonths: 84 } })).toEqual([]);
  });

  it('keeps ended referrals at least a year, sessions at least a day; keys may go at once', () => {
    expect(
      paths({ retention: { endedReferralMonths: 11, sessionDays: 0, idempotencyKeyHours: -1 } }).sort(),
    ).toEqual(['retention.endedReferralMonths', 'retention.idempotencyKeyHours', 'retention.sessionDays']);
    expect(paths({ retention: { endedReferralMonths: 12, sessionDays: 1, idempotencyKeyHours: 0 } })).toEqual(
      [],
    );
  });

  it('leaves case retention to service providers', () => {
    expect(paths({ retention: { closedCaseMonths: 84 } }, 'LAW_ENFORCEMENT')).toEqual([
      'retention.closedCaseMonths',
    ]);
    expect(paths({ retention: { sessionDays: 10 } }, 'LAW_ENFORCEMENT')).toEqual([]);
  });
});

describe('effective settings', () => {
  it('are the defaults when nothing is set', () => {
    expect(effectiveClocks(undefined)).toEqual(DEFAULT_CLOCKS);
    expect(effectiveSecurity(undefined, LIMITS)).toEqual({ ...DEFAULT_SECURITY, mfaRequired: false });
    expect(effectiveReports(undefined)).toEqual({ equityReferenceGroup: 'WHITE', suppressionThreshold: 11 });
    expect(effectiveRetention(undefined)).toEqual(DEFAULT_RETENTION);
  });

  it('apply the overrides within bounds', () => {
    expect(effectiveClocks({ triageBusinessDays: 1, intakeBusinessDays: 5 })).toMatchObject({
      intakeBusinessDays: 5,
      serviceStartDays: 20,
    });
  });

  it('never let a stored value lengthen a clock past the law, whatever the database holds', () => {
    const clocks = effectiveClocks({ serviceStartDays: 45, reopenDays: -3, assessmentDays: 2.5 });
    expect(clocks.serviceStartDays).toBe(20);
    expect(clocks.reopenDays).toBe(1);
    expect(clocks.assessmentDays).toBe(DEFAULT_CLOCKS.assessmentDays);
  });

  it('shorten the target length to fit a shortened maximum', () => {
    expect(effectiveClocks({ maxMonths: 2 }).targetDays).toBe(56);
  });

  it('take the stricter of the organization and the deployment session limits', () => {
    const tight = { sessionTimeouts: { idleMinutes: 15, absoluteHours: 8 }, mfaAlwaysRequired: false };
    expect(sessionTimeoutsOf(effectiveSecurity({ sessionIdleMinutes: 20 }, tight))).toEqual({
      idleMinutes: 15,
      absoluteHours: 8,
    });
    expect(sessionTimeoutsOf(effectiveSecurity({ sessionIdleMinutes: 10 }, tight))).toEqual({
      idleMinutes: 10,
      absoluteHours: 8,
    });
    expect(effectiveSecurity({ sessionIdleMinutes: 600 }, LIMITS).sessionIdleMinutes).toBe(30);
  });

  it('require MFA where the deployment does, even if the organization turned it off', () => {
    const production = { ...LIMITS, mfaAlwaysRequired: true };
    expect(effectiveSecurity({ mfaRequired: false }, production).mfaRequired).toBe(true);
    expect(effectiveSecurity({ mfaRequired: true }, LIMITS).mfaRequired).toBe(true);
    expect(effectiveSecurity({}, LIMITS).mfaRequired).toBe(false);
  });

  it('turn the security settings into the lockout policy, keeping "administrator only"', () => {
    expect(lockoutPolicyOf(effectiveSecurity({ lockoutAutoUnlockMinutes: null }, LIMITS))).toEqual({
      maxFailures: 5,
      windowMinutes: 15,
      autoUnlockMinutes: null,
    });
    expect(
      lockoutPolicyOf(effectiveSecurity({ lockoutMaxFailures: 9, lockoutAutoUnlockMinutes: 2 }, LIMITS)),
    ).toEqual({
      maxFailures: 5,
      windowMinutes: 15,
      autoUnlockMinutes: 10,
    });
  });

  it('ignore a stored "declined" reference group and a threshold below 11', () => {
    expect(effectiveReports({ equityReferenceGroup: 'DECLINED', suppressionThreshold: 5 })).toEqual({
      equityReferenceGroup: 'WHITE',
      suppressionThreshold: 11,
    });
  });

  it('bring a stored retention below the legal minimum back up to it', () => {
    expect(effectiveRetention({ closedCaseMonths: 12, sessionDays: 7 })).toMatchObject({
      closedCaseMonths: 84,
      sessionDays: 7,
    });
  });
});

describe('overridesOnly', () => {
  it('keeps only what differs from the defaults', () => {
    expect(
      overridesOnly({ ...DEFAULT_CLOCKS, triageBusinessDays: 1, intakeBusinessDays: 7 }, DEFAULT_CLOCKS),
    ).toEqual({
      intakeBusinessDays: 7,
    });
    expect(overridesOnly(DEFAULT_RETENTION, DEFAULT_RETENTION)).toEqual({});
  });
});
