import type {
  AccountabilityItemView,
  AssessmentFlag,
  AssessmentView,
  CaseDetail,
  CaseListItem,
  CaseStatus,
  ConsentView,
  ContactView,
  FollowUpView,
  GoalView,
  NoteView,
  Pathway,
  Priority,
  ServiceEnrollmentView,
} from '@pathways/contracts';
import {
  calendarDateIn,
  caseClocks,
  isConsentActive,
  PROGRAM_TIME_ZONE,
  reopenUntil,
} from '@pathways/domain';
import type { Actor } from '../common/actor';
import type { ReferralEntity } from '../referrals/referral.entity';
import { toGuardianView, toYouthView } from '../referrals/referral-views';
import type { GuardianEntity, YouthEntity } from '../youth/youth.entity';
import type {
  AccountabilityItemEntity,
  AssessmentEntity,
  ConsentEntity,
  ContactEntity,
  FollowUpEntity,
  GoalEntity,
  NoteEntity,
  ServiceEnrollmentEntity,
} from './case-work.entities';
import type { CaseEntity } from './case.entity';
import { abilitiesOf } from './cases.policy';

/** Display names of staff (never youth) by user id, for `...Name` fields. */
export type Names = ReadonlyMap<string, string>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const nameOf = (names: Names, id: string | null): string | null => (id ? (names.get(id) ?? null) : null);
const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** Everything a case detail is built from, loaded by the query service. */
export interface CaseBundle {
  c: CaseEntity;
  referral: ReferralEntity;
  youth: YouthEntity;
  guardians: GuardianEntity[];
  schoolName: string | null;
  lastContactAt: Date | null;
  safetyFlags: AssessmentFlag[];
  names: Names;
}

export function toCaseDetail(b: CaseBundle, viewer: Actor): CaseDetail {
  const { c, referral: r } = b;
  const receivedAt = r.receivedAt ?? c.openedAt;
  const clocks = caseClocks({ receivedAt, openedAt: c.openedAt, intakeCompletedAt: c.intakeCompletedAt });
  const abilities = abilitiesOf(viewer, c);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    version: c.version,
    referralId: c.referralId,
    referenceNumber: r.referenceNumber ?? '',
    status: c.status,
    statusReason: c.statusReason,
    pathway: c.pathway,
    priority: r.priority,
    providerOrgId: c.providerOrgId,
    primaryCounselorId: c.primaryCounselorId,
    primaryCounselorName: nameOf(b.names, c.primaryCounselorId),
    youth: toYouthView(b.youth),
    guardians: b.guardians.map(toGuardianView),
    schoolName: b.schoolName,
    reasonCodes: r.reasonCodes,
    openedAt: c.openedAt.toISOString(),
    clocks: {
      receivedAt: receivedAt.toISOString(),
      // The stored clock is the one the notice scheduler and the tasks query read.
      dueServiceStartAt: (r.dueServiceStartAt ?? clocks.dueServiceStartAt).toISOString(),
      serviceProgramInitiatedAt: iso(c.serviceProgramInitiatedAt),
      intakeDueAt: clocks.intakeDueAt.toISOString(),
      intakeCompletedAt: iso(c.intakeCompletedAt),
      assessmentDueAt: clocks.assessmentDueAt.toISOString(),
      casePlanDueAt: clocks.casePlanDueAt.toISOString(),
      targetEndAt: c.targetEndAt.toISOString(),
      maxEndAt: c.maxEndAt.toISOString(),
      lastContactAt: iso(b.lastContactAt),
    },
    closure: {
      requestedAt: iso(c.closureRequestedAt),
      requestedBy: c.closureRequestedBy,
      requestedByName: nameOf(b.names, c.closureRequestedBy),
      reason: c.closureReason,
      summary: c.closureSummary,
      rejectedComment: c.closureRejectedComment,
      approvedBy: c.closureApprovedBy,
      approvedByName: nameOf(b.names, c.closureApprovedBy),
      closedAt: iso(c.closedAt),
      outcomeClass: c.outcomeClass,
      completionNoticeSentAt: iso(c.completionNoticeSentAt),
      reopenUntil: c.status === 'CLOSED' && c.closedAt ? reopenUntil(c.closedAt).toISOString() : null,
    },
    safetyFlags: abilities.readClinical ? b.safetyFlags : [],
    abilities,
  };
}

/** A row of the case list query (raw SQL). */
export interface CaseListRow {
  id: string;
  case_number: string;
  referral_id: string;
  reference_number: string | null;
  status: CaseStatus;
  pathway: Pathway;
  priority: Priority | null;
  youth_name: string;
  primary_counselor_id: string;
  primary_counselor_name: string | null;
  opened_at: Date;
  target_end_at: Date;
  due_service_start_at: Date | null;
  service_program_initiated_at: Date | null;
  last_contact_at: Date | null;
  safety_flag: boolean;
}

export function toCaseListItem(row: CaseListRow): CaseListItem {
  return {
    id: row.id,
    caseNumber: row.case_number,
    referralId: row.referral_id,
    referenceNumber: row.reference_number ?? '',
    status: row.status,
    pathway: row.pathway,
    priority: row.priority,
    youthDisplayName: row.youth_name,
    primaryCounselorId: row.primary_counselor_id,
    primaryCounselorName: row.primary_counselor_name,
    openedAt: row.opened_at.toISOString(),
    targetEndAt: row.target_end_at.toISOString(),
    dueServiceStartAt: (row.due_service_start_at ?? row.opened_at).toISOString(),
    serviceProgramInitiatedAt: iso(row.service_program_initiated_at),
    lastContactAt: iso(row.last_contact_at),
    safetyFlag: row.safety_flag,
  };
}

