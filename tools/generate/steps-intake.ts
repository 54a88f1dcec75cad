import { REASON_THEME } from '../../apps/api/src/database/seed/seed-demo-case-text';
import { at, type Ctx } from './context';
import {
  ADULT_FEMALE,
  ADULT_MALE,
  ADULT_OTHER_FEMALE,
  ADULT_OTHER_MALE,
  ASIAN_FEMALE,
  ASIAN_MALE,
  ASIAN_SURNAMES,
  ENGLISH_FEMALE,
  ENGLISH_MALE,
  ENGLISH_SURNAMES,
  FILIPINO_FEMALE,
  FILIPINO_MALE,
  FILIPINO_SURNAMES,
  HISPANIC_FEMALE,
  HISPANIC_MALE,
  HISPANIC_SURNAMES,
} from './names';
import {
  after,
  DAY,
  dueServiceStart,
  RETURN_ANSWERED_WITHIN_DAYS,
  isoText,
  lit,
  localDate,
  localYear,
  mapCase,
  pick,
  pickSkewed,
  textArray,
  ts,
  uuidLit,
  weighted,
  wt,
} from './sql';
import { fan, fanJoin, stages } from './stages';
import {
  COMMUNITY_EVENT_TITLES,
  DECLINE_REASONS,
  EXCLUDED_REASON_WEIGHT,
  INELIGIBLE_OTHER,
  INELIGIBLE_REASONS,
  INFO_REQUESTS,
  NARRATIVES,
  OVERRIDE_REASONS,
  PARTNERS,
  PLACES,
  REASON_WEIGHT,
  WITHDRAW_REASONS,
} from './text';

/**
 * Intake: the arrival curve, youth (with a realistic spread of Spanish, Filipino, Asian and English names),
 * guardians, referrals with their status history, drafts, school contacts and community events. The plan of every
 * referral lives in the scratch table g_ref (epoch seconds; a time is NULL when that step has not happened by `cap`).
 */

export const P = {
  draft: 0.3,
  duplicate: 0.02,
  repeat: 0.13,
  infoDetour: 0.04,
  slowEnrollment: 0.07,
};

/** Referral arrivals per hour over two years: school days and hours, less in summer and winter breaks. */
export function bucketsSql(c: Ctx): string {
  const startHour = Math.floor(c.start / 3600) * 3600;
  const hours = Math.floor((c.cap - startHour) / 3600);
  const hourly = [
    0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.05, 0.3, 0.9, 1.1, 1.2, 1.2, 1.2, 1.1, 1, 0.7, 0.4, 0.25, 0.1, 0.06,
    0.04, 0.03, 0.02, 0.01,
  ];
  return `CREATE UNLOGGED TABLE g_bucket AS
    WITH h AS (
      SELECT b, ${startHour}::float8 + b * 3600 AS t0,
             to_timestamp(${startHour}::float8 + b * 3600) AT TIME ZONE 'America/Los_Angeles' AS lt
        FROM generate_series(0, ${hours - 1}) b
    ), w AS (
      SELECT b, t0, round(1000
               * CASE extract(isodow FROM lt) WHEN 6 THEN 0.06 WHEN 7 THEN 0.04 ELSE 1 END
               * (ARRAY[${hourly.join(',')}]::float8[])[extract(hour FROM lt)::int + 1]
               * CASE WHEN to_char(lt, 'MMDD') BETWEEN '0612' AND '0815' THEN 0.2
                      WHEN to_char(lt, 'MMDD') >= '1220' OR to_char(lt, 'MMDD') <= '0104' THEN 0.15
                      WHEN to_char(lt, 'MMDD') BETWEEN '1124' AND '1128' THEN 0.3
                      ELSE 1 END
               * (0.9 + 0.2 * b / ${hours}))::bigint AS w
        FROM h
    ), c AS (SELECT b, t0, w, (sum(w) OVER (ORDER BY b))::bigint AS cw, (sum(w) OVER ())::bigint AS tw FROM w)
    SELECT b, t0, (${c.n}::bigint * (cw - w)) / tw + 1 AS lo, (${c.n}::bigint * cw) / tw AS hi
      FROM c WHERE (${c.n}::bigint * cw) / tw >= (${c.n}::bigint * (cw - w)) / tw + 1`;
}

/**
 * Referral numbers in arrival order, with who they are about: a new youth, a youth referred again months later
 * (repeat) or the same youth and incident referred twice within days (duplicate); the youngest few are drafts.
 * Whether a referral is "fresh" (introduces a youth) is a pure function of its number, so a repeat finds its
 * youth's first referral without a join.
 */
export function ref0Sql(c: Ctx): string {
  const { r } = c;
  const guard = 2 * c.schools.length;
  const draft = (i: string) => `(${i} > ${c.draftCut} AND ${r.u(i, 'referral.draft')} < ${P.draft})`;
  const dupFlag = (i: string) => `(${i} > ${guard} AND ${r.u(i, 'referral.duplicate')} < ${P.duplicate})`;
  const repFlag = (i: string) => `(${i} > ${guard} AND ${r.u(i, 'referral.repeat')} < ${P.repeat})`;
  const fresh = (i: string) => `(${i} >= 1 AND NOT ${draft(i)} AND NOT ${dupFlag(i)} AND NOT ${repFlag(i)})`;
  const perDay = c.n / 730;
  const dupWindow = Math.max(1, Math.round(perDay * 3));
  const repLo = Math.max(1, Math.round(perDay * 30));
  const repHi = Math.max(repLo, Math.round(perDay * 400));
  const repC = (k: number) =>
    `i - ${repLo} - floor(${r.u('i', `referral.repeat.c${k}`)} * ${repHi - repLo + 1})::bigint`;
  return `CREATE UNLOGGED TABLE g_ref0 AS
    SELECT i, ${r.uid('i', 'referral')} AS id, rt, draft, dup_of, CASE WHEN draft THEN NULL ELSE coalesce(dup_of, rep_of, i) END AS key
      FROM (
        SELECT i, rt, draft,
               CASE WHEN NOT draft AND ${dupFlag('i')} AND ${fresh('dc')} THEN dc END AS dup_of,
               CASE WHEN NOT draft AND ${repFlag('i')} THEN
                 CASE WHEN ${fresh('c1')} THEN c1 WHEN ${fresh('c2')} THEN c2 WHEN ${fresh('c3')} THEN c3 END
               END AS rep_of
          FROM (
            SELECT i, floor(b.t0 + 3600 * ((i - b.lo) + ${r.u('i', 'referral.arrival')}) / (b.hi - b.lo + 1)) AS rt,
                   ${draft('i')} AS draft,
                   i - 1 - floor(${r.u('i', 'referral.duplicate.c')} * ${dupWindow})::bigint AS dc,
                   ${repC(1)} AS c1, ${repC(2)} AS c2, ${repC(3)} AS c3
              FROM g_bucket b, generate_series(b.lo, b.hi) i
            OFFSET 0) a
      ) x`;
}

