import { ageOn, evaluateEligibility } from './eligibility';

const excluded = new Set(['WEAPON', 'DRUG_SALE']);
const base = {
  dateOfBirth: '2012-03-15',
  incidentDate: '2026-10-01',
  reasonCodes: ['PHYSICAL_FIGHT'],
  excludedCodes: excluded,
};

describe('ageOn', () => {
  it('counts a birthday not yet reached this year', () => {
    expect(ageOn('2012-03-15', '2026-03-14')).toBe(13);
    expect(ageOn('2012-03-15', '2026-03-15')).toBe(14);
  });
  it('handles 29 February birthdays', () => {
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });
});

describe('evaluateEligibility', () => {
  it('finds an ordinary referral eligible', () => {
    expect(evaluateEligibility(base)).toEqual({
      decision: 'ELIGIBLE',
      failures: [],
      excludedReasonCodes: [],
      ageAtIncident: 14,
    });
  });
  it('accepts the edges of the age range, 6 and 18', () => {
    expect(evaluateEligibility({ ...base, dateOfBirth: '2020-10-01' }).decision).toBe('ELIGIBLE');
    expect(evaluateEligibility({ ...base, dateOfBirth: '2007-10-02' }).ageAtIncident).toBe(18);
    expect(evaluateEligibility({ ...base, dateOfBirth: '2007-10-02' }).decision).toBe('ELIGIBLE');
  });
  it('flags a 5-year-old and a 19-year-old', () => {
    expect(evaluateEligibility({ ...base, dateOfBirth: '2020-10-02' }).failures).toEqual([
      'AGE_OUT_OF_RANGE',
    ]);
    expect(evaluateEligibility({ ...base, dateOfBirth: '2007-10-01' }).failures).toEqual([
      'AGE_OUT_OF_RANGE',
    ]);
  });
  it('names excluded reason codes and needs an override', () => {
    const r = evaluateEligibility({ ...base, reasonCodes: ['PHYSICAL_FIGHT', 'WEAPON'] });
    expect(r).toMatchObject({
      decision: 'NEEDS_OVERRIDE',
      failures: ['EXCLUDED_REASON_CODE'],
      excludedReasonCodes: ['WEAPON'],
    });
  });
  it('flags restitution above $5,000 but not at $5,000', () => {
    expect(evaluateEligibility({ ...base, restitutionEstimate: 5000 }).failures).toEqual([]);
    expect(evaluateEligibility({ ...base, restitutionEstimate: 5000.01 }).failures).toEqual([
      'RESTITUTION_OVER_LIMIT',
    ]);
  });
  it('lists every failure at once', () => {
    const r = evaluateEligibility({
      ...base,
      dateOfBirth: '2021-01-01',
      reasonCodes: ['DRUG_SALE'],
      restitutionEstimate: 9000,
    });
    expect(r.failures).toEqual(['AGE_OUT_OF_RANGE', 'EXCLUDED_REASON_CODE', 'RESTITUTION_OVER_LIMIT']);
  });
});
