import { CLOSURE_REASONS } from '@pathways/contracts';
import { outcomeClassOf } from '@pathways/domain';
import {
  ACCOUNTABILITY_TEXT,
  AMENDMENTS,
  CLINICAL_NOTES,
  CLOSURE_NOTES,
  CLOSURE_SUMMARIES,
  COLLATERAL_NOTES,
  EXTRA_SERVICES,
  GOAL_DOMAINS_FOR,
  GOALS,
  GUARDIAN_WORD,
  HOLD_NOTES,
  HOLD_REASONS,
  INTAKE_NOTES,
  NON_COMPLIANT_REASONS,
  OFFENSE_PATHWAYS,
  PSYCHOTHERAPY_NOTES,
  SAFETY_NOTES,
  SERVICES_FOR,
  SESSION_NOTES,
  sessionType,
} from '../../apps/api/src/database/seed/seed-demo-case-text';
import { YASI_DOMAINS } from '../../apps/api/src/database/seed/seed-demo-case-measures';
import {
  CASE_DURATION_DAYS,
  EARLY_REASONS,
  FULL_LENGTH_REASONS,
} from '../../apps/api/src/database/seed/seed-demo-case-plan';
import { at, type Ctx } from './context';
import {
  after,
  DAY,
  dueServiceStart,
  RETURN_ANSWERED_WITHIN_DAYS,
  HOUR,
  isoText,
  lit,
  localDate,
  localYear,
  mapCase,
  pick,
  textArray,
  ts,
  uuidLit,
  weighted,
  wt,
} from './sql';
import { fan, fanJoin, stages } from './stages';
import { NOTE_PLANS } from './text';

/**
 * Cases and their work. The plan of every case lives in the scratch table g_case (epoch seconds, NULL when a step has
 * not happened by `cap`), its services in g_svc; sessions are generated from the services with the same pure
 * functions by the contact and the note steps.
 */

const OFFENSE = textArray([...OFFENSE_PATHWAYS]);
const LANGUAGE_NAME: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  tl: 'Tagalog',
  vi: 'Vietnamese',
  zh: 'Chinese',
  ko: 'Korean',
  ar: 'Arabic',
  fa: 'Farsi',
  so: 'Somali',
};

/** The outcome class of a closure reason: the table of libs/domain's outcomeClassOf, as SQL. */
export const outcomeSql = (reason: string): string =>
  mapCase(reason, Object.fromEntries(CLOSURE_REASONS.map((x) => [x, outcomeClassOf(x)])));

export function casePlanSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('i', `case.${name}`);
  const reasons = textArray(CLOSURE_REASONS);
  const index = (pairs: readonly (readonly [string, number])[]) =>
    pairs.map(([x, w]) => [String(CLOSURE_REASONS.indexOf(x as never) + 1), w] as const);
  const lo = `ARRAY[${CLOSURE_REASONS.map((x) => CASE_DURATION_DAYS[x]?.[0] ?? 20).join(',')}]::float8[]`;
  const hi = `ARRAY[${CLOSURE_REASONS.map((x) => CASE_DURATION_DAYS[x]?.[1] ?? 80).join(',')}]::float8[]`;
  const reached = (x: string) =>
    `CASE WHEN t_service <= ${x} THEN 'ACTIVE' WHEN t_assess <= ${x} THEN 'PLANNING' WHEN t_intake <= ${x} THEN 'ASSESSMENT' ELSE 'INTAKE' END`;
  const cap = c.cap;
  const plan = stages(
    `SELECT g.i, ${r.uid('g.i', 'case')} AS id, g.id AS rid, g.yid, g.g1_id, g.key, g.rt, g.t_enr AS opened,
            g.next_id, g.next_rt, g.next_pathway, g.cidx, g.sro, g.pathway, g.theme, g.dob, g.lang, g.g1_lang, g.g1_rel,
            g.g1_name, g.codes, g.restitution, g.victim,
            row_number() OVER (ORDER BY g.t_enr, g.i) AS cno,
            1 + floor(${u('supervisor')} * ${c.supervisors.length})::int AS sidx,
            ${u('quick')} < 0.02 AS quick,
            ${u('late')} < 0.03 AS late,
            CASE WHEN ${u('full')} < 0.85 THEN ${weighted(index(FULL_LENGTH_REASONS), u('reason'), 'int')}
                 ELSE ${weighted(index(EARLY_REASONS), u('reason'), 'int')} END AS ri
       FROM g_ref g WHERE g.status = 'ENROLLED'`,
    [
      `CASE WHEN quick THEN 'WITHDREW' ELSE (${reasons})[ri] END AS reason0,
       (${lo})[ri] + ${u('duration')} * ((${hi})[ri] - (${lo})[ri]) AS dur,
       rt + 19.9 * 86400 AS hard,
       opened + ((${localDate('opened')} + interval '6 months')::date - ${localDate('opened')}) * 86400 AS max_end`,
      `CASE WHEN NOT quick THEN ${after('opened', `0.1 + 2.5 * ${u('t.intake')}`, u('t.intake.h'))} END AS t_intake0,
       least(CASE WHEN quick THEN ${after('opened', `1 + 2 * ${u('t.request')}`, u('t.request.h'))}
                  ELSE ${after('opened', 'dur', u('t.request.h'))} END, max_end - 2 * 86400) AS t_req0`,
      `${after('t_intake0', `0.1 + 3 * ${u('t.assess')}`, u('t.assess.h'))} AS t_assess0`,
      `${after('t_assess0', `0.2 + 4 * ${u('t.service')}`, u('t.service.h'))} AS s0,
       ${after('t_assess0', `0.3 + 2.7 * ${u('t.plan')}`, u('t.plan.h'))} AS t_plan0`,
      `CASE WHEN t_assess0 IS NULL THEN NULL
            WHEN late THEN ${after('greatest(t_assess0, rt + 20.2 * 86400)', `3 * ${u('t.late')}`, u('t.late.h'))}
            WHEN s0 <= hard OR hard <= t_assess0 + 3600 THEN s0
            ELSE t_assess0 + floor((hard - t_assess0) * (0.3 + 0.5 * ${u('t.squeeze')})) END AS t_service0,
       CASE WHEN reason0 = 'AGED_OUT' AND date_part('year', age(${localDate('t_req0')}, dob)) < 18 THEN 'OTHER'
            ELSE reason0 END AS reason1,
       ${after('t_req0', `0.1 + 2.9 * ${u('t.close')}`, u('t.close.h'))} AS t_closed0`,
      // Work recorded before the closure request and by now; the closure itself if it happened by now.
      `CASE WHEN t_intake0 < t_req0 AND t_intake0 <= ${cap} THEN t_intake0 END AS t_intake,
       CASE WHEN t_intake0 < t_req0 AND t_assess0 < t_req0 AND t_assess0 <= ${cap} THEN t_assess0 END AS t_assess,
       CASE WHEN t_intake0 < t_req0 AND t_assess0 < t_req0 AND t_service0 < t_req0 AND t_service0 <= ${cap} THEN t_service0 END AS t_service,
       CASE WHEN t_intake0 < t_req0 AND t_assess0 < t_req0 AND t_plan0 < t_req0 AND t_plan0 <= ${cap} THEN t_plan0 END AS t_plan,
       CASE WHEN t_req0 <= ${cap} THEN t_req0 END AS t_req,
       CASE WHEN t_closed0 <= ${cap} THEN t_closed0 END AS t_closed`,
      `${reached(String(cap))} AS reached, ${u('hold')} AS uh`,
      `t_req IS NULL AND reached = 'ACTIVE' AND uh < 0.04 AND ${cap} - t_service > ${10 * DAY} AS hold,
       t_req IS NULL AND reached = 'ACTIVE' AND uh >= 0.04 AND uh < 0.07 AND ${cap} - t_service > ${45 * DAY} AS nc`,
      `CASE WHEN hold THEN ${cap} - floor(${u('t.hold')} * least(${20 * DAY}, ${cap} - t_service - ${7 * DAY})) END AS t_hold,
       CASE WHEN nc THEN ${cap} - floor(${u('t.nc')} * ${3 * DAY}) END AS t_nc,
       CASE WHEN t_closed IS NOT NULL THEN 'CLOSED' WHEN t_req IS NOT NULL THEN 'CLOSURE_REVIEW'
            WHEN hold THEN 'ON_HOLD' WHEN nc THEN 'NON_COMPLIANT' ELSE reached END AS status,
       CASE WHEN t_req IS NOT NULL THEN reason1 END AS reason`,
      `coalesce(t_req, t_hold, t_nc, ${cap}) AS work_end,
       t_nc - floor((30.2 + 4 * ${u('t.silent')}) * 86400) AS t_silent,
       CASE WHEN t_closed IS NOT NULL THEN ${outcomeSql('reason')} END AS outcome,
       t_service IS NOT NULL AND NOT hold AND NOT nc AND ${u('past.hold')} < 0.1
         AND coalesce(t_req, ${cap}) - t_service > ${55 * DAY} AS ph,
       coalesce(t_req, ${cap}) - opened > ${89 * DAY} AS ext`,
      `CASE WHEN ph THEN ${wt(`t_service + (14 + 16 * ${u('t.ph1')}) * 86400`, u('t.ph1.h'))} END AS t_ph1a,
       CASE WHEN ${u('past.hold.kind')} < 0.7 THEN 'ON_HOLD' ELSE 'NON_COMPLIANT' END AS ph_kind,
       CASE WHEN ext THEN least(${wt(`opened + (80 + 6 * ${u('t.ext')}) * 86400`, u('t.ext.h'))},
                                coalesce(t_req, ${cap}) - 3600) END AS t_ext,
       CASE WHEN ext THEN least(max_end, greatest(opened + ${120 * DAY},
                                                  coalesce(t_req, ${cap}) + (10 + 20 * ${u('target')}) * 86400))
            ELSE opened + ${90 * DAY} END AS target,
       CASE WHEN outcome = 'SUCCESSFUL' AND pathway = 'LE_DIVERSION_626B' THEN t_closed END AS t_seal,
       CASE WHEN outcome = 'SUCCESSFUL' THEN t_closed END AS t_done,
       CASE WHEN outcome = 'UNSUCCESSFUL' AND pathway = 'LE_DIVERSION_626B' THEN t_closed END AS t_return`,
      `${wt(`t_ph1a + (7 + 14 * ${u('t.ph2')}) * 86400`, u('t.ph2.h'))} AS t_ph2a,
       CASE WHEN t_return IS NOT NULL AND ${cap} - t_return > ${4 * DAY}
             AND (${u('ack')} < 0.88 OR ${cap} - t_return > ${RETURN_ANSWERED_WITHIN_DAYS * DAY})
            THEN least(${after('t_return', `0.1 + 3.9 * ${u('t.ack')}`, u('t.ack.h'))}, ${cap}) END AS t_cack,
       t_service IS NOT NULL AND ${u('psychotherapy')} < 0.05 AS psych,
       t_assess IS NOT NULL AND ${u('suicide')} < CASE WHEN theme = 'WELLBEING' THEN 0.03 ELSE 0.004 END AS suicide,
       date_part('year', age(${localDate('opened')}, dob)) >= 12 AS age12`,
      `t_ph2a IS NOT NULL AND t_ph2a < coalesce(t_req, ${cap}) - ${10 * DAY} AS ph_ok`,
    ],
  );
  return `CREATE UNLOGGED TABLE g_case AS
    SELECT i, id, rid, yid, g1_id, key, next_id, next_rt, next_pathway, cno, rt, opened, cidx, sidx, sro, pathway, theme, dob, lang, g1_lang, g1_rel, g1_name, codes,
           restitution, victim, status, reached, reason, outcome, t_intake, t_assess, t_plan, t_service, t_req, t_closed,
           t_hold, t_nc, CASE WHEN nc THEN t_silent END AS t_silent, work_end, max_end, target, t_ext,
           CASE WHEN ph_ok THEN t_ph1a END AS t_ph1, CASE WHEN ph_ok THEN t_ph2a END AS t_ph2, ph_kind,
           CASE WHEN ph_ok AND t_ph1a <= t_ext AND t_ext < t_ph2a THEN ph_kind ELSE ${reached('t_ext')} END AS ext_status,
           psych, suicide, age12, t_seal, t_done, t_return, t_cack
      FROM (${plan}) z
     ORDER BY i`;
}