/** The school of referral number `i` (the first ones visit every school once; then weighted). */
const schoolOf = (c: Ctx, i: string) =>
  `CASE WHEN ${i} <= ${c.schools.length} THEN (${i})::int ELSE (${c.sql.schoolSlots})[1 + floor(${c.r.u(i, 'school')} * ${c.sql.schoolSlotCount})::int] END`;

const GROUPS: readonly (readonly [string, number])[] = [
  ['HISPANIC', 68],
  ['FILIPINO', 10],
  ['ASIAN', 5],
  ['WHITE', 10],
  ['BLACK', 4],
  ['NHPI', 1],
  ['MULTI', 1],
  ['AIAN', 0.3],
  ['MENA', 0.4],
  ['DECLINED', 0.3],
];

/** One youth per fresh referral: names, demographics, birth date from the school level, first guardian. */
export function youthPlanSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('k', `youth.${name}`);
  const names = (f: readonly string[], m: readonly string[], skew = 1.6) =>
    `CASE WHEN female THEN ${pickSkewed(f, u('first'), skew)} ELSE ${pickSkewed(m, u('first'), skew)} END`;
  const first = `CASE grp
      WHEN 'HISPANIC' THEN CASE WHEN ${u('first.english')} < 0.12 THEN ${names(ENGLISH_FEMALE, ENGLISH_MALE)}
                                ELSE ${names(HISPANIC_FEMALE, HISPANIC_MALE)} END
      WHEN 'FILIPINO' THEN CASE WHEN ${u('first.english')} < 0.35 THEN ${names(ENGLISH_FEMALE, ENGLISH_MALE)}
                                ELSE ${names(FILIPINO_FEMALE, FILIPINO_MALE)} END
      WHEN 'ASIAN' THEN ${names(ASIAN_FEMALE, ASIAN_MALE)}
      ELSE ${names(ENGLISH_FEMALE, ENGLISH_MALE)} END`;
  const last1 = `CASE grp
      WHEN 'HISPANIC' THEN ${pickSkewed(HISPANIC_SURNAMES, u('last'), 1.5)}
      WHEN 'FILIPINO' THEN ${pickSkewed(FILIPINO_SURNAMES, u('last'), 1.5)}
      WHEN 'ASIAN' THEN ${pickSkewed(ASIAN_SURNAMES, u('last'), 1.5)}
      ELSE ${pickSkewed(ENGLISH_SURNAMES, u('last'), 1.4)} END`;
  const race = `CASE grp
      WHEN 'HISPANIC' THEN CASE WHEN ${u('race')} < 0.08 THEN ARRAY['HISPANIC_LATINO','WHITE'] ELSE ARRAY['HISPANIC_LATINO'] END
      WHEN 'FILIPINO' THEN ARRAY['ASIAN'] WHEN 'ASIAN' THEN ARRAY['ASIAN'] WHEN 'WHITE' THEN ARRAY['WHITE']
      WHEN 'BLACK' THEN CASE WHEN ${u('race')} < 0.06 THEN ARRAY['BLACK','HISPANIC_LATINO'] ELSE ARRAY['BLACK'] END
      WHEN 'NHPI' THEN ARRAY['NHPI']
      WHEN 'MULTI' THEN CASE WHEN ${u('race')} < 0.5 THEN ARRAY['BLACK','WHITE'] ELSE ARRAY['ASIAN','WHITE'] END
      WHEN 'AIAN' THEN ARRAY['AIAN'] WHEN 'MENA' THEN ARRAY['MENA'] ELSE ARRAY['DECLINED'] END::text[]`;
  const lang = `CASE grp
      WHEN 'HISPANIC' THEN CASE WHEN ${u('lang')} < 0.3 THEN 'es' ELSE 'en' END
      WHEN 'FILIPINO' THEN CASE WHEN ${u('lang')} < 0.1 THEN 'tl' ELSE 'en' END
      WHEN 'ASIAN' THEN CASE WHEN ${u('lang')} < 0.12 THEN 'vi' WHEN ${u('lang')} < 0.17 THEN 'zh'
                             WHEN ${u('lang')} < 0.2 THEN 'ko' ELSE 'en' END
      WHEN 'MENA' THEN CASE WHEN ${u('lang')} < 0.4 THEN 'ar' WHEN ${u('lang')} < 0.5 THEN 'fa' ELSE 'en' END
      WHEN 'BLACK' THEN CASE WHEN ${u('lang')} < 0.04 THEN 'so' ELSE 'en' END
      ELSE 'en' END`;
  // Age (years, fractional) at the first referral by school level; a few out of the 6-18 range.
  const age = `CASE WHEN ${u('age.out')} < 0.003 THEN
        CASE WHEN level IN ('ELEMENTARY', 'K8') THEN 5.5 ELSE 19.3 END
      ELSE CASE level
        WHEN 'ELEMENTARY' THEN 6 + 5.99 * power(${u('age')}, 0.55)
        WHEN 'MIDDLE' THEN 11 + 3.99 * ${u('age')}
        WHEN 'HIGH' THEN 14 + 4.99 * power(${u('age')}, 1.2)
        WHEN 'K8' THEN 6 + 8.99 * ${u('age')}
        WHEN 'K12' THEN 6 + 12.99 * ${u('age')}
        ELSE 17 + 1.99 * ${u('age')} END END`;
  const g1Rel = weighted(
    [
      ['MOTHER', 60],
      ['FATHER', 20],
      ['GRANDPARENT', 9],
      ['AUNT_UNCLE', 5],
      ['LEGAL_GUARDIAN', 3],
      ['FOSTER_PARENT', 2],
      ['SIBLING', 0.5],
      ['OTHER', 0.5],
    ],
    u('g1.rel'),
  );
  const adult = (female: string, name: string) => `CASE WHEN grp = 'HISPANIC' THEN
        CASE WHEN ${female} THEN ${pickSkewed(ADULT_FEMALE, u(name), 1.3)} ELSE ${pickSkewed(ADULT_MALE, u(name), 1.3)} END
      ELSE CASE WHEN ${female} THEN ${pick(ADULT_OTHER_FEMALE, u(name))} ELSE ${pick(ADULT_OTHER_MALE, u(name))} END END`;
  return `CREATE UNLOGGED TABLE g_youth AS ${stages(
    `SELECT i AS k, ${r.uid('i', 'youth')} AS id, ${r.uid('i * 2 + 1', 'guardian')} AS g1_id, id AS rid, rt,
            ${schoolOf(c, 'i')} AS sch, ${weighted(GROUPS, r.u('i', 'youth.group'))} AS grp,
            ${weighted(
              [
                ['FEMALE', 47],
                ['MALE', 49],
                ['NONBINARY', 1.5],
                ['ANOTHER', 0.5],
                ['DECLINED', 2],
              ],
              r.u('i', 'youth.gender'),
            )} AS gender
       FROM g_ref0 WHERE key = i`,
    [
      `${at(c.sql.schoolLevels, 'sch')} AS level, ${sroOf(c, 'k', 'sch')} AS sro,
       (gender = 'FEMALE' OR (gender <> 'MALE' AND ${u('female')} < 0.5)) AS female,
       ${g1Rel} AS g1_rel`,
      `${first} AS first, ${last1} AS last1,
       CASE WHEN grp = 'HISPANIC' AND ${u('compound')} < 0.13 THEN ${pickSkewed(HISPANIC_SURNAMES, u('last2'), 1.5)} END AS last2,
       ${age} AS age, ${lang} AS lang, ${race} AS race,
       (g1_rel = 'MOTHER' OR (g1_rel NOT IN ('FATHER') AND ${u('g1.female')} < 0.65)) AS g1_female`,
      `CASE WHEN last2 IS NULL THEN last1 WHEN ${u('hyphen')} < 0.3 THEN last1 || '-' || last2
            ELSE last1 || ' ' || last2 END AS last,
       (to_timestamp(rt - age * 365.25 * 86400) AT TIME ZONE 'America/Los_Angeles')::date AS dob,
       least(12, greatest(1, floor(age)::int - 5)) AS grade,
       CASE WHEN ${u('preferred')} < 0.05 THEN left(first, 3) END AS preferred,
       ${adult('g1_female', 'g1.name')} || ' ' ||
         CASE WHEN grp = 'HISPANIC' AND g1_rel = 'MOTHER' THEN coalesce(last2, ${pickSkewed(HISPANIC_SURNAMES, u('g1.last'), 1.5)})
              ELSE last1 END AS g1_name,
       CASE WHEN lang <> 'en' THEN lang WHEN grp = 'HISPANIC' AND ${u('g1.lang')} < 0.4 THEN 'es' ELSE 'en' END AS g1_lang,
       1 + (${u('guardians')} < 0.3)::int AS g_count`,
    ],
  )}`;
}

