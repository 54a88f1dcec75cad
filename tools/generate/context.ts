import { DAY, HOUR, lit, type Rand, textArray, uuidArray } from './sql';

export interface School {
  id: string;
  name: string;
  level: string;
  zip: string | null;
  inCvpd: boolean;
}

export interface ReasonCode {
  code: string;
  kind: string;
  excluded: boolean;
}

/** What every step needs: the size, the clock, the seed, the catalogs and the people, as SQL literals too. */
export interface Ctx {
  r: Rand;
  /** Referrals to generate. */
  n: number;
  /** Epoch seconds: the instant the data set ends at; nothing happens after `cap` (now - 1 h). */
  now: number;
  cap: number;
  /** Two years before now. */
  start: number;
  police: string;
  provider: string;
  schools: School[];
  codes: ReasonCode[];
  resources: string[];
  counselors: string[];
  supervisors: string[];
  sros: string[];
  /** Referral numbers above this are recent enough to be unsubmitted drafts (set once the arrival curve is known). */
  draftCut: number;
  sql: {
    counselors: string;
    supervisors: string;
    sros: string;
    schoolIds: string;
    schoolLevels: string;
    schoolZips: string;
    /** A weighted table of school positions (1-based): middle and high schools see most referrals. */
    schoolSlots: string;
    schoolSlotCount: number;
  };
}

/** Where SRO work happens: middle and high schools in the city most, elementary and adult schools least. */
export function schoolWeight(s: School): number {
  const level =
    s.level === 'HIGH' || s.level === 'MIDDLE'
      ? 10
      : s.level === 'ELEMENTARY'
        ? 0.6
        : s.level === 'ADULT'
          ? 0.3
          : 2;
  return (s.inCvpd ? 1 : 0.25) * level;
}

export function buildContext(input: Omit<Ctx, 'sql' | 'cap' | 'start' | 'draftCut'>): Ctx {
  const slots: number[] = [];
  const total = input.schools.reduce((s, x) => s + schoolWeight(x), 0);
  const size = 4000;
  input.schools.forEach((s, i) => {
    const k = Math.max(1, Math.round((schoolWeight(s) / total) * size));
    for (let j = 0; j < k; j++) slots.push(i + 1);
  });
  return {
    ...input,
    cap: input.now - HOUR,
    start: input.now - 730 * DAY,
    draftCut: input.n,
    sql: {
      counselors: uuidArray(input.counselors),
      supervisors: uuidArray(input.supervisors),
      sros: uuidArray(input.sros),
      schoolIds: uuidArray(input.schools.map((s) => s.id)),
      schoolLevels: textArray(input.schools.map((s) => s.level)),
      schoolZips: `ARRAY[${input.schools.map((s) => (s.zip ? lit(s.zip) : 'NULL')).join(',')}]::text[]`,
      schoolSlots: `'{${slots.join(',')}}'::int[]`,
      schoolSlotCount: slots.length,
    },
  };
}

/** The SQL element of a uuid array literal at a 1-based index expression. */
export const at = (array: string, index: string): string => `(${array})[${index}]`;