export function casesSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('k.i', `case.${name}`);
  const counselor = at(c.sql.counselors, 'k.cidx');
  const summary = `CASE k.reason ${Object.entries(CLOSURE_SUMMARIES)
    .map(([reason, xs]) => `WHEN ${lit(reason)} THEN ${pick(xs, u('summary'))}`)
    .join(' ')} END`;
  return `INSERT INTO cases (id, case_number, referral_id, youth_id, provider_org_id, primary_counselor_id, pathway, status,
      status_reason, status_before_closure, opened_at, intake_completed_at, service_program_initiated_at, target_end_at,
      max_end_at, closure_requested_at, closure_requested_by, closure_reason, closure_summary, closure_approved_by,
      closed_at, outcome_class, completion_notice_sent_at, organization_id, created_by, created_at, updated_at, version,
      due_service_start_at)
    SELECT k.id,
           'C-' || ${localYear('k.opened')} || '-' ||
             lpad(k.cno::text, greatest(6, length(k.cno::text)), '0'),
           k.rid, k.yid, ${uuidLit(c.provider)}, ${counselor}, k.pathway, k.status,
           CASE k.status WHEN 'ON_HOLD' THEN ${pick(HOLD_REASONS, u('status.reason'))}
                         WHEN 'NON_COMPLIANT' THEN ${pick(NON_COMPLIANT_REASONS, u('status.reason'))} END,
           CASE WHEN k.t_req IS NOT NULL THEN k.reached END,
           ${ts('k.opened')}, ${ts('k.t_intake')}, ${ts('k.t_service')}, ${ts('k.target')}, ${ts('k.max_end')},
           ${ts('k.t_req')}, CASE WHEN k.t_req IS NOT NULL THEN ${counselor} END, k.reason,
           CASE WHEN k.t_req IS NOT NULL THEN ${summary} END,
           CASE WHEN k.t_closed IS NOT NULL THEN ${at(c.sql.supervisors, 'k.sidx')} END,
           ${ts('k.t_closed')}, k.outcome, ${ts('k.t_seal')}, ${uuidLit(c.provider)}, ${counselor}, ${ts('k.opened')},
           ${ts('greatest(k.opened, k.t_intake, k.t_assess, k.t_service, k.t_ph2, k.t_hold, k.t_nc, k.t_ext, k.t_req, k.t_closed)')},
           1 + num_nonnulls(k.t_intake, k.t_assess, k.t_service, k.t_ph1, k.t_ph2, k.t_hold, k.t_nc, k.t_ext, k.t_req, k.t_closed),
           ${dueServiceStart('k.rt')}
      FROM g_case k`;
}

export function caseEventsSql(c: Ctx): string {
  const { r } = c;
  const counselor = at(c.sql.counselors, 'k.cidx');
  const sup = at(c.sql.supervisors, 'k.sidx');
  const ev = (t: string, actor: string, from: string, to: string, action: string, detail = 'NULL') => ({
    when: `${t} IS NOT NULL`,
    e_at: t,
    e_actor: actor,
    e_from: from,
    e_to: to,
    e_action: action,
    e_detail: detail,
  });
  const rows = [
    ev('k.opened', counselor, 'NULL', `'INTAKE'`, `'open'`),
    ev('k.t_intake', counselor, `'INTAKE'`, `'ASSESSMENT'`, `'intake-completed'`),
    ev('k.t_assess', counselor, `'ASSESSMENT'`, `'PLANNING'`, `'assessment-recorded'`),
    ev('k.t_service', counselor, `'PLANNING'`, `'ACTIVE'`, `'service-started'`),
    ev(
      'k.t_ph1',
      `CASE WHEN k.ph_kind = 'ON_HOLD' THEN ${sup} ELSE ${counselor} END`,
      `'ACTIVE'`,
      'k.ph_kind',
      `CASE WHEN k.ph_kind = 'ON_HOLD' THEN 'hold' ELSE 'mark-non-compliant' END`,
    ),
    ev('k.t_ph2', counselor, 'k.ph_kind', `'ACTIVE'`, `'resume'`),
    // A current hold or non-compliance (one at most).
    ev(
      'coalesce(k.t_hold, k.t_nc)',
      `CASE WHEN k.t_hold IS NOT NULL THEN ${sup} ELSE ${counselor} END`,
      `'ACTIVE'`,
      'k.status',
      `CASE WHEN k.t_hold IS NOT NULL THEN 'hold' ELSE 'mark-non-compliant' END`,
    ),
    ev('k.t_ext', sup, 'k.ext_status', 'k.ext_status', `'update'`, `'target-extended'`),
    ev('k.t_req', counselor, 'k.reached', `'CLOSURE_REVIEW'`, `'request-closure'`, 'k.reason'),
    ev('k.t_closed', sup, `'CLOSURE_REVIEW'`, `'CLOSED'`, `'approve-closure'`, 'k.outcome'),
  ];
  return `INSERT INTO case_events (id, case_id, at, actor_id, status_from, status_to, action, detail, organization_id)
    SELECT ${r.uid('x.i * 16 + x.n', 'case_event')}, x.id, ${ts('x.e_at')}, x.e_actor, x.e_from, x.e_to, x.e_action,
           x.e_detail, ${uuidLit(c.provider)}
      FROM (SELECT k.*, e.n, ${fan('e.n', rows)}
              FROM g_case k ${fanJoin(rows.length, 'k.i')} OFFSET 0) x
     WHERE x.e_keep`;
}