/** The SRO who referred referral `i` at school `sch`: mostly the one who covers the school. */
const sroOf = (c: Ctx, i: string, sch: string) =>
  `CASE WHEN ${c.r.u(i, 'referral.sro.any')} < 0.15 THEN 1 + floor(${c.r.u(i, 'referral.sro')} * ${c.sros.length})::int
        ELSE 1 + (${sch} - 1) % ${c.sros.length} END`;

const THEME = (c: Ctx) =>
  mapCase(
    'codes[1]',
    Object.fromEntries(c.codes.map((x) => [x.code, REASON_THEME[x.code] ?? 'PEERS'])),
    `'PEERS'`,
  );

const FATES: readonly (readonly [string, number])[] = [
  ['ENROLLED', 65],
  ['DECLINED', 11],
  ['UNABLE_TO_CONTACT', 13],
  ['WITHDRAWN', 6],
  ['INELIGIBLE', 5],
];

/** Every submitted referral's plan: reasons, eligibility, fate and the times of its steps (NULL after cap). */
export function referralPlanSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('i', `referral.${name}`);
  const kindOf = `CASE WHEN level = 'ELEMENTARY'
      THEN ${weighted(
        [
          ['OFFENSE', 30],
          ['SCHOOL_RULE', 15],
          ['STATUS', 15],
          ['CONCERN', 40],
        ],
        u('kind'),
      )}
      ELSE ${weighted(
        [
          ['OFFENSE', 55],
          ['SCHOOL_RULE', 20],
          ['STATUS', 12],
          ['CONCERN', 13],
        ],
        u('kind'),
      )} END`;
  const weightOf = (x: { code: string; excluded: boolean }) =>
    x.excluded ? EXCLUDED_REASON_WEIGHT : (REASON_WEIGHT[x.code] ?? 1);
  const kinds = [...new Set(c.codes.map((x) => x.kind))];
  const codeOf = `CASE kind ${kinds
    .map(
      (k) =>
        `WHEN ${lit(k)} THEN ${weighted(
          c.codes.filter((x) => x.kind === k).map((x) => [x.code, weightOf(x)] as const),
          u('code1'),
        )}`,
    )
    .join(' ')} END`;
  const eligible = c.codes.filter((x) => !x.excluded);
  const code2 = `CASE WHEN ${u('code2.has')} < 0.3 THEN ${weighted(
    eligible.map((x) => [x.code, weightOf(x)] as const),
    u('code2'),
  )} END`;
  const excluded = textArray(c.codes.filter((x) => x.excluded).map((x) => x.code));
  const pathway = `CASE WHEN kind IN ('CONCERN', 'STATUS') THEN ${weighted(
    [
      ['PREVENTION', 6],
      ['SCHOOL_REFERRAL', 2],
      ['SELF_FAMILY', 1],
    ],
    u('pathway'),
  )} ELSE ${weighted(
    [
      ['LE_DIVERSION_626B', 6],
      ['COUNSEL_RELEASE_RESOURCE', 2],
      ['PREVENTION', 1],
      ['PROBATION_654', 1],
    ],
    u('pathway'),
  )} END`;
  const assigned = `(fate IN ('ENROLLED', 'DECLINED', 'UNABLE_TO_CONTACT') OR (fate = 'WITHDRAWN' AND wstage <> 'TRIAGE'))`;
  const consented = `(fate IN ('ENROLLED', 'DECLINED') OR (fate = 'WITHDRAWN' AND wstage = 'CONSENT_PENDING'))`;
  const upTo = (t: string) => `CASE WHEN ${t} <= ${c.cap} THEN ${t} END`;
  const plan = stages(
    `SELECT r.i, r.id, y.id AS yid, y.g1_id, r.rt, r.key, r.dup_of, y.sch, y.dob, y.lang, y.grp, y.g1_lang, y.g1_rel, y.g1_name,
            least(12, y.grade + floor((r.rt - y.rt) / (365.25 * 86400))::int) AS grade,
            ${at(c.sql.schoolLevels, 'y.sch')} AS level,
            ${sroOf(c, 'r.i', 'y.sch')} AS sro,
            1 + floor(${u('counselor')} * ${c.counselors.length})::int AS cidx,
            1 + floor(${u('supervisor')} * ${c.supervisors.length})::int AS sidx,
            r.rt - floor((1 + 47 * power(${u('incident')}, 2)) * 3600) AS ti,
            ${weighted(
              [
                ['ON_CAMPUS', 7],
                ['TO_FROM_SCHOOL', 1],
                ['SCHOOL_EVENT', 1],
                ['ONLINE', 1],
                ['COMMUNITY', 1],
              ],
              u('location'),
            )} AS location,
            ${weighted(FATES, u('fate'))} AS fate_raw,
            ${weighted(
              [
                ['TRIAGE', 4],
                ['OUTREACH', 4],
                ['CONSENT_PENDING', 2],
              ],
              u('withdraw.stage'),
            )} AS wstage,
            ${u('info')} < ${P.infoDetour} AS detour,
            ${u('slow')} < ${P.slowEnrollment} AS slow
       FROM g_ref0 r JOIN g_youth y ON y.k = r.key
      WHERE NOT r.draft`,
    [
      `${kindOf} AS kind`,
      `${codeOf} AS code1, ${code2} AS code2raw, ${pathway} AS pathway`,
      `CASE WHEN code2raw IS NULL OR code2raw = code1 THEN ARRAY[code1] ELSE ARRAY[code1, code2raw] END::text[] AS codes,
       code1 = ANY(${excluded}) AS excluded,
       date_part('year', age(${localDate('ti')}, dob))::int AS age_at,
       CASE WHEN code1 IN ('VANDALISM_GRAFFITI', 'THEFT') OR code2raw IN ('VANDALISM_GRAFFITI', 'THEFT') THEN
         CASE WHEN ${u('restitution.high')} < 0.04 THEN round((5200 + 4000 * ${u('restitution')})::numeric, 2)
              ELSE round((50 + 1450 * power(${u('restitution')}, 2))::numeric) END END AS restitution`,
      `array_remove(ARRAY[CASE WHEN age_at < 6 OR age_at > 18 THEN 'AGE_OUT_OF_RANGE' END,
                          CASE WHEN excluded THEN 'EXCLUDED_REASON_CODE' END,
                          CASE WHEN restitution > 5000 THEN 'RESTITUTION_OVER_LIMIT' END], NULL)::text[] AS failures,
       ${THEME(c)} AS theme,
       CASE WHEN 'SELF_HARM_RISK' = ANY(codes) THEN CASE WHEN ${u('crisis')} < 0.25 THEN 'CRISIS' ELSE 'URGENT_SAFETY' END
            WHEN codes && ARRAY['THREATS', 'WEAPON', 'EXPOSURE_TO_VIOLENCE'] AND ${u('urgent')} < 0.3 THEN 'URGENT_SAFETY'
            WHEN ${u('urgent')} < 0.02 THEN 'URGENT_SAFETY' ELSE 'ROUTINE' END AS priority,
       kind = 'OFFENSE' AND ${u('victim')} < 0.4 AS victim,
       CASE WHEN detour THEN ${after('rt', `0.05 + 0.9 * ${u('t.info')}`, u('t.info.h'))} END AS t_info`,
      `cardinality(failures) > 0 AS needs,
       CASE WHEN dup_of IS NOT NULL THEN 'DUPLICATE'
            WHEN cardinality(failures) > 0 AND ${u('ineligible')} < 0.6 THEN 'INELIGIBLE'
            ELSE fate_raw END AS fate,
       CASE WHEN detour THEN ${after('t_info', `0.2 + 3 * ${u('t.resubmit')}`, u('t.resubmit.h'))} END AS t_resub`,
      `${after('coalesce(t_resub, rt)', `0.02 + 1.2 * power(${u('t.triage')}, 2)`, u('t.triage.h'))} AS t_tri`,
      `CASE WHEN fate IN ('INELIGIBLE', 'DUPLICATE') THEN ${after('t_tri', `0.02 + 1.5 * ${u('t.decide')}`, u('t.decide.h'))} END AS t_dec,
       CASE WHEN needs AND ${assigned} THEN t_tri + 600 + floor(7200 * ${u('t.override')}) END AS t_ovr,
       CASE WHEN ${assigned} THEN ${after(`t_tri + CASE WHEN needs THEN 7800 ELSE 0 END`, `0.02 + 1.2 * ${u('t.assign')}`, u('t.assign.h'))} END AS t_asg,
       CASE WHEN fate = 'WITHDRAWN' AND wstage = 'TRIAGE' THEN ${after('t_tri', `1 + 4 * ${u('t.withdraw')}`, u('t.withdraw.h'))} END AS t_wd1`,
      `CASE WHEN ${consented} THEN ${after('t_asg', `0.2 + 6 * power(${u('t.consent')}, 1.5)`, u('t.consent.h'))} END AS t_con,
       CASE WHEN fate = 'UNABLE_TO_CONTACT' THEN ${after('t_asg', `11 + 3 * ${u('t.unable')}`, u('t.unable.h'))} END AS t_unable,
       CASE WHEN fate = 'WITHDRAWN' AND wstage = 'OUTREACH' THEN ${after('t_asg', `1 + 5 * ${u('t.withdraw')}`, u('t.withdraw.h'))} END AS t_wd2`,
      `CASE WHEN fate = 'ENROLLED' THEN ${after('t_con', `0.3 + 5 * power(${u('t.enroll')}, 1.3) + CASE WHEN slow THEN 6 + 6 * ${u('t.slow')} ELSE 0 END`, u('t.enroll.h'))} END AS t_enr,
       CASE WHEN fate = 'DECLINED' THEN ${after('t_con', `1 + 7 * ${u('t.decline')}`, u('t.decline.h'))} END AS t_decl,
       CASE WHEN fate = 'WITHDRAWN' AND wstage = 'CONSENT_PENDING' THEN ${after('t_con', `1 + 5 * ${u('t.withdraw')}`, u('t.withdraw.h'))} END AS t_wd3`,
      `coalesce(t_dec, t_unable, t_enr, t_decl, t_wd1, t_wd2, t_wd3) AS t_final0`,
      `CASE WHEN t_final0 <= ${c.cap} THEN fate
            WHEN t_con <= ${c.cap} THEN 'CONSENT_PENDING'
            WHEN t_asg <= ${c.cap} THEN 'OUTREACH'
            WHEN t_tri <= ${c.cap} THEN 'TRIAGE'
            WHEN t_resub <= ${c.cap} THEN 'SUBMITTED'
            WHEN t_info <= ${c.cap} THEN 'NEEDS_INFO'
            ELSE 'SUBMITTED' END AS status`,
      `CASE WHEN status IN ('INELIGIBLE', 'DECLINED', 'UNABLE_TO_CONTACT') AND ${c.cap} - t_final0 > ${4 * DAY}
              AND (${u('ack')} < 0.88 OR ${c.cap} - t_final0 > ${RETURN_ANSWERED_WITHIN_DAYS * DAY})
              THEN least(${after('t_final0', `0.1 + 3.9 * ${u('t.ack')}`, u('t.ack.h'))}, ${c.cap}) END AS t_rack`,
    ],
  );
  return `CREATE UNLOGGED TABLE g_ref AS
    SELECT i, id, yid, g1_id, rt, key, dup_of, sch, dob, lang, grp, g1_lang, g1_rel, g1_name, grade, level, sro, cidx, sidx, ti, location, kind, codes,
           pathway, excluded, age_at, restitution, failures, needs, theme, priority, victim, fate, wstage, status,
           ${upTo('t_info')} AS t_info, ${upTo('t_resub')} AS t_resub, ${upTo('t_tri')} AS t_tri,
           ${upTo('t_dec')} AS t_dec, ${upTo('t_ovr')} AS t_ovr, ${upTo('t_asg')} AS t_asg, ${upTo('t_con')} AS t_con,
           ${upTo('t_unable')} AS t_unable, ${upTo('t_enr')} AS t_enr, ${upTo('t_decl')} AS t_decl,
           ${upTo('coalesce(t_wd1, t_wd2, t_wd3)')} AS t_wd, ${upTo('t_final0')} AS t_final, t_rack,
           -- The youth's next referral (a new police contact after a case fills in its follow-up).
           lead(id) OVER w AS next_id, lead(rt) OVER w AS next_rt, lead(pathway) OVER w AS next_pathway
      FROM (${plan}) z
    WINDOW w AS (PARTITION BY key ORDER BY rt, i)
     ORDER BY i`;
}

