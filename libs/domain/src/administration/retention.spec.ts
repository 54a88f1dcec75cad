import { DEFAULT_RETENTION } from './organization-settings';
import { isPastRetention, retentionCutoffs } from './retention';

const NOW = new Date('2034-06-15T17:00:00Z');

describe('retention cut-offs', () => {
  it('turns the default schedule into instants', () => {
    const c = retentionCutoffs(NOW, DEFAULT_RETENTION);
    expect(c.closedCasesBefore.toISOString()).toBe('2027-06-15T17:00:00.000Z');
    expect(c.endedReferralsBefore.toISOString()).toBe('2031-06-15T17:00:00.000Z');
    expect(c.bornOnOrBefore).toBe('2015-06-15');
    expect(c.sessionsEndedBefore.toISOString()).toBe('2034-05-16T17:00:00.000Z');
    expect(c.idempotencyExpiredBefore).toEqual(NOW);
  });

  it('follows a longer schedule', () => {
    const c = retentionCutoffs(NOW, { ...DEFAULT_RETENTION, closedCaseMonths: 120, idempotencyKeyHours: 24 });
    expect(c.closedCasesBefore.toISOString()).toBe('2024-06-15T17:00:00.000Z');
    expect(c.idempotencyExpiredBefore.toISOString()).toBe('2034-06-14T17:00:00.000Z');
  });
});

describe('isPastRetention', () => {
  const adult = '2010-03-01';

  it('de-identifies a case closed more than 7 years ago', () => {
    const record = {
      kind: 'CLOSED_CASES' as const,
      dateOfBirth: adult,
      endedAt: new Date('2027-06-15T16:59:59Z'),
    };
    expect(isPastRetention(record, NOW, DEFAULT_RETENTION)).toBe(true);
  });

  it('keeps a case closed exactly at the cut-off or later', () => {
    const record = {
      kind: 'CLOSED_CASES' as const,
      dateOfBirth: adult,
      endedAt: new Date('2027-06-15T17:00:00Z'),
    };
    expect(isPastRetention(record, NOW, DEFAULT_RETENTION)).toBe(false);
  });

  it('keeps the records of a youth who is not yet 19, however old the case', () => {
    const closed = new Date('2020-01-01T00:00:00Z');
    expect(
      isPastRetention(
        { kind: 'CLOSED_CASES', dateOfBirth: '2015-06-16', endedAt: closed },
        NOW,
        DEFAULT_RETENTION,
      ),
    ).toBe(false);
    expect(
      isPastRetention(
        { kind: 'CLOSED_CASES', dateOfBirth: '2015-06-15', endedAt: closed },
        NOW,
        DEFAULT_RETENTION,
      ),
    ).toBe(true);
  });

  it('uses the ended-referral schedule for referrals that never became a case', () => {
    const endedAt = new Date('2030-01-01T00:00:00Z');
    expect(
      isPastRetention({ kind: 'ENDED_REFERRALS', dateOfBirth: adult, endedAt }, NOW, DEFAULT_RETENTION),
    ).toBe(true);
    expect(
      isPastRetention({ kind: 'CLOSED_CASES', dateOfBirth: adult, endedAt }, NOW, DEFAULT_RETENTION),
    ).toBe(false);
  });
});
