import type {
  Eligibility,
  ErrorDetail,
  GuardianInput,
  ReferralDraftInput,
  ReferralSubmitInput,
} from '@pathways/contracts';
import { calendarDateIn, evaluateEligibility, PROGRAM_TIME_ZONE } from '@pathways/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { Params } from '../common/sql-params';
import { GuardianEntity, YouthEntity } from '../youth/youth.entity';
import { youthScopeSql } from '../youth/youth-scope';
import type { ReferralEntity } from './referral.entity';

/** What the catalogs say about a referral form: problems (400 details), the excluded codes, the linked youth. */
export interface CatalogCheck {
  problems: ErrorDetail[];
  /** The form's reason codes flagged excluded from diversion (WIC 654.3). */
  excludedCodes: Set<string>;
  linkedYouth: YouthEntity | null;
}

/**
 * Checks the references of a (possibly partial) referral form against the database: reason codes in the active
 * catalog, an active school, existing resources, and a linked youth the caller may see. Every problem is reported
 * at its field path (`reasonCodes.2`), like the schema errors.
 */
export async function checkAgainstCatalogs(
  m: EntityManager,
  actor: Actor,
  input: ReferralDraftInput,
): Promise<CatalogCheck> {
  const problems: ErrorDetail[] = [];
  const excludedCodes = new Set<string>();
  if (input.reasonCodes?.length) {
    const rows: { code: string; excluded_from_diversion: boolean }[] = await m.query(
      'SELECT code, excluded_from_diversion FROM reason_codes WHERE active AND code = ANY($1)',
      [input.reasonCodes],
    );
    const known = new Map(rows.map((r) => [r.code, r.excluded_from_diversion]));
    input.reasonCodes.forEach((code, i) => {
      if (!known.has(code)) problems.push({ path: `reasonCodes.${i}`, message: 'Unknown reason code' });
      else if (known.get(code)) excludedCodes.add(code);
    });
  }
  if (input.schoolId) {
    const rows: unknown[] = await m.query('SELECT 1 FROM schools WHERE id = $1 AND active', [input.schoolId]);
    if (!rows.length) problems.push({ path: 'schoolId', message: 'Unknown school' });
  }
  if (input.recommendedResourceIds?.length) {
    const rows: { id: string }[] = await m.query('SELECT id FROM resources WHERE active AND id = ANY($1)', [
      input.recommendedResourceIds,
    ]);
    const known = new Set(rows.map((r) => r.id));
    input.recommendedResourceIds.forEach((id, i) => {
      if (!known.has(id)) problems.push({ path: `recommendedResourceIds.${i}`, message: 'Unknown resource' });
    });
  }
  let linkedYouth: YouthEntity | null = null;
  if (input.youthId) {
    const p = new Params();
    const rows: { id: string }[] = await m.query(
      `SELECT y.id FROM youth y WHERE y.id = ${p.add(input.youthId)} AND ${youthScopeSql(actor, p)}`,
      p.values,
    );
    if (rows.length) linkedYouth = await m.getRepository(YouthEntity).findOneBy({ id: input.youthId });
    else problems.push({ path: 'youthId', message: 'Youth not found' });
  }
  return { problems, excludedCodes, linkedYouth };
}

/** The eligibility checklist (libs/domain) for a complete form; the incident date is the Pacific calendar date. */
export function eligibilityOf(
  dateOfBirth: string,
  input: ReferralSubmitInput,
  excludedCodes: ReadonlySet<string>,
): Eligibility {
  const result = evaluateEligibility({
    dateOfBirth,
    incidentDate: calendarDateIn(new Date(input.incidentAt), PROGRAM_TIME_ZONE),
    reasonCodes: input.reasonCodes,
    excludedCodes,
    restitutionEstimate: input.restitutionEstimate ?? null,
  });
  return { ...result, overrideReason: null, overriddenBy: null, overriddenAt: null };
}

/** The referral columns a complete form fills (everything but youth, numbers and clocks). */
export function formColumns(input: ReferralSubmitInput): Partial<ReferralEntity> {
  return {
    schoolId: input.schoolId,
    grade: input.grade ?? null,
    incidentAt: new Date(input.incidentAt),
    incidentLocation: input.incidentLocation,
    pathway: input.pathway,
    reasonCodes: input.reasonCodes,
    narrative: input.narrative,
    priority: input.priority ?? 'ROUTINE',
    policeReportNumber: input.policeReportNumber ?? null,
    victimInvolved: input.victimInvolved ?? false,
    restitutionEstimate: input.restitutionEstimate === undefined ? null : String(input.restitutionEstimate),
    recommendedResourceIds: input.recommendedResourceIds ?? [],
  };
}

/** A submitted referral back as the form that would produce it (for NEEDS_INFO edits, validated whole). */
export function formOf(r: ReferralEntity, guardians: GuardianEntity[]): Partial<ReferralSubmitInput> {
  const form: Partial<ReferralSubmitInput> = {
    youthId: r.youthId ?? undefined,
    guardians: guardians.map(guardianInputOf),
    schoolId: r.schoolId ?? undefined,
    grade: r.grade ?? undefined,
    incidentAt: r.incidentAt?.toISOString(),
    incidentLocation: r.incidentLocation ?? undefined,
    pathway: r.pathway ?? undefined,
    reasonCodes: r.reasonCodes,
    narrative: r.narrative ?? undefined,
    priority: r.priority ?? undefined,
    policeReportNumber: r.policeReportNumber ?? undefined,
    victimInvolved: r.victimInvolved ?? undefined,
    restitutionEstimate: r.restitutionEstimate === null ? undefined : Number(r.restitutionEstimate),
    recommendedResourceIds: r.recommendedResourceIds,
  };
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
}

function guardianInputOf(g: GuardianEntity): GuardianInput {
  return {
    name: g.name,
    relationship: g.relationship,
    phone: g.phone,
    ...(g.email ? { email: g.email } : {}),
    preferredLanguage: g.preferredLanguage,
    interpreterNeeded: g.interpreterNeeded,
  };
}