/** The youth rows (name_norm is filled by the table's trigger). */
export function youthSql(c: Ctx): string {
  return `INSERT INTO youth (id, organization_id, first_name, last_name, preferred_name, date_of_birth, gender_identity,
                             race_ethnicity, primary_language, school_id, grade, zip, created_by, created_at, updated_at)
    SELECT y.id, ${uuidLit(c.provider)}, y.first, y.last, y.preferred, y.dob, y.gender, y.race, y.lang,
           ${at(c.sql.schoolIds, 'y.sch')}, y.grade, ${at(c.sql.schoolZips, 'y.sch')}, ${at(c.sql.sros, 'y.sro')},
           ${ts('y.rt')}, ${ts('y.rt')}
      FROM g_youth y`;
}

/** One or two guardians per youth, entered with the youth's first referral. */
export function guardiansSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('y.k', `youth.${name}`);
  const g2Female = `(g2_rel = 'MOTHER' OR (g2_rel = 'GRANDPARENT' AND ${u('g2.female')} < 0.6))`;
  const g2Given = `CASE WHEN y.grp = 'HISPANIC' THEN
        CASE WHEN ${g2Female} THEN ${pickSkewed(ADULT_FEMALE, u('g2.name'), 1.3)} ELSE ${pickSkewed(ADULT_MALE, u('g2.name'), 1.3)} END
      ELSE CASE WHEN ${g2Female} THEN ${pick(ADULT_OTHER_FEMALE, u('g2.name'))} ELSE ${pick(ADULT_OTHER_MALE, u('g2.name'))} END END`;
  const row = 'y.k * 2 + g.n';
  return `INSERT INTO guardians (id, youth_id, referral_id, organization_id, name, relationship, phone, email,
                                 preferred_language, interpreter_needed, created_by, created_at, updated_at)
    SELECT ${r.uid(row, 'guardian')}, y.id, y.rid, ${uuidLit(c.provider)},
           g.name, g.rel, '(619) 555-' || lpad(${r.int(row, 'guardian.phone', 100, 9999)}::text, 4, '0'),
           CASE WHEN ${r.u(row, 'guardian.email')} < 0.5 THEN 'family' || y.k || '-' || g.n || '@example.com' END,
           g.lang, g.lang <> 'en' AND ${r.u(row, 'guardian.interpreter')} < 0.5,
           ${at(c.sql.sros, 'y.sro')}, ${ts('y.rt')}, ${ts('y.rt')}
      FROM (SELECT y.*, CASE y.g1_rel WHEN 'MOTHER' THEN 'FATHER' WHEN 'FATHER' THEN 'MOTHER' ELSE 'GRANDPARENT' END AS g2_rel
              FROM g_youth y) y
     CROSS JOIN LATERAL (SELECT ${fan('n.n', [
       { when: 'true', name: 'y.g1_name', rel: 'y.g1_rel', lang: 'y.g1_lang' },
       {
         when: 'true',
         name: `${g2Given} || ' ' || CASE WHEN y.grp = 'HISPANIC' AND g2_rel = 'MOTHER'
                                    THEN coalesce(y.last2, ${pickSkewed(HISPANIC_SURNAMES, u('g2.last'), 1.5)}) ELSE y.last1 END`,
         rel: 'g2_rel',
         lang: 'y.g1_lang',
       },
     ])}, n.n FROM generate_series(1, 2 + least(0, y.k)) n(n)) g
     WHERE g.n <= y.g_count`;
}

