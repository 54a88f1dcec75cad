import type { ContactModality } from '@pathways/contracts';
import { attemptRuleMet } from './outreach';

const attempt = (at: string, modality: ContactModality) => ({ occurredAt: new Date(at), modality });

describe('attemptRuleMet (>= 3 attempts, >= 2 modalities, within 10 business days)', () => {
  it('is met by three attempts over two modalities on one day', () => {
    expect(
      attemptRuleMet([
        attempt('2026-11-16T17:00:00Z', 'PHONE'),
        attempt('2026-11-16T18:00:00Z', 'PHONE'),
        attempt('2026-11-16T19:00:00Z', 'TEXT'),
      ]),
    ).toBe(true);
  });

  it('is not met by three attempts of a single modality', () => {
    expect(
      attemptRuleMet([
        attempt('2026-11-16T17:00:00Z', 'PHONE'),
        attempt('2026-11-17T17:00:00Z', 'PHONE'),
        attempt('2026-11-18T17:00:00Z', 'PHONE'),
      ]),
    ).toBe(false);
  });

  it('is not met by two attempts, whatever their modalities', () => {
    expect(
      attemptRuleMet([attempt('2026-11-16T17:00:00Z', 'PHONE'), attempt('2026-11-16T18:00:00Z', 'HOME')]),
    ).toBe(false);
    expect(attemptRuleMet([])).toBe(false);
  });

  it('counts the 10th business day after the first attempt, skipping the weekend and Thanksgiving', () => {
    const first = [attempt('2026-11-16T17:00:00Z', 'PHONE'), attempt('2026-11-24T17:00:00Z', 'TEXT')];
    expect(attemptRuleMet([...first, attempt('2026-12-01T20:00:00Z', 'HOME')])).toBe(true);
    expect(attemptRuleMet([...first, attempt('2026-12-02T20:00:00Z', 'HOME')])).toBe(false);
  });

  it('takes the attempt’s Pacific date: 23:30 on 1 December is still within the window', () => {
    const attempts = [
      attempt('2026-11-16T17:00:00Z', 'PHONE'),
      attempt('2026-11-24T17:00:00Z', 'TEXT'),
      attempt('2026-12-02T07:30:00Z', 'HOME'),
    ];
    expect(attemptRuleMet(attempts)).toBe(true);
  });

  it('slides the window: a late run of attempts meets it even after an early lone one', () => {
    expect(
      attemptRuleMet([
        attempt('2026-12-01T17:00:00Z', 'PHONE'),
        attempt('2026-11-02T17:00:00Z', 'PHONE'),
        attempt('2026-11-24T17:00:00Z', 'TEXT'),
        attempt('2026-11-16T17:00:00Z', 'PHONE'),
      ]),
    ).toBe(true);
  });
});