/** Consents signed at enrollment, before the case opens: participation (guardian + assent), release to the police, ... */
export function consentsSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('x.i', `consent.${name}`);
  const uk = (name: string) => r.u('k.i', `consent.${name}`);
  const row = 'x.i * 8 + x.n';
  const rows = [
    { when: 'true', e_type: `'PROGRAM_PARTICIPATION'` },
    {
      when: `k.pathway = 'LE_DIVERSION_626B' OR ${uk('roi')} < 0.8`,
      e_type: `'RELEASE_OF_INFORMATION'`,
      e_counterpart: uuidLit(c.police),
      e_scope: `CASE WHEN ${uk('roi.attendance')} < 0.3
                  THEN ARRAY['ENROLLMENT_STATUS', 'COMPLETION_STATUS', 'ATTENDANCE_PARTICIPATION']
                  ELSE ARRAY['ENROLLMENT_STATUS', 'COMPLETION_STATUS'] END::text[]`,
      e_expires: localDate(`k.opened + ${365 * DAY}`),
    },
    { when: `${uk('text')} < 0.35`, e_type: `'TEXT_MESSAGING'` },
    { when: `k.theme = 'WELLBEING' OR ${uk('mental')} < 0.3`, e_type: `'MENTAL_HEALTH_TREATMENT'` },
  ];
  return `INSERT INTO consents (id, youth_id, case_id, referral_id, type, youth_assent, guardian_name, guardian_id,
      minor_self_consent_basis, signature_method, language, signed_at, expires_at, counterpart_org_id, info_scope,
      organization_id, created_by, created_at, updated_at)
    SELECT ${r.uid(row, 'consent')}, x.yid, x.id, x.rid, x.e_type, true,
           CASE WHEN NOT x.self THEN x.g1_name END, CASE WHEN NOT x.self THEN x.g1_id END,
           CASE WHEN x.self THEN ${pick(['FC_6924', 'HSC_124260'], u('basis'))} END,
           ${weighted(
             [
               ['E_SIGNATURE', 5],
               ['WET_INK_SCANNED', 4],
               ['VERBAL_WITNESSED', 1],
             ],
             u('signature'),
           )},
           CASE WHEN x.self THEN x.lang ELSE x.g1_lang END,
           ${ts(`x.opened - ${r.int('x.i', 'consent.signed', 15, 180)} * 60`)},
           x.e_expires, x.e_counterpart, coalesce(x.e_scope, '{}'::text[]), ${uuidLit(c.provider)},
           ${at(c.sql.counselors, 'x.cidx')}, ${ts('x.opened')}, ${ts('x.opened')}
      FROM (SELECT k.*, e.n, k.age12 AND ${uk('self')} < 0.03 AS self, ${fan('e.n', rows)}
              FROM g_case k ${fanJoin(rows.length, 'k.i')} OFFSET 0) x
     WHERE x.e_keep`;
}

/** Services: the first one (started = the program initiated), sometimes a second one later. */
export function servicesPlanSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('k.i * 4 + v.j', `service.${name}`);
  const uo = (name: string) => r.u('row', `service.${name}`);
  const themes = Object.keys(SERVICES_FOR);
  const svc = (n: number) =>
    `CASE k.theme ${themes.map((t) => `WHEN ${lit(t)} THEN ${lit(SERVICES_FOR[t]?.[n] ?? 'CASE_MANAGEMENT')}`).join(' ')} ELSE 'CASE_MANAGEMENT' END`;
  const serviceCodes = [...new Set([...Object.values(SERVICES_FOR).flat(), ...EXTRA_SERVICES])];
  const cap = c.cap;
  return `CREATE UNLOGGED TABLE g_svc AS
    SELECT *, ${mapCase('type', Object.fromEntries(serviceCodes.map((x) => [x, sessionType(x)])), `'CHECK_IN'`)} AS ctype,
           CASE WHEN started IS NOT NULL THEN least(coalesce(ended, work_end), ${cap - HOUR}) END AS send
      FROM (
        SELECT s.*,
               CASE WHEN started IS NULL THEN
                      CASE WHEN status_case = 'CLOSED' THEN 'DECLINED'
                           WHEN status_case = 'PLANNING' AND j = 1 AND (${uo('waitlist')} < 0.5 OR rt + ${20 * DAY} < ${cap})
                           THEN 'WAITLISTED' ELSE 'REFERRED' END
                    WHEN status_case <> 'CLOSED' THEN 'ACTIVE'
                    WHEN outcome = 'SUCCESSFUL' OR (outcome = 'ADMINISTRATIVE' AND ${uo('completed')} < 0.3) THEN 'COMPLETED'
                    ELSE 'DROPPED' END AS status,
               CASE WHEN status_case = 'CLOSED' AND started IS NOT NULL
                    THEN least(greatest(t_req - 4 * ${uo('ended')} * 86400, started + 86400), ${cap}) END AS ended
          FROM (
            SELECT k.i, v.j, k.i * 4 + v.j AS row, k.id AS cid, k.cidx, k.lang, k.g1_lang, k.g1_rel, k.psych, k.t_silent,
                   k.t_ph1, k.t_ph2, k.rt, k.status AS status_case, k.outcome, k.work_end, k.t_req, k.theme,
                   ${r.uid('k.i * 4 + v.j', 'service')} AS sid,
                   CASE WHEN v.j = 1 THEN CASE WHEN ${u('second.choice')} < 0.7 THEN ${svc(0)} ELSE ${svc(1)} END
                        WHEN ${u('extra')} < 0.5 THEN ${svc(2)} ELSE ${pick(EXTRA_SERVICES, u('extra.pick'))} END AS type,
                   CASE WHEN v.j = 1 THEN k.t_intake ELSE k.t_service + (3 + 17 * ${u('referred')}) * 86400 END AS referred,
                   CASE WHEN v.j = 1 THEN k.t_service
                        ELSE CASE WHEN ${after(`k.t_service + (3 + 17 * ${u('referred')}) * 86400`, `4 + 10 * ${u('started')}`, u('started.h'))}
                                       < least(k.work_end, ${cap - DAY})
                                  THEN ${after(`k.t_service + (3 + 17 * ${u('referred')}) * 86400`, `4 + 10 * ${u('started')}`, u('started.h'))} END
                   END AS started,
                   CASE WHEN v.j = 1 THEN 15 + ${u('every')} * 5 ELSE 21 + ${u('every')} * 7 END AS every,
                   CASE WHEN v.j = 1 THEN CASE WHEN ${u('planned')} < 0.5 THEN 6 ELSE 8 END
                        ELSE ${r.int('k.i * 4 + v.j', 'service.planned.n', 4, 6)} END AS planned
              FROM g_case k CROSS JOIN LATERAL generate_series(1, 2 + least(0, k.i)) v(j)
             WHERE k.t_intake IS NOT NULL
               AND (v.j = 1 OR (k.t_service IS NOT NULL AND ${u('second')} < 0.25
                                AND k.t_service + (3 + 17 * ${u('referred')}) * 86400 < least(k.work_end, ${cap - DAY})))
            OFFSET 0) s
      ) z
     ORDER BY i, j`;
}

export function servicesSql(c: Ctx): string {
  const partner: Record<string, string> = {
    MENTORING: 'SBCS mentoring program',
    TUTORING_ACADEMIC_SUPPORT: 'Chula Vista Public Library homework center',
    PROSOCIAL_ACTIVITY: 'City of Chula Vista Recreation',
    HOUSING_ASSISTANCE: 'SBCS housing services',
  };
  return `INSERT INTO service_enrollments (id, case_id, organization_id, created_by, created_at, service_type, provider,
      status, referred_at, started_at, ended_at, sessions_planned, updated_at)
    SELECT s.sid, s.cid, ${uuidLit(c.provider)}, ${at(c.sql.counselors, 's.cidx')}, ${ts('s.referred')},
           s.type, ${mapCase('s.type', partner, `'South Bay Community Services'`)}, s.status, ${ts('s.referred')},
           ${ts('s.started')}, ${ts('s.ended')},
           CASE WHEN s.ctype IN ('CHECK_IN', 'CASE_MANAGEMENT') THEN NULL ELSE s.planned END,
           ${ts('greatest(s.referred, s.started, s.ended)')}
      FROM g_svc s`;
}

/**
 * The sessions of every started service (a pure function of the service and the session's number, so the contact
 * and the note steps see the same sessions): one every `every` days until the work stops, skipping a past hold;
 * some missed (fewer when the case went well), none attended once a non-compliant case went silent.
 */
function sessionsSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('q.srow', `session.${name}`);
  const show = `CASE q.outcome WHEN 'UNSUCCESSFUL' THEN 0.65 WHEN 'ADMINISTRATIVE' THEN 0.8 WHEN 'SUCCESSFUL' THEN 0.9 ELSE 0.85 END`;
  const row = '(s.i * 4 + s.j) * 256 + n.k';
  // Fenced (OFFSET 0) so each session's time and attendance are computed once, not once per use.
  return `SELECT q.i, q.j, q.sid, q.cid, q.ctype, q.k, q.srow AS row, q.t, q.cidx, q.lang, q.g1_lang, q.g1_rel, q.psych,
                 NOT (q.t_silent IS NOT NULL AND q.t > q.t_silent)
                   AND ((q.status_case NOT IN ('CLOSED', 'CLOSURE_REVIEW') AND q.k = q.last) OR ${u('show')} < ${show}) AS completed
      FROM (SELECT s.*, n.k, m.last, ${row} AS srow,
                   greatest(s.started, ${wt(`s.started + (n.k * s.every + 2 * ${r.u(row, 'session.jitter')} - 1) * 86400`, r.u(row, 'session.h'))}) AS t
              FROM g_svc s
             CROSS JOIN LATERAL (SELECT floor((s.send - s.started) / (s.every * 86400))::int AS last) m
             CROSS JOIN LATERAL generate_series(0, m.last) AS n(k)
             WHERE s.started IS NOT NULL AND s.send > s.started
            OFFSET 0) q
     WHERE q.t < q.send AND NOT (q.t_ph1 IS NOT NULL AND q.t >= q.t_ph1 AND q.t < q.t_ph2)
    OFFSET 0`;
}

/** Collateral calls with the school every month or so, outside any service. */
function collateralSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('k.i', `collateral.${name}`);
  return `SELECT o.* FROM (
      SELECT k.i, k.id AS cid, n.k, k.i * 64 + n.k AS row, k.cidx, k.stop,
             ${wt('k.first + n.k * k.every * 86400', r.u('k.i * 64 + n.k', 'collateral.h'))} AS t
        FROM (SELECT k.*, k.t_service + (10 + 20 * ${u('first')}) * 86400 AS first, 35 + 25 * ${u('every')} AS every,
                     least(k.work_end, ${c.cap - DAY}) AS stop
                FROM g_case k WHERE k.t_service IS NOT NULL) k
       CROSS JOIN LATERAL generate_series(0, greatest(-1, floor((k.stop - k.first) / (k.every * 86400))::int)) AS n(k)
      OFFSET 0) o
     WHERE o.t < o.stop
    OFFSET 0`;
}

const contactColumns = `id, referral_id, case_id, occurred_at, duration_min, contact_type, modality, result, participants,
  language, interpreter_used, service_enrollment_id, organization_id, created_by, created_at`;

/** Outreach on every assigned referral: failed attempts, then the contact that reached the family (or not). */
export function outreachContactsSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('x.row', `outreach.${name}`);
  const ug = (name: string) => r.u('g.i', `outreach.${name}`);
  const modalities = `ARRAY['PHONE','TEXT','PHONE','HOME','LETTER','EMAIL']`;
  const failed = `CASE x.modality
      WHEN 'PHONE' THEN ${weighted(
        [
          ['NO_ANSWER', 5],
          ['LEFT_MESSAGE', 5],
          ['WRONG_NUMBER', 0.4],
        ],
        u('result'),
      )}
      WHEN 'HOME' THEN 'NO_ANSWER' ELSE 'LEFT_MESSAGE' END`;
  // Failed attempts spread between the assignment and the contact that reached the family (or the decision that
  // it could not be reached: >= 3 attempts over >= 2 modalities), in working hours, in order.
  const attemptAt = `least(greatest(${wt(`x.t_asg + 3600 + (x.hi - x.t_asg - 4200) * (x.k - 1 + ${u('t')}) / x.failures`, u('t.h'))},
                                   x.t_asg + 3600), x.hi - 600)`;
  return `INSERT INTO contacts (${contactColumns})
    SELECT ${r.uid('x.row', 'contact.outreach')}, x.id, NULL, ${ts('x.t')},
           CASE WHEN x.reached THEN CASE WHEN x.modality = 'HOME' THEN 30 + 15 * (${u('duration')} < 0.5)::int
                                         ELSE 10 + 5 * floor(${u('duration')} * 4)::int END
                WHEN x.modality = 'HOME' THEN 15 + 5 * floor(${u('duration')} * 3)::int
                WHEN x.modality = 'PHONE' THEN 2 + floor(${u('duration')} * 4)::int END,
           'OUTREACH_ATTEMPT', x.modality, CASE WHEN x.reached THEN 'COMPLETED' ELSE ${failed} END,
           CASE WHEN NOT x.reached THEN '{}'::text[] WHEN ${u('participants')} < 0.5 THEN ARRAY['GUARDIAN','YOUTH']
                ELSE ARRAY['GUARDIAN'] END,
           x.g1_lang, x.reached AND x.g1_lang <> 'en' AND ${u('interpreter')} < 0.5, NULL, ${uuidLit(c.provider)},
           ${at(c.sql.counselors, 'x.cidx')}, ${ts(`least(x.t + ${r.int('x.row', 'outreach.entered', 5, 120)} * 60, ${c.cap})`)}
      FROM (SELECT x.*,
                   CASE WHEN x.reached THEN x.hi ELSE ${attemptAt} END AS t,
                   CASE WHEN x.reached THEN CASE WHEN ${u('home')} < 0.25 THEN 'HOME' ELSE 'PHONE' END
                        WHEN x.k = 1 THEN 'PHONE'
                        WHEN x.k = 2 AND x.t_unable IS NOT NULL THEN CASE WHEN ${u('second')} < 0.5 THEN 'TEXT' ELSE 'HOME' END
                        ELSE (${modalities})[1 + floor(${u('modality')} * 6)::int] END AS modality
              FROM (SELECT g.i, g.id, g.cidx, g.g1_lang, g.t_asg, g.t_unable, g.hi, f.failures, n.k, g.i * 8 + n.k AS row,
                           n.k > f.failures AS reached
                      FROM (SELECT g.*,
                                   CASE WHEN g.t_con IS NOT NULL THEN greatest(g.t_con - ${r.int('g.i', 'outreach.reached', 5, 90)} * 60, g.t_asg + 600)
                                        WHEN g.t_unable IS NOT NULL THEN least(g.t_unable - 1800, g.t_asg + ${12 * DAY})
                                        WHEN g.status = 'WITHDRAWN' AND g.wstage = 'OUTREACH' THEN g.t_wd
                                        ELSE ${c.cap - HOUR} END AS hi,
                                   CASE WHEN g.t_unable IS NOT NULL THEN 3 + floor(${ug('n')} * 3)::int
                                        ELSE floor(${ug('n')} * 3)::int END AS attempts
                              FROM g_ref g
                             WHERE g.t_asg IS NOT NULL
                               AND (g.t_con IS NOT NULL OR g.t_unable IS NOT NULL OR g.status = 'OUTREACH'
                                    OR (g.status = 'WITHDRAWN' AND g.wstage = 'OUTREACH'))
                            OFFSET 0) g
                     CROSS JOIN LATERAL (SELECT CASE WHEN g.hi - g.t_asg > ${3 * HOUR} OR g.t_unable IS NOT NULL
                                                     THEN g.attempts ELSE 0 END AS failures) f
                     CROSS JOIN LATERAL generate_series(1, f.failures + CASE WHEN g.t_con IS NOT NULL THEN 1 ELSE 0 END) AS n(k)
                    OFFSET 0) x
            OFFSET 0) x`;
}