/** A referral's reference number: R-<year received>-<n>, n the referral's number (the sequence continues after). */
export const referenceNumber = (i: string, t: string): string =>
  `'R-' || ${localYear(t)} || '-' || lpad((${i})::text, greatest(6, length((${i})::text)), '0')`;

/** Submitted referrals, with what their case did to them (sealed, completed, returned). */
export function referralsSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('g.i', `referral.${name}`);
  const narrative = `replace(CASE g.kind ${Object.entries(NARRATIVES)
    .map(([k, xs]) => `WHEN ${lit(k)} THEN ${pick(xs, u('narrative'))}`)
    .join(' ')} END, '{place}', ${pick(PLACES, u('place'))})`;
  const sup = at(c.sql.supervisors, 'g.sidx');
  const ineligibleReason = `CASE WHEN g.needs THEN ${mapCase('g.failures[1]', INELIGIBLE_REASONS)}
      ELSE ${pick(INELIGIBLE_OTHER, u('ineligible.reason'))} END`;
  const resources = c.resources.length
    ? `CASE WHEN ${u('resource')} < 0.4 THEN ARRAY[(${`'{${c.resources.join(',')}}'::uuid[]`})[1 + floor(${u('resource.pick')} * ${c.resources.length})::int]] ELSE '{}'::uuid[] END`
    : `'{}'::uuid[]`;
  return `INSERT INTO referrals (id, reference_number, youth_id, referring_org_id, referring_user_id, provider_org_id,
      school_id, grade, incident_at, incident_location, pathway, reason_codes, narrative, priority, police_report_number,
      victim_involved, restitution_estimate, recommended_resource_ids, eligibility, status, received_at,
      due_service_start_at, assigned_counselor_id, assigned_at, decline_reason, withdraw_reason, info_request,
      ineligible_reason, returned_to_referrer_at, return_acknowledged_at, duplicate_of_id, sealed_at, completed_at,
      organization_id, created_by, created_at, updated_at, version)
    SELECT g.id, ${referenceNumber('g.i', 'g.rt')}, g.yid,
           ${uuidLit(c.police)}, ${at(c.sql.sros, 'g.sro')}, ${uuidLit(c.provider)},
           ${at(c.sql.schoolIds, 'g.sch')}, g.grade, ${ts('g.ti')}, g.location, g.pathway, g.codes, ${narrative}, g.priority,
           CASE WHEN g.pathway = 'LE_DIVERSION_626B' THEN
             'CV' || lpad((${localYear('g.rt')} % 100)::text, 2, '0') || '-' || lpad(${r.int('g.i', 'referral.report', 1000, 99999)}::text, 5, '0') END,
           g.victim, g.restitution, ${resources},
           jsonb_build_object(
             'decision', CASE WHEN NOT g.needs THEN 'ELIGIBLE' WHEN g.t_ovr IS NOT NULL THEN 'OVERRIDDEN' ELSE 'NEEDS_OVERRIDE' END,
             'failures', to_jsonb(g.failures),
             'excludedReasonCodes', CASE WHEN g.excluded THEN jsonb_build_array(g.codes[1]) ELSE '[]'::jsonb END,
             'ageAtIncident', g.age_at,
             'overrideReason', CASE WHEN g.t_ovr IS NOT NULL THEN ${pick(OVERRIDE_REASONS, u('override.reason'))} END,
             'overriddenBy', CASE WHEN g.t_ovr IS NOT NULL THEN ${sup}::text END,
             'overriddenAt', CASE WHEN g.t_ovr IS NOT NULL THEN ${isoText('g.t_ovr')} END),
           g.status, ${ts('g.rt')}, ${dueServiceStart('g.rt')},
           CASE WHEN g.t_asg IS NOT NULL THEN ${at(c.sql.counselors, 'g.cidx')} END, ${ts('g.t_asg')},
           CASE WHEN g.status = 'DECLINED' THEN ${pick(DECLINE_REASONS, u('decline.reason'))} END,
           CASE WHEN g.status = 'WITHDRAWN' THEN ${pick(WITHDRAW_REASONS, u('withdraw.reason'))} END,
           CASE WHEN g.status = 'NEEDS_INFO' THEN ${pick(INFO_REQUESTS, u('info.request'))} END,
           CASE WHEN g.status = 'INELIGIBLE' THEN ${ineligibleReason} END,
           ${ts(`CASE WHEN g.status IN ('INELIGIBLE', 'DECLINED', 'UNABLE_TO_CONTACT') THEN g.t_final ELSE k.t_return END`)},
           ${ts('coalesce(g.t_rack, k.t_cack)')},
           CASE WHEN g.status = 'DUPLICATE' THEN ${r.uid('g.dup_of', 'referral')} END,
           ${ts('k.t_seal')}, ${ts('k.t_done')},
           ${uuidLit(c.police)}, ${at(c.sql.sros, 'g.sro')}, ${ts('g.rt')},
           ${ts('greatest(g.rt, g.t_info, g.t_resub, g.t_tri, g.t_ovr, g.t_asg, g.t_con, g.t_final, g.t_rack, k.t_seal, k.t_return, k.t_cack)')},
           1 + num_nonnulls(g.t_info, g.t_resub, g.t_tri, g.t_ovr, g.t_asg, g.t_con, g.t_final, g.t_rack, k.t_seal, k.t_cack)
      FROM g_ref g LEFT JOIN g_case k ON k.i = g.i`;
}

