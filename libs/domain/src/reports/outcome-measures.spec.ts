import {
  ageBandOf,
  agingBucketOf,
  completionRate,
  diversionRate,
  equityReference,
  funnelConversions,
  raceGroupOf,
  rateOf,
  recidivismWindowElapsed,
  relativeRateIndex,
} from './outcome-measures';

describe('rates', () => {
  it('divides to four decimals', () => {
    expect(rateOf(1, 3)).toBe(0.3333);
    expect(rateOf(2, 3)).toBe(0.6667);
    expect(rateOf(5, 5)).toBe(1);
    expect(rateOf(0, 7)).toBe(0);
  });
  it('has no rate without a denominator (an empty period)', () => {
    expect(rateOf(0, 0)).toBeNull();
  });
  it('leaves ADMINISTRATIVE exits out of the completion rate', () => {
    // 6 successful, 2 unsuccessful (and any number of administrative closures): 6 / 8.
    expect(completionRate(6, 2)).toBe(0.75);
    expect(completionRate(0, 0)).toBeNull();
  });
  it('divides referrals by referrals plus citations and custody for the diversion rate', () => {
    // 30 referrals, 10 citations or custody: 30 / 40.
    expect(diversionRate(30, 10)).toBe(0.75);
    expect(diversionRate(0, 4)).toBe(0);
    expect(diversionRate(0, 0)).toBeNull();
  });
});

describe('relative rate index', () => {
  it("divides a group's rate by the reference group's, to two decimals", () => {
    expect(relativeRateIndex(0.3, 0.2)).toBe(1.5);
    expect(relativeRateIndex(0.2, 0.3)).toBe(0.67);
    expect(relativeRateIndex(0.25, 0.25)).toBe(1);
  });
  it('is undefined when the reference group has no rate or a rate of 0', () => {
    expect(relativeRateIndex(0.3, null)).toBeNull();
    expect(relativeRateIndex(0.3, 0)).toBeNull();
    expect(relativeRateIndex(null, 0.3)).toBeNull();
  });
  it('is 0 for a group with a rate of 0 against a positive reference', () => {
    expect(relativeRateIndex(0, 0.4)).toBe(0);
  });
});

describe('funnel conversions', () => {
  it('converts each step from the one before it, none for the first', () => {
    expect(funnelConversions([100, 80, 60, 50, 30])).toEqual([null, 0.8, 0.75, 0.8333, 0.6]);
  });
  it('has no conversion after an empty step', () => {
    expect(funnelConversions([0, 0, 0])).toEqual([null, null, null]);
  });
});

describe('equity groups', () => {
  it('reads one race/ethnicity as itself', () => {
    expect(raceGroupOf(['HISPANIC_LATINO'])).toBe('HISPANIC_LATINO');
    expect(raceGroupOf(['WHITE', 'DECLINED'])).toBe('WHITE');
  });
  it('reads several as MULTIRACIAL', () => {
    expect(raceGroupOf(['BLACK', 'HISPANIC_LATINO'])).toBe('MULTIRACIAL');
  });
  it('reads none or only DECLINED as DECLINED', () => {
    expect(raceGroupOf([])).toBe('DECLINED');
    expect(raceGroupOf(['DECLINED'])).toBe('DECLINED');
  });
  it('bands ages at their edges', () => {
    expect([5, 6, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19].map(ageBandOf)).toEqual([
      'OTHER',
      '6-9',
      '6-9',
      '10-12',
      '10-12',
      '13-14',
      '13-14',
      '15-16',
      '15-16',
      '17-18',
      '17-18',
      'OTHER',
    ]);
  });
  it('compares race/ethnicity with the configured reference group even when it is not the largest', () => {
    const groups = [
      { key: 'HISPANIC_LATINO', referred: 80 },
      { key: 'WHITE', referred: 12 },
    ];
    expect(equityReference('RACE_ETHNICITY', groups, 'WHITE')).toBe('WHITE');
    expect(equityReference('RACE_ETHNICITY', groups, 'ASIAN')).toBe('ASIAN');
  });
  it('compares the other dimensions with their largest group, ties alphabetically', () => {
    expect(
      equityReference(
        'GENDER',
        [
          { key: 'MALE', referred: 40 },
          { key: 'FEMALE', referred: 40 },
          { key: 'NONBINARY', referred: 3 },
        ],
        'WHITE',
      ),
    ).toBe('FEMALE');
    expect(equityReference('LANGUAGE', [], 'WHITE')).toBeNull();
  });
});

describe('caseload aging and recidivism windows', () => {
  it('buckets days open at 30, 90 and 180', () => {
    expect([0, 30, 31, 90, 91, 180, 181, 900].map(agingBucketOf)).toEqual([
      '0-30',
      '0-30',
      '31-90',
      '31-90',
      '91-180',
      '91-180',
      '>180',
      '>180',
    ]);
  });
  it('counts a closed case only once its whole window has elapsed', () => {
    const closed = new Date('2026-01-15T18:00:00Z');
    expect(recidivismWindowElapsed(closed, 'M6', new Date('2026-07-15T17:59:59Z'))).toBe(false);
    expect(recidivismWindowElapsed(closed, 'M6', new Date('2026-07-15T18:00:00Z'))).toBe(true);
    expect(recidivismWindowElapsed(closed, 'M12', new Date('2026-11-28T00:00:00Z'))).toBe(false);
    expect(recidivismWindowElapsed(closed, 'M12', new Date('2027-01-15T18:00:00Z'))).toBe(true);
  });
});