/** The intake and assessment meetings, the sessions of every service and the collateral calls. */
export function caseContactsSql(c: Ctx): string {
  const { r } = c;
  const provider = uuidLit(c.provider);
  const counselor = (idx: string) => at(c.sql.counselors, idx);
  const us = (name: string) => r.u('s.row', `session.${name}`);
  const meetingU = (name: string) => r.u('m.i * 4 + m.n', `meeting.${name}`);
  return `INSERT INTO contacts (${contactColumns})
    SELECT ${r.uid('m.i * 4 + m.n', 'contact.meeting')}, NULL::uuid, m.id, ${ts('m.t')},
           CASE WHEN m.n = 1 THEN 60 + 15 * floor(${meetingU('duration')} * 3)::int ELSE 45 + 15 * floor(${meetingU('duration')} * 3)::int END,
           m.type,
           CASE WHEN m.n = 1 THEN ${weighted(
             [
               ['OFFICE', 5],
               ['HOME', 3],
               ['SCHOOL', 2],
               ['VIDEO', 1],
             ],
             meetingU('modality'),
           )} ELSE ${pick(['OFFICE', 'SCHOOL'], meetingU('modality'))} END,
           'COMPLETED',
           CASE WHEN m.n = 1 THEN ARRAY['YOUTH','GUARDIAN'] ELSE ARRAY['YOUTH'] END,
           CASE WHEN m.n = 1 THEN m.g1_lang ELSE m.lang END,
           m.n = 1 AND m.g1_lang <> 'en' AND ${meetingU('interpreter')} < 0.6, NULL::uuid, ${provider}, ${counselor('m.cidx')},
           ${ts(`least(m.t + ${r.int('m.i * 4 + m.n', 'meeting.entered', 10, 240)} * 60, ${c.cap})`)}
      FROM (SELECT k.i, k.id, k.cidx, k.lang, k.g1_lang, e.n,
                   CASE e.n WHEN 1 THEN k.t_intake ELSE k.t_assess END AS t,
                   CASE e.n WHEN 1 THEN 'INTAKE' ELSE 'ASSESSMENT' END AS type
              FROM g_case k ${fanJoin(2, 'k.i')} OFFSET 0) m
     WHERE m.t IS NOT NULL
    UNION ALL
    SELECT ${r.uid('s.row', 'contact.session')}, NULL, s.cid, ${ts('s.t')},
           CASE WHEN NOT s.completed THEN NULL
                WHEN s.ctype = 'CHECK_IN' THEN ${weighted(
                  [
                    ['15', 1],
                    ['20', 1],
                    ['30', 1],
                  ],
                  us('duration'),
                  'int',
                )}
                WHEN s.ctype = 'GROUP_SESSION' THEN 90
                ELSE ${weighted(
                  [
                    ['45', 1],
                    ['50', 2],
                    ['60', 1],
                  ],
                  us('duration'),
                  'int',
                )} END,
           s.ctype,
           CASE s.ctype WHEN 'CHECK_IN' THEN ${pick(['PHONE', 'SCHOOL', 'TEXT'], us('modality'))}
                        WHEN 'CASE_MANAGEMENT' THEN ${pick(['SCHOOL', 'OFFICE', 'PHONE'], us('modality'))}
                        WHEN 'COUNSELING_FAMILY' THEN ${pick(['OFFICE', 'HOME', 'VIDEO'], us('modality'))}
                        ELSE ${pick(['OFFICE', 'SCHOOL', 'SCHOOL', 'VIDEO'], us('modality'))} END,
           CASE WHEN s.completed THEN 'COMPLETED' ELSE ${weighted(
             [
               ['NO_SHOW', 6],
               ['CANCELLED_FAMILY', 3],
               ['CANCELLED_STAFF', 1],
             ],
             us('result'),
           )} END,
           CASE s.ctype WHEN 'COUNSELING_FAMILY' THEN ARRAY['YOUTH','GUARDIAN'] WHEN 'CASE_MANAGEMENT' THEN ARRAY['YOUTH','SCHOOL_STAFF']
                ELSE ARRAY['YOUTH'] END,
           CASE WHEN s.ctype = 'COUNSELING_FAMILY' THEN s.g1_lang ELSE s.lang END,
           s.ctype = 'COUNSELING_FAMILY' AND s.g1_lang <> 'en' AND ${us('interpreter')} < 0.6,
           s.sid, ${provider}, ${counselor('s.cidx')}, ${ts(`least(s.t + ${r.int('s.row', 'session.entered', 10, 240)} * 60, ${c.cap})`)}
      FROM (${sessionsSql(c)}) s
    UNION ALL
    SELECT ${r.uid('o.row', 'contact.collateral')}, NULL, o.cid, ${ts('o.t')},
           10 + 5 * floor(${r.u('o.row', 'collateral.duration')} * 3)::int, 'COLLATERAL', 'PHONE', 'COMPLETED',
           ARRAY['SCHOOL_STAFF'], 'en', false, NULL, ${provider}, ${counselor('o.cidx')},
           ${ts(`least(o.t + ${r.int('o.row', 'collateral.entered', 10, 240)} * 60, ${c.cap})`)}
      FROM (${collateralSql(c)}) o`;
}

/** A sanitized-looking note body: the text in a paragraph, sometimes a plan in a second one. */
const body = (text: string, u: string, planU: string) =>
  `'<p>' || ${text} || '</p>' || CASE WHEN ${u} < 0.3 THEN '<p>' || ${pick(NOTE_PLANS, planU)} || '</p>' ELSE '' END`;

const fill = (text: string, k: string) =>
  `replace(replace(${text}, '{guardian}', ${mapCase(`${k}.g1_rel`, GUARDIAN_WORD, `'guardian'`)}), '{language}', ${mapCase(
    `${k}.g1_lang`,
    LANGUAGE_NAME,
    `'English'`,
  )})`;

const noteColumns = 'id, case_id, kind, body, author_id, amends_id, organization_id, created_at';

/** Notes: intake, assessment (clinical, safety, psychotherapy), some sessions and calls, holds, closure; amendments. */
export function notesSql(c: Ctx): string {
  const { r } = c;
  const provider = uuidLit(c.provider);
  const ux = (name: string) => r.u('x.i * 16 + x.n', `note.${name}`);
  const us = (name: string) => r.u('s.row', `note.session.${name}`);
  const uo = (name: string) => r.u('o.row', `note.collateral.${name}`);
  const counselor = (idx: string) => at(c.sql.counselors, idx);
  const sup = at(c.sql.supervisors, 'k.sidx');
  const sessionText = `CASE WHEN s.psych AND s.ctype = 'COUNSELING_INDIVIDUAL' AND ${us('psychotherapy')} < 0.3
        THEN ${pick(PSYCHOTHERAPY_NOTES, us('text'))}
      WHEN s.ctype IN ('COUNSELING_INDIVIDUAL', 'COUNSELING_FAMILY') AND ${us('clinical')} < 0.2 THEN ${pick(CLINICAL_NOTES, us('text'))}
      ELSE CASE s.ctype ${Object.entries(SESSION_NOTES)
        .filter(([, xs]) => xs.length)
        .map(([type, xs]) => `WHEN ${lit(type)} THEN ${pick(xs, us('text'))}`)
        .join(' ')} END END`;
  const sessionKind = `CASE WHEN s.psych AND s.ctype = 'COUNSELING_INDIVIDUAL' AND ${us('psychotherapy')} < 0.3 THEN 'PSYCHOTHERAPY'
      WHEN s.ctype IN ('COUNSELING_INDIVIDUAL', 'COUNSELING_FAMILY') AND ${us('clinical')} < 0.2 THEN 'CLINICAL'
      ELSE 'CASE_NOTE' END`;
  const intakeAt = `k.t_intake + floor((1 + 2 * ${r.u('k.i', 'note.intake.at')}) * 3600)`;
  const rows0 = [
    {
      e_at: intakeAt,
      e_kind: `'CASE_NOTE'`,
      e_text: pick(INTAKE_NOTES, r.u('k.i', 'note.intake')),
      e_author: counselor('k.cidx'),
    },
    {
      e_at: `CASE WHEN k.suicide OR ${r.u('k.i', 'note.clinical')} < 0.5 THEN k.t_assess + 3 * 3600 END`,
      e_kind: `'CLINICAL'`,
      e_text: `CASE WHEN k.suicide THEN ${pick(SAFETY_NOTES, r.u('k.i', 'note.safety'))} ELSE ${lit(CLINICAL_NOTES[0] ?? '')} END`,
      e_author: counselor('k.cidx'),
    },
    {
      e_at: 'CASE WHEN k.psych THEN k.t_assess + 4 * 3600 END',
      e_kind: `'PSYCHOTHERAPY'`,
      e_text: pick(PSYCHOTHERAPY_NOTES, r.u('k.i', 'note.psychotherapy')),
      e_author: counselor('k.cidx'),
    },
    {
      // The supervisor's note on a hold, past or current (a case has one at most).
      e_at: `coalesce(CASE WHEN k.ph_kind = 'ON_HOLD' THEN k.t_ph1 END, k.t_hold) + 3600`,
      e_kind: `'CASE_NOTE'`,
      e_text: pick(HOLD_NOTES, r.u('k.i', 'note.hold')),
      e_author: sup,
    },
    {
      e_at: 'k.t_req - 1800',
      e_kind: `'CASE_NOTE'`,
      e_text: pick(CLOSURE_NOTES, r.u('k.i', 'note.closure')),
      e_author: counselor('k.cidx'),
    },
    {
      e_at: `CASE WHEN ${r.u('k.i', 'note.amend')} < 0.04 AND k.t_intake IS NOT NULL
                  THEN ${intakeAt} + floor((0.5 + 2.5 * ${r.u('k.i', 'note.amend.at')}) * 86400) END`,
      e_kind: `'CASE_NOTE'`,
      e_text: pick(AMENDMENTS, r.u('k.i', 'note.amendment')),
      e_author: counselor('k.cidx'),
      e_amends: r.uid('k.i * 16 + 1', 'note'),
    },
  ];
  const rows = rows0.map((x) => ({ ...x, when: `(${x.e_at}) < ${c.cap}` }));
  return `INSERT INTO notes (${noteColumns})
    SELECT ${r.uid('x.i * 16 + x.n', 'note')}, x.id, x.e_kind, ${body(fill('x.e_text', 'x'), ux('plan'), ux('plan.text'))},
           x.e_author, x.e_amends, ${provider}, ${ts('x.e_at')}
      FROM (SELECT k.*, e.n, ${fan('e.n', rows)}
              FROM g_case k ${fanJoin(rows.length, 'k.i')} OFFSET 0) x
     WHERE x.e_keep
    UNION ALL
    SELECT ${r.uid('s.row', 'note.session')}, s.cid, ${sessionKind},
           ${body(fill(sessionText, 's'), us('plan'), us('plan.text'))}, ${counselor('s.cidx')}, NULL, ${provider},
           ${ts(`s.t + floor((1 + 3 * ${us('at')}) * 3600)`)}
      FROM (${sessionsSql(c)}) s
     WHERE s.completed AND ${us('has')} < 0.5 AND s.t + floor((1 + 3 * ${us('at')}) * 3600) < ${c.cap}
    UNION ALL
    SELECT ${r.uid('o.row', 'note.collateral')}, o.cid, 'CASE_NOTE',
           ${body(pick(COLLATERAL_NOTES, uo('text')), uo('plan'), uo('plan.text'))}, ${counselor('o.cidx')}, NULL, ${provider},
           ${ts('o.t + 3600')}
      FROM (${collateralSql(c)}) o
     WHERE ${uo('has')} < 0.5 AND o.t + 3600 < ${c.cap}`;
}