/** Abandoned and in-progress drafts of the last days: the SRO's partial form, no youth record, no number. */
export function draftsSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('d.i', `draft.${name}`);
  const sro = `1 + floor(${u('sro')} * ${c.sros.length})::int`;
  return `INSERT INTO referrals (id, referring_org_id, referring_user_id, provider_org_id, status, draft, organization_id,
                                 created_by, created_at, updated_at)
    SELECT d.id, ${uuidLit(c.police)}, ${at(c.sql.sros, sro)}, ${uuidLit(c.provider)}, 'DRAFT',
           jsonb_strip_nulls(jsonb_build_object(
             'youth', jsonb_build_object(
               'firstName', CASE WHEN ${u('female')} < 0.5 THEN ${pickSkewed(HISPANIC_FEMALE, u('first'), 1.6)}
                                 ELSE ${pickSkewed(HISPANIC_MALE, u('first'), 1.6)} END,
               'lastName', ${pickSkewed(HISPANIC_SURNAMES, u('last'), 1.5)},
               'dateOfBirth', ${localDate(`d.rt - (11 + 7 * ${u('age')}) * 365.25 * 86400`)}::text,
               'primaryLanguage', 'en'),
             'schoolId', ${at(c.sql.schoolIds, schoolOf(c, 'd.i'))}::text,
             'incidentAt', ${isoText('d.rt - 7200')},
             'incidentLocation', 'ON_CAMPUS',
             'pathway', 'LE_DIVERSION_626B',
             'reasonCodes', jsonb_build_array('PHYSICAL_FIGHT'),
             'narrative', CASE WHEN ${u('narrative')} < 0.5 THEN ${pick(NARRATIVES.OFFENSE ?? [], u('narrative.text'))} END)),
           ${uuidLit(c.police)}, ${at(c.sql.sros, sro)}, ${ts('d.rt')}, ${ts('d.rt')}
      FROM g_ref0 d WHERE d.draft`;
}

