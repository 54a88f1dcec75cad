import {
  birthDateCandidates,
  birthDateRelation,
  calendarDateIn,
  transposedDate,
  youthMatchScore,
} from './youth-matching';

describe('birth date agreement', () => {
  it('lists the date, the day before and after, and the day/month swap', () => {
    expect(birthDateCandidates('2012-03-07')).toEqual([
      '2012-03-07',
      '2012-03-06',
      '2012-03-08',
      '2012-07-03',
    ]);
  });
  it('crosses month and year boundaries for the adjacent days', () => {
    expect(birthDateCandidates('2012-01-01')).toEqual(['2012-01-01', '2011-12-31', '2012-01-02']);
    expect(birthDateCandidates('2012-02-29').slice(1, 3)).toEqual(['2012-02-28', '2012-03-01']);
  });
  it('has no swap when day equals month or the swap is no date', () => {
    expect(transposedDate('2012-05-05')).toBeNull();
    expect(transposedDate('2012-03-15')).toBeNull();
    expect(transposedDate('2012-02-30')).toBeNull();
  });
  it('classifies a recorded date against the searched one', () => {
    expect(birthDateRelation('2012-03-07', '2012-03-07')).toBe('EXACT');
    expect(birthDateRelation('2012-03-07', '2012-03-08')).toBe('ADJACENT_DAY');
    expect(birthDateRelation('2012-03-07', '2012-03-06')).toBe('ADJACENT_DAY');
    expect(birthDateRelation('2012-03-07', '2012-07-03')).toBe('DAY_MONTH_TRANSPOSED');
    expect(birthDateRelation('2012-03-07', '2012-03-09')).toBeNull();
    expect(birthDateRelation('2012-03-07', '2013-03-07')).toBeNull();
  });
});

describe('youthMatchScore', () => {
  it('is the name similarity when no birth date was searched', () => {
    expect(youthMatchScore(0.8123, undefined)).toBe(0.812);
  });
  it('ranks an exact birth date above an adjacent or swapped one, and those above none', () => {
    const exact = youthMatchScore(0.7, 'EXACT');
    const adjacent = youthMatchScore(0.7, 'ADJACENT_DAY');
    const swapped = youthMatchScore(0.7, 'DAY_MONTH_TRANSPOSED');
    const none = youthMatchScore(0.7, null);
    expect(exact).toBeGreaterThan(adjacent);
    expect(adjacent).toBe(swapped);
    expect(adjacent).toBeGreaterThan(none);
  });
  it('gives 1 to an identical name with the same birth date and stays within [0, 1]', () => {
    expect(youthMatchScore(1, 'EXACT')).toBe(1);
    expect(youthMatchScore(1.5, 'EXACT')).toBe(1);
    expect(youthMatchScore(-1, null)).toBe(0);
  });
});

describe('calendarDateIn', () => {
  it('gives the Pacific calendar date of an instant (the evening before in UTC terms)', () => {
    expect(calendarDateIn(new Date('2026-03-10T05:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-09');
    expect(calendarDateIn(new Date('2026-03-10T08:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-10');
  });
});