/** The case plan: two or three goals in the domains of the referral's reasons, their progress by the case's fate. */
export function goalsSql(c: Ctx): string {
  const { r } = c;
  const row = 'k.i * 4 + g.n';
  const u = (name: string) => r.u(row, `goal.${name}`);
  const domains = `CASE k.theme ${Object.entries(GOAL_DOMAINS_FOR)
    .map(([t, xs]) => `WHEN ${lit(t)} THEN ${textArray(xs)}`)
    .join(' ')} ELSE ${textArray(GOAL_DOMAINS_FOR.PEERS ?? [])} END`;
  const description = `CASE d.domain ${Object.entries(GOALS)
    .map(([domain, xs]) => `WHEN ${lit(domain)} THEN ${pick(xs, u('text'))}`)
    .join(' ')} END`;
  return `INSERT INTO goals (id, case_id, organization_id, created_by, created_at, domain, description, due_at, status,
                             updated_at, version)
    SELECT ${r.uid(row, 'goal')}, k.id, ${uuidLit(c.provider)}, ${at(c.sql.counselors, 'k.cidx')},
           ${ts('k.t_plan')}, d.domain, ${description}, ${localDate(`k.opened + (75 + 15 * ${u('due')}) * 86400`)}, s.status,
           ${ts(`CASE WHEN s.status = 'NOT_STARTED' THEN k.t_plan
                     ELSE greatest(k.t_plan, least(coalesce(k.t_closed, ${c.cap} - floor((1 + 9 * ${u('updated')}) * 86400)), ${c.cap})) END`)},
           CASE WHEN s.status = 'NOT_STARTED' THEN 1 ELSE 2 END
      FROM (SELECT k.*, 2 + (${r.u('k.i', 'goal.count')} < 0.5)::int AS goals,
                   (least(k.work_end, ${c.cap}) - k.opened) / ${90 * DAY} AS elapsed
              FROM g_case k WHERE k.t_plan IS NOT NULL) k
     CROSS JOIN LATERAL generate_series(1, k.goals) AS g(n)
     CROSS JOIN LATERAL (SELECT (${domains})[g.n] AS domain) d
     CROSS JOIN LATERAL (SELECT CASE
         WHEN k.status = 'PLANNING' THEN 'NOT_STARTED'
         WHEN k.outcome = 'SUCCESSFUL' THEN
           CASE WHEN k.reason = 'COMPLETED_MOST_GOALS' AND g.n = k.goals THEN 'PARTIALLY_ACHIEVED' ELSE 'ACHIEVED' END
         WHEN k.outcome = 'UNSUCCESSFUL' THEN ${pick(['NOT_ACHIEVED', 'PARTIALLY_ACHIEVED', 'DISCONTINUED'], u('status'))}
         WHEN k.outcome IS NOT NULL THEN ${pick(['DISCONTINUED', 'DISCONTINUED', 'PARTIALLY_ACHIEVED', 'ACHIEVED'], u('status'))}
         WHEN k.elapsed < 0.3 THEN CASE WHEN ${u('status')} < 0.5 THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END
         WHEN ${u('status')} < k.elapsed * 0.45 THEN 'ACHIEVED' ELSE 'IN_PROGRESS' END AS status) s`;
}