/** Status history: one row per transition, actors and organizations as the API writes them. */
export function referralEventsSql(c: Ctx): string {
  const { r } = c;
  const police = uuidLit(c.police);
  const provider = uuidLit(c.provider);
  const sro = at(c.sql.sros, 'g.sro');
  const sup = at(c.sql.supervisors, 'g.sidx');
  const counselor = at(c.sql.counselors, 'g.cidx');
  const caseSup = at(c.sql.supervisors, 'k.sidx');
  const ev = (at: string, actor: string, from: string, to: string, action: string, org: string) => ({
    when: `${at} IS NOT NULL`,
    at,
    actor,
    status_from: from,
    status_to: to,
    action: lit(action),
    org,
  });
  const rows = [
    ev('g.rt', sro, 'NULL', `'SUBMITTED'`, 'submit', police),
    ev('g.t_info', sup, `'SUBMITTED'`, `'NEEDS_INFO'`, 'request-info', provider),
    ev('g.t_resub', sro, `'NEEDS_INFO'`, `'SUBMITTED'`, 'submit', police),
    ev('g.t_tri', sup, `'SUBMITTED'`, `'TRIAGE'`, 'acknowledge', provider),
    ev('g.t_ovr', sup, `'TRIAGE'`, `'TRIAGE'`, 'override-eligibility', provider),
    ev('g.t_asg', sup, `'TRIAGE'`, `'OUTREACH'`, 'assign', provider),
    ev('g.t_con', counselor, `'OUTREACH'`, `'CONSENT_PENDING'`, 'contact-completed', provider),
    // The decision that ended the referral (one at most).
    {
      when: 'g.t_final IS NOT NULL',
      at: 'g.t_final',
      actor: `CASE WHEN g.fate IN ('INELIGIBLE', 'DUPLICATE') THEN ${sup} WHEN g.fate = 'WITHDRAWN' THEN ${sro} ELSE ${counselor} END`,
      status_from: `CASE g.fate WHEN 'UNABLE_TO_CONTACT' THEN 'OUTREACH' WHEN 'WITHDRAWN' THEN g.wstage
                                WHEN 'INELIGIBLE' THEN 'TRIAGE' WHEN 'DUPLICATE' THEN 'TRIAGE' ELSE 'CONSENT_PENDING' END`,
      status_to: 'g.fate',
      action: mapCase('g.fate', {
        INELIGIBLE: 'ineligible',
        DUPLICATE: 'mark-duplicate',
        UNABLE_TO_CONTACT: 'unable-to-contact',
        DECLINED: 'decline',
        ENROLLED: 'enroll',
        WITHDRAWN: 'withdraw',
      }),
      org: `CASE WHEN g.fate = 'WITHDRAWN' THEN ${police} ELSE ${provider} END`,
    },
    ev('coalesce(g.t_rack, k.t_cack)', sro, 'g.status', 'g.status', 'acknowledge-return', police),
    ev('k.t_seal', caseSup, `'ENROLLED'`, `'ENROLLED'`, 'seal', provider),
  ];
  return `INSERT INTO referral_events (id, referral_id, at, actor_id, status_from, status_to, action, organization_id)
    SELECT ${r.uid('e.i * 16 + e.n', 'referral_event')}, e.id, ${ts('e.at')}, e.actor, e.status_from, e.status_to,
           e.action, e.org
      FROM (SELECT g.i, g.id, e.n, ${fan('e.n', rows)}
              FROM g_ref g LEFT JOIN g_case k ON k.i = g.i ${fanJoin(rows.length, 'g.i')} OFFSET 0) e
     WHERE e.e_keep
    UNION ALL
    SELECT ${r.uid('d.i * 16', 'referral_event')}, d.id, ${ts('d.rt')},
           ${at(c.sql.sros, `1 + floor(${r.u('d.i', 'draft.sro')} * ${c.sros.length})::int`)}, NULL, 'DRAFT', 'create', ${police}
      FROM g_ref0 d WHERE d.draft`;
}

