import { NOTICE_TYPES, type NoticeType } from '@pathways/contracts';
import { type LetterInput, renderLetter } from './notice-letters';

const input = (type: NoticeType, facts: Record<string, string | null> = {}): LetterInput => ({
  type,
  referenceNumber: 'R-2026-000123',
  sentAt: new Date('2026-11-25T18:00:00Z'),
  retainUntil: new Date('2029-11-25T18:00:00Z'),
  facts,
  toOrgName: 'Chula Vista Police Department',
  fromOrgName: 'South Bay Community Services',
});
const text = (l: { title: string; paragraphs: string[] }) => [l.title, ...l.paragraphs].join('\n');

describe('renderLetter', () => {
  it.each(NOTICE_TYPES.flatMap((type) => (['en', 'es'] as const).map((lang) => [type, lang] as const)))(
    'writes %s in %s with a title, the reference number, the organizations and the retention date',
    (type, lang) => {
      const letter = renderLetter(input(type), lang);
      expect(letter.language).toBe(lang);
      expect(letter.title.length).toBeGreaterThan(5);
      expect(text(letter)).toContain('R-2026-000123');
      expect(text(letter)).toContain('Chula Vista Police Department');
      expect(text(letter)).toContain(lang === 'en' ? 'November 25, 2029' : '25 de noviembre de 2029');
    },
  );

  it('formats instants as their Pacific date and calendar dates as themselves', () => {
    // 03:00 UTC on the 26th is still the 25th in Chula Vista.
    const instant = renderLetter(input('ENROLLED', { enrolledAt: '2026-11-26T03:00:00Z' }), 'en');
    expect(text(instant)).toContain('enrolled in the program on November 25, 2026');
    const date = renderLetter(input('COMPLETION_827_95', { completedAt: '2027-02-10' }), 'es');
    expect(text(date)).toContain('el 10 de febrero de 2027');
  });

  it('translates closure reasons and says whether the decision returns to the agency', () => {
    const returned = renderLetter(
      input('UNSUCCESSFUL_RETURN', { closedAt: '2027-01-15', closureReason: 'NON_PARTICIPATION' }),
      'es',
    );
    expect(text(returned)).toContain(
      'El programa terminó el 15 de enero de 2027 sin completarse (falta de participación).',
    );
    expect(text(returned)).toContain('vuelve a su agencia');
    const informational = renderLetter(
      input('UNSUCCESSFUL_RETURN', { outcome: 'DECLINED', informational: 'true' }),
      'en',
    );
    expect(text(informational)).toContain('for your information only');
  });

  it('reads only the facts it knows: free text in other facts never reaches the letter', () => {
    const letter = renderLetter(
      input('INELIGIBLE_RETURN', {
        failures: 'AGE_OUT_OF_RANGE,SOMETHING_ELSE',
        reason: 'Maria Lopez is 19',
      }),
      'en',
    );
    expect(text(letter)).toContain('Criteria not met: age at the incident outside 6 to 18.');
    expect(text(letter)).not.toMatch(/Maria|SOMETHING_ELSE/);
  });

  it('says so when a date was not recorded', () => {
    expect(text(renderLetter(input('NO_PROGRAM_20_DAY'), 'en'))).toContain('an unrecorded date');
  });
});