/** Intake screenings (risk/needs, suicide, depression, anxiety, substance use) and the exit survey. */
export function assessmentsSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('k.i', `assessment.${name}`);
  const yasi = YASI_DOMAINS;
  const levelOf = (total: string) =>
    `CASE WHEN ${total} <= 7 THEN 'LOW' WHEN ${total} <= 12 THEN 'MODERATE' WHEN ${total} <= 17 THEN 'MODERATE_HIGH' ELSE 'HIGH' END`;
  const offense = `k.pathway = ANY(${OFFENSE})`;
  const sup = at(c.sql.supervisors, 'k.sidx');
  const rows = [
    {
      when: 'true',
      e_instrument: `CASE WHEN ${offense} THEN 'YASI_PRESCREEN' ELSE 'PROGRAM_INTAKE' END`,
      e_timing: `'INTAKE'`,
      e_at: 'k.t_assess',
      e_level: `CASE WHEN ${offense} THEN ${levelOf('k.yasi_total')}
                     WHEN (k.s1 <= 2)::int + (k.s2 <= 2)::int + (k.s3 <= 2)::int + (k.s4 <= 2)::int >= 3 THEN 'MODERATE_HIGH'
                     WHEN least(k.s1, k.s2, k.s3, k.s4) <= 2 THEN 'MODERATE' ELSE 'LOW' END`,
      e_total: `CASE WHEN ${offense} THEN k.yasi_total END::numeric`,
      e_scores: `CASE WHEN ${offense} THEN jsonb_build_object(${yasi.map((d, n) => `${lit(d)}, k.d${n}`).join(', ')})
                      ELSE jsonb_build_object('school_engagement', k.s1, 'family_support', k.s2,
                                              'peer_relationships', k.s3, 'wellbeing', k.s4) END`,
      e_flags: `CASE WHEN ${offense} THEN '{}'::text[]
                     WHEN 'HOUSING_INSTABILITY' = ANY(k.codes) THEN ARRAY['HOUSING_INSTABILITY']
                     WHEN 'EXPOSURE_TO_VIOLENCE' = ANY(k.codes) THEN ARRAY['TRAUMA'] ELSE '{}'::text[] END`,
      e_override: `CASE WHEN ${offense} AND ${u('override')} < 0.05 THEN
                     CASE ${levelOf('k.yasi_total')} WHEN 'LOW' THEN 'MODERATE' WHEN 'MODERATE' THEN 'MODERATE_HIGH' ELSE 'HIGH' END END`,
    },
    {
      when: 'true',
      e_instrument: `'CSSRS_SCREEN'`,
      e_timing: `'INTAKE'`,
      e_at: 'k.t_assess + 1200',
      e_level: `CASE WHEN k.suicide THEN 'MODERATE_HIGH' ELSE 'LOW' END`,
      e_total: `CASE WHEN k.suicide THEN 3 ELSE 0 END::numeric`,
      e_scores: `jsonb_build_object('wish_to_be_dead', k.suicide::int, 'active_ideation', k.suicide::int,
                                    'method', k.suicide::int, 'intent', 0, 'plan', 0, 'behavior_3_months', 0)`,
      e_flags: `CASE WHEN k.suicide THEN ARRAY['SUICIDE_RISK'] ELSE '{}'::text[] END`,
    },
    {
      when: `k.suicide OR k.theme = 'WELLBEING' OR ${u('phq.has')} < 0.45`,
      e_instrument: `'PHQ_A'`,
      e_timing: `'INTAKE'`,
      e_at: 'k.t_assess + 2100',
      e_level: `CASE WHEN k.phq >= 20 THEN 'HIGH' WHEN k.phq >= 15 THEN 'MODERATE_HIGH' WHEN k.phq >= 10 THEN 'MODERATE' ELSE 'LOW' END`,
      e_total: 'k.phq::numeric',
    },
    {
      when: `${u('gad.has')} < 0.25`,
      e_instrument: `'GAD_7'`,
      e_timing: `'INTAKE'`,
      e_at: 'k.t_assess + 2700',
      e_level: `CASE WHEN k.gad >= 15 THEN 'HIGH' WHEN k.gad >= 10 THEN 'MODERATE' ELSE 'LOW' END`,
      e_total: 'k.gad::numeric',
    },
    {
      when: `k.theme = 'SUBSTANCE'`,
      e_instrument: `'CRAFFT'`,
      e_timing: `'INTAKE'`,
      e_at: 'k.t_assess + 3000',
      e_level: `CASE WHEN k.crafft >= 4 THEN 'HIGH' WHEN k.crafft >= 2 THEN 'MODERATE' ELSE 'LOW' END`,
      e_total: 'k.crafft::numeric',
      e_scores: `jsonb_build_object('part_a_days_use', ${r.int('k.i', 'assessment.crafft.days', 1, 30)}, 'part_b_score', k.crafft)`,
      e_flags: `CASE WHEN k.crafft >= 2 THEN ARRAY['SUBSTANCE_USE'] ELSE '{}'::text[] END`,
    },
    {
      when: `k.outcome = 'SUCCESSFUL'`,
      e_instrument: `'PRE_POST_SURVEY'`,
      e_timing: `'EXIT'`,
      e_at: `greatest(k.t_assess + 86400, k.t_req - floor((1 + 5 * ${u('exit.at')}) * 86400))`,
      e_level: `'NA'`,
      e_scores: `jsonb_build_object('self_control', ${r.int('k.i', 'assessment.exit.1', 3, 5)},
                                    'school_connectedness', ${r.int('k.i', 'assessment.exit.2', 3, 5)},
                                    'hope', ${r.int('k.i', 'assessment.exit.3', 3, 5)})`,
    },
  ];
  const scores = yasi.map(
    (d, n) => `least(3, floor(${u(`yasi.${d}`)} * (1.2 + ${u('risk')} * 3)))::int AS d${n}`,
  );
  return `INSERT INTO assessments (id, case_id, organization_id, created_by, created_at, instrument, timing, administered_at,
      overall_level, total_score, domain_scores, flags, override_level, override_reason, override_approved_by,
      override_approved_at, version)
    SELECT ${r.uid('x.i * 8 + x.n', 'assessment')}, x.id, ${uuidLit(c.provider)}, ${at(c.sql.counselors, 'x.cidx')},
           ${ts('x.e_at')}, x.e_instrument, x.e_timing, ${ts('x.e_at')}, x.e_level, x.e_total,
           coalesce(x.e_scores, '{}'::jsonb), coalesce(x.e_flags, '{}'::text[]), x.e_override,
           CASE WHEN x.e_override IS NOT NULL THEN 'Counselor judgment: recent peer group changes not captured by the prescreen.' END,
           CASE WHEN x.e_override IS NOT NULL THEN x.e_approver END,
           ${ts(`CASE WHEN x.e_override IS NOT NULL THEN least(x.e_at + floor((0.5 + 2.5 * ${r.u('x.i', 'assessment.override.at')}) * 86400), ${c.cap}) END`)},
           CASE WHEN x.e_override IS NOT NULL THEN 2 ELSE 1 END
      FROM (SELECT k.*, e.n, ${sup} AS e_approver, ${fan('e.n', rows)}
              FROM (SELECT k.*, ${yasi.map((_, n) => `d${n}`).join(' + ')} AS yasi_total
                      FROM (SELECT k.*, ${scores.join(', ')},
                                   ${r.int('k.i', 'assessment.s1', 1, 5)} AS s1, ${r.int('k.i', 'assessment.s2', 1, 5)} AS s2,
                                   ${r.int('k.i', 'assessment.s3', 1, 5)} AS s3, ${r.int('k.i', 'assessment.s4', 1, 5)} AS s4,
                                   CASE WHEN k.suicide THEN 15 + floor(${u('phq')} * 5)::int
                                        ELSE floor(power(${u('phq')}, 1.6) * 22)::int END AS phq,
                                   floor(power(${u('gad')}, 1.5) * 19)::int AS gad,
                                   floor(${u('crafft')} * 6)::int AS crafft
                              FROM g_case k WHERE k.t_assess IS NOT NULL OFFSET 0) k OFFSET 0) k
             ${fanJoin(rows.length, 'k.i')} OFFSET 0) x
     WHERE x.e_keep AND x.e_at <= ${c.cap}`;
}

/** WIC 652.5 constructive assignments on police and probation cases: hours, restitution, letters. */
export function accountabilitySql(c: Ctx): string {
  const { r } = c;
  const row = 'x.i * 8 + x.n';
  const u = (name: string) => r.u(row, `item.${name}`);
  const uk = (name: string) => r.u('k.i', `item.${name}`);
  const rows = [
    {
      when: `${uk('service')} < 0.7`,
      e_type: `'COMMUNITY_SERVICE_HOURS'`,
      e_required: `(2 * ${r.int('k.i', 'item.hours', 4, 15)})::numeric`,
    },
    {
      when: 'k.restitution IS NOT NULL',
      e_type: `'RESTITUTION_USD'`,
      e_required: 'least(1500, round(coalesce(k.restitution, 0)))',
    },
    {
      when: `k.victim OR ${uk('letter')} < 0.35`,
      e_type: `'APOLOGY_LETTER'`,
      e_required: '1::numeric',
    },
    {
      when: `k.theme = 'SUBSTANCE' AND ${uk('drug')} < 0.7`,
      e_type: `'DRUG_EDUCATION_HOURS'`,
      e_required: `(4 + 2 * floor(${uk('drug.hours')} * 3))::numeric`,
    },
    {
      when: `k.theme = 'PROPERTY' AND ${uk('repair')} < 0.25`,
      e_type: `'REPAIR_PROPERTY'`,
      e_required: '4::numeric',
    },
    {
      when: `k.victim AND ${uk('restorative')} < 0.3`,
      e_type: `'RESTORATIVE_AGREEMENT_ITEM'`,
      e_required: '1::numeric',
    },
  ];
  return `INSERT INTO accountability_items (id, case_id, organization_id, created_by, created_at, type, description,
      required_amount, completed_amount, due_at, verified_by, verified_at, updated_at, version)
    SELECT ${r.uid(row, 'item')}, x.id, ${uuidLit(c.provider)}, ${at(c.sql.counselors, 'x.cidx')},
           ${ts('x.t_plan')}, x.e_type, ${mapCase('x.e_type', ACCOUNTABILITY_TEXT)}, x.e_required, x.done,
           ${localDate(`x.opened + ${80 * DAY}`)},
           CASE WHEN x.verified THEN CASE WHEN ${u('verifier')} < 0.7 THEN ${at(c.sql.counselors, 'x.cidx')}
                                         ELSE ${at(c.sql.supervisors, 'x.sidx')} END END,
           ${ts('x.verified_at')},
           ${ts(`greatest(x.t_plan, coalesce(x.verified_at, least(coalesce(x.t_closed, ${c.cap} - 86400), ${c.cap - HOUR})))`)},
           CASE WHEN x.done > 0 THEN 2 ELSE 1 END
      FROM (SELECT x.*, CASE WHEN x.verified THEN greatest(x.t_plan, least(coalesce(x.t_req, ${c.cap})
                          - floor((1 + 9 * ${u('verified.at')}) * 86400), ${c.cap - HOUR})) END AS verified_at
              FROM (SELECT x.*, x.done >= x.e_required AND (x.outcome = 'SUCCESSFUL' OR ${u('verified')} < 0.6) AS verified
                      FROM (SELECT x.*, CASE
                                   WHEN x.outcome = 'SUCCESSFUL' THEN x.e_required
                                   WHEN x.t_closed IS NOT NULL THEN floor(x.e_required * 0.6 * ${u('done')}::numeric)
                                   ELSE least(x.e_required, round(x.e_required * least(1, x.elapsed * (0.6 + 0.7 * ${u('done')}))::numeric))
                                 END AS done
                              FROM (SELECT k.*, e.n, (least(k.work_end, ${c.cap}) - k.opened) / ${90 * DAY} AS elapsed,
                                           ${fan('e.n', rows)}
                                      FROM g_case k ${fanJoin(rows.length, 'k.i')}
                                     WHERE k.t_plan IS NOT NULL AND k.status <> 'PLANNING' AND k.pathway = ANY(${OFFENSE})) x
                             WHERE x.e_keep OFFSET 0) x OFFSET 0) x OFFSET 0) x`;
}

