import {
  type ConsentFacts,
  enrollmentConsentProblems,
  isConsentActive,
  isValidParticipationConsent,
  policeInfoScope,
} from './consents';

const now = new Date('2026-11-25T18:00:00Z');
const today = '2026-11-25';
const participation = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
  type: 'PROGRAM_PARTICIPATION',
  youthAssent: true,
  guardianName: 'Rocío Quintero',
  signedAt: new Date('2026-11-20T18:00:00Z'),
  ...over,
});
const release = (over: Partial<ConsentFacts> = {}): ConsentFacts =>
  participation({
    type: 'RELEASE_OF_INFORMATION',
    counterpartOrgId: 'police',
    infoScope: ['ATTENDANCE_PARTICIPATION'],
    ...over,
  });

describe('isConsentActive', () => {
  it('is in force once signed, until revoked or past its expiry date', () => {
    expect(isConsentActive(participation(), now, today)).toBe(true);
    expect(isConsentActive(participation({ signedAt: new Date('2026-11-26T00:00:00Z') }), now, today)).toBe(
      false,
    );
    expect(isConsentActive(participation({ revokedAt: new Date('2026-11-25T17:59:00Z') }), now, today)).toBe(
      false,
    );
    expect(isConsentActive(participation({ revokedAt: new Date('2026-11-25T18:01:00Z') }), now, today)).toBe(
      true,
    );
  });

  it('counts the expiry date itself as in force', () => {
    expect(isConsentActive(participation({ expiresAt: '2026-11-25' }), now, today)).toBe(true);
    expect(isConsentActive(participation({ expiresAt: '2026-11-24' }), now, today)).toBe(false);
  });
});

describe('isValidParticipationConsent', () => {
  it('needs a guardian with the youth’s assent, or a minor’s own basis', () => {
    expect(isValidParticipationConsent(participation())).toBe(true);
    expect(isValidParticipationConsent(participation({ guardianName: null, guardianId: 'g1' }))).toBe(true);
    expect(isValidParticipationConsent(participation({ youthAssent: false }))).toBe(false);
    expect(isValidParticipationConsent(participation({ guardianName: null }))).toBe(false);
    expect(
      isValidParticipationConsent(
        participation({ guardianName: null, youthAssent: false, minorSelfConsentBasis: 'FC_6924' }),
      ),
    ).toBe(true);
    expect(isValidParticipationConsent(release())).toBe(false);
  });
});

describe('enrollmentConsentProblems', () => {
  it('asks for a participation consent when none is given', () => {
    expect(enrollmentConsentProblems([release()], now, today)).toEqual([
      { path: 'consents', message: expect.stringContaining('participation') },
    ]);
  });

  it('is satisfied by one valid, active participation consent among others', () => {
    expect(
      enrollmentConsentProblems(
        [release(), participation({ youthAssent: false }), participation()],
        now,
        today,
      ),
    ).toEqual([]);
  });

  it('names each failing field at its position in the request', () => {
    const problems = enrollmentConsentProblems(
      [
        release(),
        participation({ youthAssent: false, guardianName: null }),
        participation({ signedAt: new Date('2026-12-01T00:00:00Z') }),
      ],
      now,
      today,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'consents.1.youthAssent',
      'consents.1.guardianName',
      'consents.2.signedAt',
    ]);
  });
});

describe('policeInfoScope', () => {
  it('is the default release without any ROI', () => {
    expect(policeInfoScope([participation()], 'police', now, today)).toEqual([
      'ENROLLMENT_STATUS',
      'COMPLETION_STATUS',
    ]);
  });

  it('adds what an active release to that agency lists, never assessment results', () => {
    const scope = policeInfoScope(
      [release({ infoScope: ['ATTENDANCE_PARTICIPATION', 'CASE_PLAN_SUMMARY', 'ASSESSMENT_RESULTS'] })],
      'police',
      now,
      today,
    );
    expect(scope.sort()).toEqual([
      'ATTENDANCE_PARTICIPATION',
      'CASE_PLAN_SUMMARY',
      'COMPLETION_STATUS',
      'ENROLLMENT_STATUS',
    ]);
  });

  it('ignores releases to another organization, revoked or expired ones', () => {
    const scope = policeInfoScope(
      [
        release({ counterpartOrgId: 'school-district' }),
        release({ revokedAt: new Date('2026-11-25T12:00:00Z') }),
        release({ expiresAt: '2026-11-01' }),
      ],
      'police',
      now,
      today,
    );
    expect(scope).toEqual(['ENROLLMENT_STATUS', 'COMPLETION_STATUS']);
  });
});