export function toConsentView(
  x: ConsentEntity,
  now: Date,
  orgNames: ReadonlyMap<string, string> = new Map(),
): ConsentView {
  return {
    id: x.id,
    youthId: x.youthId,
    caseId: x.caseId,
    type: x.type,
    youthAssent: x.youthAssent,
    guardianName: x.guardianName,
    guardianId: x.guardianId,
    minorSelfConsentBasis: x.minorSelfConsentBasis,
    signatureMethod: x.signatureMethod,
    language: x.language,
    signedAt: x.signedAt.toISOString(),
    expiresAt: x.expiresAt,
    revokedAt: iso(x.revokedAt),
    counterpartOrgId: x.counterpartOrgId,
    counterpartOrgName: x.counterpartOrgId ? (orgNames.get(x.counterpartOrgId) ?? null) : null,
    infoScope: x.infoScope,
    active: isConsentActive(x, now, calendarDateIn(now, PROGRAM_TIME_ZONE)),
    createdAt: x.createdAt.toISOString(),
  };
}

export function toAssessmentView(a: AssessmentEntity, names: Names): AssessmentView {
  return {
    id: a.id,
    caseId: a.caseId,
    instrument: a.instrument,
    timing: a.timing,
    administeredAt: a.administeredAt.toISOString(),
    overallLevel: a.overallLevel,
    totalScore: num(a.totalScore),
    domainScores: a.domainScores,
    flags: a.flags,
    overrideLevel: a.overrideLevel,
    overrideReason: a.overrideReason,
    overrideApprovedBy: a.overrideApprovedBy,
    overrideApprovedAt: iso(a.overrideApprovedAt),
    // An override counts only once a supervisor approved it.
    effectiveLevel: a.overrideLevel && a.overrideApprovedBy ? a.overrideLevel : a.overallLevel,
    createdBy: a.createdBy,
    createdByName: nameOf(names, a.createdBy),
    createdAt: a.createdAt.toISOString(),
  };
}

export function toGoalView(g: GoalEntity): GoalView {
  return {
    id: g.id,
    caseId: g.caseId,
    domain: g.domain,
    description: g.description,
    dueAt: g.dueAt,
    status: g.status,
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export function toItemView(i: AccountabilityItemEntity, names: Names): AccountabilityItemView {
  return {
    id: i.id,
    caseId: i.caseId,
    type: i.type,
    description: i.description,
    requiredAmount: Number(i.requiredAmount),
    completedAmount: Number(i.completedAmount),
    dueAt: i.dueAt,
    verifiedBy: i.verifiedBy,
    verifiedByName: nameOf(names, i.verifiedBy),
    verifiedAt: iso(i.verifiedAt),
    version: i.version,
    createdAt: i.createdAt.toISOString(),
  };
}

export function toServiceView(
  s: ServiceEnrollmentEntity,
  labels: ReadonlyMap<string, { label: string; labelEs: string | null }>,
  sessionsAttended: number,
): ServiceEnrollmentView {
  const label = labels.get(s.serviceType);
  return {
    id: s.id,
    caseId: s.caseId,
    serviceType: s.serviceType,
    serviceTypeLabel: label?.label ?? null,
    serviceTypeLabelEs: label?.labelEs ?? null,
    provider: s.provider,
    status: s.status,
    referredAt: s.referredAt.toISOString(),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    sessionsPlanned: s.sessionsPlanned,
    sessionsAttended,
    version: s.version,
  };
}

export function toContactView(x: ContactEntity, names: Names): ContactView {
  return {
    id: x.id,
    referralId: x.referralId,
    caseId: x.caseId,
    occurredAt: x.occurredAt.toISOString(),
    contactType: x.contactType,
    modality: x.modality,
    result: x.result,
    durationMin: x.durationMin,
    participants: x.participants,
    language: x.language,
    interpreterUsed: x.interpreterUsed,
    serviceEnrollmentId: x.serviceEnrollmentId,
    createdBy: x.createdBy,
    createdByName: nameOf(names, x.createdBy),
    createdAt: x.createdAt.toISOString(),
  };
}

export function toNoteView(n: NoteEntity, names: Names, amendedById: string | null): NoteView {
  return {
    id: n.id,
    caseId: n.caseId,
    kind: n.kind,
    body: n.body,
    authorId: n.authorId,
    authorName: nameOf(names, n.authorId),
    createdAt: n.createdAt.toISOString(),
    amendsId: n.amendsId,
    amendedById,
  };
}

export function toFollowUpView(f: FollowUpEntity): FollowUpView {
  return {
    id: f.id,
    caseId: f.caseId,
    window: f.window,
    dueAt: f.dueAt.toISOString(),
    status: f.status,
    completedAt: iso(f.completedAt),
    newLeContact: f.newLeContact,
    attendanceRate: num(f.attendanceRate),
    suspensions: f.suspensions,
    linkedReferralId: f.linkedReferralId,
    version: f.version,
  };
}