const AGE_BANDS: Record<string, readonly (readonly [string, number])[]> = {
  ELEMENTARY: [
    ['6-9', 5],
    ['10-12', 5],
  ],
  MIDDLE: [
    ['10-12', 4],
    ['13-14', 6],
  ],
  HIGH: [
    ['13-14', 1],
    ['15-16', 6],
    ['17-18', 4],
  ],
  K8: [
    ['6-9', 3],
    ['10-12', 4],
    ['13-14', 3],
  ],
  K12: [
    ['6-9', 1],
    ['10-12', 2],
    ['13-14', 3],
    ['15-16', 3],
    ['17-18', 2],
  ],
  ADULT: [['17-18', 1]],
};

/** SRO contacts that did not become referrals (no names): the other half of the diversion rate. */
export function schoolContactsSql(c: Ctx, count: number): string {
  const { r } = c;
  const u = (name: string) => r.u('j', `school_contact.${name}`);
  const span = c.cap - c.start;
  const offense = c.codes.filter((x) => x.kind === 'OFFENSE' || x.kind === 'SCHOOL_RULE');
  const band = `CASE level ${Object.entries(AGE_BANDS)
    .map(([level, pairs]) => `WHEN ${lit(level)} THEN ${weighted(pairs, u('band'))}`)
    .join(' ')} END`;
  return `INSERT INTO school_contacts (id, occurred_at, school_id, reason_codes, disposition, age_band, gender_identity,
                                       race_ethnicity, organization_id, created_by, created_at, updated_at)
    SELECT ${r.uid('j', 'school_contact')}, ${ts('t')}, ${at(c.sql.schoolIds, 'sch')},
           ARRAY[${weighted(
             offense.map((x) => [x.code, x.excluded ? 0.3 : (REASON_WEIGHT[x.code] ?? 1)] as const),
             u('code'),
           )}]::text[],
           ${weighted(
             [
               ['COUNSEL_RELEASE', 40],
               ['SCHOOL_DISCIPLINE_ONLY', 25],
               ['CITATION_PROBATION', 20],
               ['CUSTODY_PROBATION', 5],
               ['REFERRED_DA', 10],
             ],
             u('disposition'),
           )},
           ${band},
           ${weighted(
             [
               ['MALE', 58],
               ['FEMALE', 38],
               ['NONBINARY', 1],
               ['DECLINED', 3],
             ],
             u('gender'),
           )},
           ARRAY[${weighted(
             [
               ['HISPANIC_LATINO', 68],
               ['ASIAN', 14],
               ['WHITE', 10],
               ['BLACK', 5],
               ['NHPI', 1],
               ['DECLINED', 2],
             ],
             u('race'),
           )}]::text[],
           ${uuidLit(c.police)}, ${at(c.sql.sros, `1 + (sch - 1) % ${c.sros.length}`)}, ${ts('t')}, ${ts('t')}
      FROM (SELECT j, sch, ${at(c.sql.schoolLevels, 'sch')} AS level,
                   ${wt(`${c.start} + (j - ${u('t')}) * ${span / count}`, u('t.h'))} AS t
              FROM (SELECT j, (${c.sql.schoolSlots})[1 + floor(${u('school')} * ${c.sql.schoolSlotCount})::int] AS sch
                      FROM generate_series(1, ${count}) j OFFSET 0) a OFFSET 0) s
     WHERE t < ${c.cap}`;
}

/** SRO outreach programs at schools: counts only. */
export function communityEventsSql(c: Ctx, count: number): string {
  const { r } = c;
  const u = (name: string) => r.u('j', `community_event.${name}`);
  const span = c.cap - c.start - 2 * DAY;
  const type = weighted(
    COMMUNITY_EVENT_TITLES.map(([t]) => [t, 1] as const),
    u('type'),
  );
  return `INSERT INTO community_events (id, type, title, occurred_on, school_id, participant_count, partners,
                                        organization_id, created_by, created_at, updated_at)
    SELECT ${r.uid('j', 'community_event')}, type, ${mapCase('type', Object.fromEntries(COMMUNITY_EVENT_TITLES))},
           ${localDate('t')}, ${at(c.sql.schoolIds, 'sch')}, ${r.int('j', 'community_event.participants', 15, 450)},
           CASE WHEN ${u('partners')} < 0.6 THEN ARRAY[${pick(PARTNERS, u('partner'))}] ELSE '{}'::text[] END,
           ${uuidLit(c.police)}, ${at(c.sql.sros, `1 + (sch - 1) % ${c.sros.length}`)}, ${ts('t')}, ${ts('t')}
      FROM (SELECT j, ${type} AS type,
                   ${c.start} + ${u('t')} * ${span} AS t,
                   CASE WHEN j <= ${c.schools.length} THEN j::int
                        ELSE (${c.sql.schoolSlots})[1 + floor(${u('school')} * ${c.sql.schoolSlotCount})::int] END AS sch
              FROM generate_series(1, ${count}) j OFFSET 0) e`;
}