/** The 6- and 12-month follow-ups of closed cases; a later police referral of the youth in the window fills one in. */
export function followUpsSql(c: Ctx): string {
  const { r } = c;
  const u = (name: string) => r.u('f.row', `follow_up.${name}`);
  const plan = stages(
    `SELECT k.i * 2 + w.n AS row, k.id, k.yid, k.sidx, k.t_closed, k.outcome, k.reason, k.next_id, k.next_rt,
            k.next_pathway, w.name,
            k.t_closed + ((${localDate('k.t_closed')} + make_interval(months => w.months))::date
                          - ${localDate('k.t_closed')}) * 86400 AS due
       FROM g_case k
      CROSS JOIN LATERAL (SELECT n, CASE n WHEN 1 THEN 'M6' ELSE 'M12' END AS name, (6 * n)::int AS months
                            FROM generate_series(1, 2 + least(0, k.i)) n) w
      WHERE k.t_closed IS NOT NULL`,
    [
      // A later police referral of the youth within the window fills the follow-up in.
      `CASE WHEN next_rt > t_closed AND next_rt <= due AND next_rt < ${c.cap} AND next_pathway = ANY(${OFFENSE})
            THEN next_id END AS linked`,
      `CASE WHEN linked IS NOT NULL THEN 'DONE'
            WHEN due < ${c.cap - 30 * DAY} THEN
              CASE WHEN reason IN ('MOVED', 'UNABLE_TO_LOCATE') THEN 'UNABLE'
                   WHEN ${r.u('s1.row', 'follow_up.done')} < 0.92 THEN 'DONE' ELSE 'PENDING' END
            WHEN due < ${c.cap} AND ${r.u('s1.row', 'follow_up.done')} < 0.5 THEN 'DONE'
            ELSE 'PENDING' END AS status`,
      `CASE WHEN linked IS NOT NULL THEN next_rt
            WHEN status <> 'PENDING' THEN least(due + floor((14 * ${r.u('s2.row', 'follow_up.done.at')} - 10) * 86400), ${c.cap - HOUR}) END AS done`,
    ],
  );
  return `INSERT INTO follow_ups (id, case_id, organization_id, created_by, created_at, youth_id, "window", due_at, status,
      completed_at, new_le_contact, attendance_rate, suspensions, linked_referral_id, updated_at, version)
    SELECT ${r.uid('f.row', 'follow_up')}, f.id, ${uuidLit(c.provider)}, ${at(c.sql.supervisors, 'f.sidx')},
           ${ts('f.t_closed')}, f.yid, f.name, ${ts('f.due')}, f.status, ${ts('f.done')},
           CASE WHEN f.status = 'UNABLE' THEN 'UNKNOWN' WHEN f.status = 'PENDING' THEN NULL
                WHEN f.linked IS NOT NULL THEN 'COUNSEL_RELEASE'
                WHEN f.outcome = 'UNSUCCESSFUL' THEN ${weighted(
                  [
                    ['NONE', 70],
                    ['COUNSEL_RELEASE', 5],
                    ['CITATION', 15],
                    ['ARREST', 2],
                    ['PROBATION_REFERRAL', 1],
                  ],
                  u('new.contact'),
                )}
                ELSE ${weighted(
                  [
                    ['NONE', 88],
                    ['COUNSEL_RELEASE', 5],
                    ['CITATION', 5],
                    ['ARREST', 2],
                    ['PROBATION_REFERRAL', 1],
                  ],
                  u('new.contact'),
                )} END,
           CASE WHEN f.status = 'DONE' THEN round((68 + 31 * ${u('attendance')})::numeric, 2) END,
           CASE WHEN f.status = 'DONE' THEN ${weighted(
             [
               ['0', 8],
               ['1', 2],
               ['2', 1],
             ],
             u('suspensions'),
             'int',
           )} END,
           f.linked, ${ts('coalesce(f.done, f.t_closed)')}, CASE WHEN f.status = 'PENDING' THEN 1 ELSE 2 END
      FROM (${plan} OFFSET 0) f`;
}

/** Letters to the police: acknowledgments, returns, the 20-day notice, enrollment and WIC 827.95 completion. */
export function noticesSql(c: Ctx): string {
  const { r } = c;
  const iso = isoText;
  const returnFacts = (decided: string) =>
    `jsonb_build_object('informational', CASE WHEN g.pathway = 'LE_DIVERSION_626B' THEN 'false' ELSE 'true' END,
                        'pathway', g.pathway, 'receivedAt', ${iso('g.rt')}, 'decidedAt', ${iso(decided)})`;
  const due = `g.rt + ${20 * DAY}`;
  const stop = `CASE WHEN k.i IS NOT NULL THEN coalesce(k.t_service, k.t_closed, ${c.now})
                     WHEN g.status IN ('SUBMITTED', 'NEEDS_INFO', 'TRIAGE', 'OUTREACH', 'CONSENT_PENDING') THEN ${c.now}
                     ELSE g.t_final END`;
  const sup = at(c.sql.supervisors, 'g.sidx');
  const counselor = at(c.sql.counselors, 'g.cidx');
  const caseSup = at(c.sql.supervisors, 'k.sidx');
  const rows = [
    {
      when: 'g.t_tri IS NOT NULL',
      e_type: `'REFERRAL_ACK'`,
      e_at: 'g.t_tri',
      e_author: sup,
      e_facts: `jsonb_build_object('receivedAt', ${iso('g.rt')}, 'dueServiceStartAt', ${iso(due)}, 'acknowledgedAt', ${iso('g.t_tri')})`,
    },
    {
      // A decision returned to the officer: ineligible, declined or unreachable, or an unsuccessful diversion case.
      when: `g.status IN ('INELIGIBLE', 'DECLINED', 'UNABLE_TO_CONTACT') OR k.t_return IS NOT NULL`,
      e_type: `CASE WHEN g.status = 'INELIGIBLE' THEN 'INELIGIBLE_RETURN' ELSE 'UNSUCCESSFUL_RETURN' END`,
      e_at: 'coalesce(k.t_return, g.t_final)',
      e_case: 'CASE WHEN k.t_return IS NOT NULL THEN k.id END',
      e_author: `CASE WHEN g.status = 'INELIGIBLE' THEN ${sup} WHEN k.t_return IS NOT NULL THEN ${caseSup} ELSE ${counselor} END`,
      e_facts: `CASE WHEN k.t_return IS NOT NULL
                     THEN jsonb_build_object('outcome', 'CASE_UNSUCCESSFUL', 'closedAt', ${localDate('k.t_return')}::text)
                     WHEN g.status = 'INELIGIBLE'
                     THEN ${returnFacts('g.t_final')} || jsonb_build_object('failures', array_to_string(g.failures, ','))
                     ELSE ${returnFacts('g.t_final')} || jsonb_build_object('outcome', g.status) END`,
    },
    {
      when: `${stop} > ${due} AND ${due} + 3600 < ${c.now}`,
      e_type: `'NO_PROGRAM_20_DAY'`,
      e_at: `${due} + ${r.int('g.i', 'notice.no_program', 5, 55)} * 60`,
      e_facts: `jsonb_build_object('receivedAt', ${iso('g.rt')}, 'dueServiceStartAt', ${iso(due)})`,
    },
    {
      when: 'k.i IS NOT NULL',
      e_type: `'ENROLLED'`,
      e_at: 'k.opened',
      e_case: 'k.id',
      e_author: counselor,
      e_facts: `jsonb_build_object('receivedAt', ${iso('g.rt')}, 'enrolledAt', ${iso('k.opened')})`,
    },
    {
      when: 'k.t_seal IS NOT NULL',
      e_type: `'COMPLETION_827_95'`,
      e_at: 'k.t_seal',
      e_case: 'k.id',
      e_author: caseSup,
      e_facts: `jsonb_build_object('completedAt', ${localDate('k.t_seal')}::text, 'closureReason', k.reason)`,
    },
  ];
  const sent = ts(`least(x.e_at, ${c.cap})`);
  return `INSERT INTO notices (id, type, referral_id, case_id, to_org_id, to_user_id, sent_at, retain_until, facts,
                               organization_id, created_by, created_at)
    SELECT ${r.uid('x.i * 8 + x.n', 'notice')}, x.e_type, x.id, x.e_case, ${uuidLit(c.police)}, ${at(c.sql.sros, 'x.sro')},
           ${sent}, ${sent} + interval '36 months', x.e_facts, ${uuidLit(c.provider)}, x.e_author, ${sent}
      FROM (SELECT g.i, g.id, g.sro, e.n, ${fan('e.n', rows)}
              FROM g_ref g LEFT JOIN g_case k ON k.i = g.i ${fanJoin(rows.length, 'g.i')} OFFSET 0) x
     WHERE x.e_keep`;
}
