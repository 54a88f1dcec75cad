import {
  businessDaysBetween,
  caseClocks,
  DEFAULT_CLOCKS,
  followUpDueAt,
  followUpWindow,
  noticeRetainUntil,
  OUTREACH_RULE,
  reopenUntil,
} from './clocks';

const iso = (d: Date) => d.toISOString();

describe('DEFAULT_CLOCKS', () => {
  it('holds the defaults of DOMAIN.md, with the statutory 20-day service start', () => {
    expect(DEFAULT_CLOCKS).toMatchObject({
      triageBusinessDays: 1,
      firstContactBusinessDays: 2,
      intakeBusinessDays: 10,
      serviceStartDays: 20,
      assessmentDays: 14,
      casePlanDays: 30,
      noContactDays: 30,
      targetDays: 90,
      maxMonths: 6,
      completionNoticeBusinessDays: 5,
      followUpToleranceDays: 14,
    });
    expect(OUTREACH_RULE).toEqual({ attempts: 3, modalities: 2, windowBusinessDays: 10 });
  });
});

describe('caseClocks', () => {
  const receivedAt = new Date('2026-11-25T18:00:00Z');
  const openedAt = new Date('2026-12-02T19:30:00Z');

  it('derives every due instant from received and opened', () => {
    const c = caseClocks({ receivedAt, openedAt, intakeCompletedAt: null });
    expect(iso(c.dueServiceStartAt)).toBe('2026-12-15T18:00:00.000Z');
    // 10 business days from Wednesday 25 November (Thanksgiving skipped): the end of Thursday 10 December.
    expect(iso(c.intakeDueAt)).toBe('2026-12-11T08:00:00.000Z');
    expect(iso(c.assessmentDueAt)).toBe('2026-12-16T19:30:00.000Z');
    expect(iso(c.casePlanDueAt)).toBe('2026-12-25T18:00:00.000Z');
    expect(iso(c.targetEndAt)).toBe('2027-03-02T19:30:00.000Z');
    expect(iso(c.maxEndAt)).toBe('2027-06-02T19:30:00.000Z');
  });

  it('counts the assessment from the completed intake when there is one', () => {
    const c = caseClocks({ receivedAt, openedAt, intakeCompletedAt: new Date('2026-12-04T17:00:00Z') });
    expect(iso(c.assessmentDueAt)).toBe('2026-12-18T17:00:00.000Z');
  });

  it('clamps the 6-month maximum to the month’s end and keeps the target within it', () => {
    const c = caseClocks({
      receivedAt: new Date('2026-08-20T17:00:00Z'),
      openedAt: new Date('2026-08-31T17:00:00Z'),
      intakeCompletedAt: null,
    });
    expect(iso(c.maxEndAt)).toBe('2027-02-28T17:00:00.000Z');
    expect(c.targetEndAt.getTime()).toBeLessThanOrEqual(c.maxEndAt.getTime());
  });

  it('honours a provider’s shorter clocks', () => {
    const c = caseClocks(
      { receivedAt, openedAt, intakeCompletedAt: null },
      { ...DEFAULT_CLOCKS, targetDays: 60 },
    );
    expect(iso(c.targetEndAt)).toBe('2027-01-31T19:30:00.000Z');
  });
});

describe('follow-ups, reopening and notice retention', () => {
  const closedAt = new Date('2026-08-31T20:00:00Z');

  it('puts follow-ups 6 and 12 calendar months after closure', () => {
    expect(iso(followUpDueAt(closedAt, 'M6'))).toBe('2027-02-28T20:00:00.000Z');
    expect(iso(followUpDueAt(closedAt, 'M12'))).toBe('2027-08-31T20:00:00.000Z');
  });

  it('allows reopening for 30 days', () => {
    expect(iso(reopenUntil(closedAt))).toBe('2026-09-30T20:00:00.000Z');
  });

  it('keeps notices three years (well beyond the 30 days WIC 652.5 asks)', () => {
    expect(iso(noticeRetainUntil(new Date('2026-11-25T18:00:00Z')))).toBe('2029-11-25T18:00:00.000Z');
  });
});

describe('businessDaysBetween', () => {
  it('lists the business days of Thanksgiving week inclusive', () => {
    expect(businessDaysBetween('2026-11-22', '2026-11-30')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-27',
      '2026-11-30',
    ]);
  });

  it('is empty for a range with none', () => {
    expect(businessDaysBetween('2026-11-28', '2026-11-29')).toEqual([]);
  });
});

describe('followUpWindow', () => {
  it('opens 14 days before the due date and closes 14 days after it', () => {
    const due = new Date('2027-05-28T19:00:00Z');
    expect(followUpWindow(due)).toEqual({
      opensAt: new Date('2027-05-14T19:00:00Z'),
      closesAt: new Date('2027-06-11T19:00:00Z'),
    });
  });
});
