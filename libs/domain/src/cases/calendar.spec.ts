import {
  addBusinessDays,
  addCalendarDays,
  addCalendarMonths,
  addDaysAt,
  businessDueAt,
  isBusinessDay,
  startOfDayIn,
} from './calendar';

describe('isBusinessDay', () => {
  it.each([
    ['2026-11-25', true, 'a Wednesday'],
    ['2026-11-26', false, 'Thanksgiving'],
    ['2026-11-27', true, 'the Friday after Thanksgiving (not a federal holiday)'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-07-03', false, 'Independence Day observed on Friday (the 4th is a Saturday)'],
    ['2026-07-04', false, 'Independence Day itself, a Saturday'],
    ['2026-06-19', false, 'Juneteenth'],
    ['2027-12-24', false, 'Christmas observed on Friday (the 25th is a Saturday)'],
    ['2021-12-31', false, 'New Year’s Day 2022 observed the December before'],
    ['2023-01-02', false, 'New Year’s Day observed on Monday (the 1st is a Sunday)'],
    ['2026-10-12', false, 'Columbus Day'],
    ['2026-12-24', true, 'Christmas Eve'],
  ])('%s is a business day: %s (%s)', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });
});

describe('addBusinessDays', () => {
  it('skips Thanksgiving and the weekend', () => {
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-25', 2)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-25', 10)).toBe('2026-12-10');
  });

  it('counts from a weekend day to the following business days', () => {
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30');
  });

  it('gives the day itself for 0 on a business day, else the next business day', () => {
    expect(addBusinessDays('2026-11-25', 0)).toBe('2026-11-25');
    expect(addBusinessDays('2026-11-26', 0)).toBe('2026-11-27');
    expect(addBusinessDays('2026-07-03', 0)).toBe('2026-07-06');
  });

  it('crosses a year end with its holidays', () => {
    expect(addBusinessDays('2026-12-24', 2)).toBe('2026-12-29');
    expect(addBusinessDays('2026-12-31', 1)).toBe('2027-01-04');
  });
});

describe('calendar arithmetic', () => {
  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('adds months clamped to the month’s end', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addCalendarMonths('2026-10-31', 1)).toBe('2026-11-30');
  });

  it('finds the start of a day in Pacific time, standard and daylight', () => {
    expect(startOfDayIn('2026-11-25').toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect(startOfDayIn('2026-07-01').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    // The days the clocks change start before the change.
    expect(startOfDayIn('2026-03-08').toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(startOfDayIn('2026-11-01').toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('adds whole 24-hour days to an instant', () => {
    expect(addDaysAt(new Date('2026-11-25T18:00:00Z'), 20).toISOString()).toBe('2026-12-15T18:00:00.000Z');
  });
});

describe('businessDueAt', () => {
  it('ends at the end of the due business day in Pacific time', () => {
    // Wednesday 10:00 + 1 business day: the end of Friday (Thanksgiving skipped).
    expect(businessDueAt(new Date('2026-11-25T18:00:00Z'), 1).toISOString()).toBe('2026-11-28T08:00:00.000Z');
  });

  it('counts from the Pacific calendar date, not the UTC one', () => {
    // 23:30 on Wednesday in Chula Vista is already Thursday in UTC.
    expect(businessDueAt(new Date('2026-11-26T07:30:00Z'), 1).toISOString()).toBe('2026-11-28T08:00:00.000Z');
  });

  it('counts work received on a holiday or a weekend from the next business day', () => {
    // Received on Thanksgiving: the next business day, Friday, is the first.
    expect(businessDueAt(new Date('2026-11-26T18:00:00Z'), 1).toISOString()).toBe('2026-11-28T08:00:00.000Z');
    // Received on Saturday: Monday is the first, and 0 days is Monday too.
    expect(businessDueAt(new Date('2026-11-28T18:00:00Z'), 1).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(businessDueAt(new Date('2026-11-28T18:00:00Z'), 0).toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('follows daylight saving time at the end of the due day', () => {
    // Friday 6 March + 1 business day = Monday 9 March, after the spring change: the day ends at 07:00 UTC.
    expect(businessDueAt(new Date('2026-03-06T18:00:00Z'), 1).toISOString()).toBe('2026-03-10T07:00:00.000Z');
  });
});
