import { at, type Ctx } from './context';
import { DAY, pick, ts, uuidLit } from './sql';
import { USER_AGENTS } from './text';

/**
 * A sample of the audit trail (`count` rows spread over the referrals, in time order): SROs creating referrals,
 * counselors, supervisors and officers viewing referrals and cases, triage transitions, sign-ins. Inserted through
 * the table's trigger, which assigns `seq` and chains each row's hash to the previous one, so
 * `GET /api/audit/verify` checks every generated row. Rows carry ids and field names only.
 */
export function auditSql(c: Ctx, count: number): string {
  const { r } = c;
  const u = (name: string) => r.u('a.j', `audit.${name}`);
  const police = uuidLit(c.police);
  const provider = uuidLit(c.provider);
  const counselor = at(c.sql.counselors, 'g.cidx');
  const sup = at(c.sql.supervisors, 'g.sidx');
  const sro = at(c.sql.sros, 'g.sro');
  const viewer = `CASE WHEN g.t_asg IS NOT NULL AND ${u('viewer')} < 0.6 THEN 'COUNSELOR'
                       WHEN ${u('viewer')} < 0.8 THEN 'PROVIDER_SUPERVISOR' ELSE 'SRO' END`;
  return `INSERT INTO audit_events (at, actor_id, actor_role, organization_id, action, entity_type, entity_id, youth_id,
                                    outcome, ip, user_agent, request_id, changed_fields, prev_hash, hash)
    SELECT ${ts('e.at')}, e.actor, e.role, CASE WHEN e.role = 'SRO' THEN ${police} ELSE ${provider} END,
           e.action, e.entity_type, e.entity_id, e.youth_id, 'SUCCESS', e.ip, e.ua, e.request_id, e.changed, '', ''
      FROM (
        SELECT a.j, x.kind,
               CASE x.kind WHEN 'CREATE' THEN g.rt
                           WHEN 'VIEW_CASE' THEN k.opened + ${u('at')} * least(${c.cap} - k.opened, ${60 * DAY})
                           WHEN 'TRANSITION' THEN g.t_tri
                           WHEN 'LOGIN' THEN greatest(${c.start}, g.rt - ${u('at')} * 3600)
                           ELSE g.rt + ${u('at')} * least(${c.cap} - g.rt, ${20 * DAY}) END AS at,
               CASE x.kind WHEN 'CREATE' THEN 'SRO' WHEN 'VIEW_CASE' THEN 'COUNSELOR'
                           WHEN 'TRANSITION' THEN 'PROVIDER_SUPERVISOR' WHEN 'LOGIN' THEN 'COUNSELOR' ELSE x.viewer END AS role,
               CASE x.kind WHEN 'CREATE' THEN ${sro} WHEN 'VIEW_CASE' THEN ${counselor} WHEN 'TRANSITION' THEN ${sup}
                           WHEN 'LOGIN' THEN ${counselor}
                           ELSE CASE x.viewer WHEN 'COUNSELOR' THEN ${counselor} WHEN 'SRO' THEN ${sro} ELSE ${sup} END END AS actor,
               CASE x.kind WHEN 'CREATE' THEN 'CREATE' WHEN 'TRANSITION' THEN 'TRANSITION' WHEN 'LOGIN' THEN 'LOGIN'
                           ELSE 'VIEW' END AS action,
               CASE x.kind WHEN 'VIEW_CASE' THEN 'case' WHEN 'LOGIN' THEN 'session' ELSE 'referral' END AS entity_type,
               CASE x.kind WHEN 'VIEW_CASE' THEN k.id WHEN 'LOGIN' THEN ${r.uid('a.j', 'audit.session')}
                           ELSE g.id END AS entity_id,
               CASE WHEN x.kind <> 'LOGIN' THEN g.yid END AS youth_id,
               CASE WHEN x.kind = 'TRANSITION' THEN ARRAY['status'] ELSE '{}'::text[] END AS changed,
               '10.20.' || ${r.int('a.j', 'audit.ip.c', 0, 255)} || '.' || ${r.int('a.j', 'audit.ip.d', 1, 254)} AS ip,
               ${pick(USER_AGENTS, u('agent'))} AS ua,
               ${r.uid('a.j', 'audit.request')}::text AS request_id
          FROM (SELECT j, 1 + floor((j - 1 + ${r.u('j', 'audit.referral')}) * ${c.n / count})::bigint AS i
                  FROM generate_series(1, ${count}) j OFFSET 0) a
          JOIN g_ref g ON g.i = a.i
          LEFT JOIN g_case k ON k.i = a.i
         CROSS JOIN LATERAL (SELECT CASE
             WHEN ${u('kind')} < 0.15 THEN 'CREATE'
             WHEN ${u('kind')} < 0.55 THEN 'VIEW_REFERRAL'
             WHEN ${u('kind')} < 0.75 AND k.i IS NOT NULL THEN 'VIEW_CASE'
             WHEN ${u('kind')} < 0.9 AND g.t_tri IS NOT NULL THEN 'TRANSITION'
             WHEN ${u('kind')} >= 0.9 THEN 'LOGIN'
             ELSE 'VIEW_REFERRAL' END AS kind, ${viewer} AS viewer) x
      ) e
     WHERE e.at <= ${c.cap}
     ORDER BY e.at, e.j`;
}
