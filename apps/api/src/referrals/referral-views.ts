import {
  SEALED_STATUS,
  type CreateReferralResponse,
  type GuardianView,
  type InfoScope,
  type ProgramStatus,
  type ProviderReferralDetail,
  type ReferralListItem,
  type StatusMilestone,
  type YouthView,
} from '@pathways/contracts';
import { calendarDateIn, policeInfoScope, PROGRAM_TIME_ZONE } from '@pathways/domain';
import { GuardianEntity, YouthEntity } from '../youth/youth.entity';
import type { ReferralEventEntity } from './referral-event.entity';
import type { ReferralWork } from './referral-work';
import type { ReferralEntity } from './referral.entity';
import { isPoliceViewer, isSealedFor, type Viewer } from './referrals.policy';

/** Everything a referral detail is built from, loaded by the query service. */
export interface ReferralBundle {
  referral: ReferralEntity;
  youth: YouthEntity | null;
  guardians: GuardianEntity[];
  schoolName: string | null;
  events: ReferralEventEntity[];
  work: ReferralWork;
  /** The instant the bundle was read (consents in force, per request: a revocation shows on the next one). */
  now: Date;
}

/**
 * The keys a police user may receive (ACCESS.md): the referral as they submitted it and status milestones, never
 * provider working fields or anything clinical. An explicit allow-list: a new column is closed until added here.
 */
export const POLICE_DETAIL_KEYS = [
  'id',
  'referenceNumber',
  'status',
  'version',
  'sealed',
  'youthId',
  'youth',
  'guardians',
  'schoolId',
  'schoolName',
  'grade',
  'incidentAt',
  'incidentLocation',
  'pathway',
  'reasonCodes',
  'narrative',
  'priority',
  'policeReportNumber',
  'victimInvolved',
  'restitutionEstimate',
  'recommendedResourceIds',
  'eligibility',
  'receivedAt',
  'dueServiceStartAt',
  'createdAt',
  'referringUserId',
  'referringOrgId',
  'providerOrgId',
  'infoRequest',
  'withdrawReason',
  'milestones',
  'completedAt',
  'programStatus',
  'draft',
] as const satisfies readonly (keyof CreateReferralResponse)[];

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toYouthView(y: YouthEntity): YouthView {
  return {
    id: y.id,
    firstName: y.firstName,
    lastName: y.lastName,
    preferredName: y.preferredName,
    dateOfBirth: y.dateOfBirth,
    genderIdentity: y.genderIdentity,
    raceEthnicity: y.raceEthnicity,
    primaryLanguage: y.primaryLanguage,
  };
}

export function toGuardianView(g: GuardianEntity): GuardianView {
  return {
    id: g.id,
    name: g.name,
    relationship: g.relationship,
    phone: g.phone,
    email: g.email,
    preferredLanguage: g.preferredLanguage,
    interpreterNeeded: g.interpreterNeeded,
  };
}

export function milestonesOf(r: ReferralEntity, events: ReferralEventEntity[]): StatusMilestone[] {
  const milestones: StatusMilestone[] = events
    .filter((e) => e.statusTo !== e.statusFrom)
    .map((e) => ({ status: e.statusTo, at: e.at.toISOString() }));
  if (r.completedAt) milestones.push({ status: 'COMPLETED', at: r.completedAt.toISOString() });
  return milestones;
}

/** The referral as its referring agency sees it (allow-listed keys only). */
export function toPoliceDetail(b: ReferralBundle, viewer: Viewer): CreateReferralResponse {
  const r = b.referral;
  if (isSealedFor(viewer.role, r.sealedAt)) return sealedDetail(r);
  const detail: CreateReferralResponse = {
    id: r.id,
    referenceNumber: r.referenceNumber,
    status: r.status,
    version: r.version,
    sealed: false,
    youthId: r.youthId,
    youth: b.youth ? toYouthView(b.youth) : null,
    guardians: b.guardians.map(toGuardianView),
    schoolId: r.schoolId,
    schoolName: b.schoolName,
    grade: r.grade,
    incidentAt: iso(r.incidentAt),
    incidentLocation: r.incidentLocation,
    pathway: r.pathway,
    reasonCodes: r.reasonCodes,
    narrative: r.narrative,
    priority: r.priority,
    policeReportNumber: r.policeReportNumber,
    victimInvolved: r.victimInvolved,
    restitutionEstimate: r.restitutionEstimate === null ? null : Number(r.restitutionEstimate),
    recommendedResourceIds: r.recommendedResourceIds,
    eligibility: r.eligibility,
    receivedAt: iso(r.receivedAt),
    dueServiceStartAt: iso(r.dueServiceStartAt),
    createdAt: r.createdAt.toISOString(),
    referringUserId: r.referringUserId,
    referringOrgId: r.referringOrgId,
    providerOrgId: r.providerOrgId,
    infoRequest: r.status === 'NEEDS_INFO' ? r.infoRequest : null,
    withdrawReason: r.withdrawReason,
    milestones: milestonesOf(r, b.events),
    completedAt: iso(r.completedAt),
    programStatus: programStatusOf(b, viewer),
    draft: r.status === 'DRAFT' ? r.draft : null,
  };
  return pick(detail, POLICE_DETAIL_KEYS);
}

/** What the provider shares with itself: everything non-clinical the program status has. */
const PROVIDER_SCOPE: readonly InfoScope[] = [
  'ENROLLMENT_STATUS',
  'ATTENDANCE_PARTICIPATION',
  'COMPLETION_STATUS',
  'CASE_PLAN_SUMMARY',
];

/**
 * The program status as the viewer may know it (ACCESS.md "Consent"): police users the milestone dates, plus
 * attendance and goal counts when an unexpired, unrevoked release of information to their agency lists them.
 */
export function programStatusOf(b: ReferralBundle, viewer: Viewer): ProgramStatus | null {
  const r = b.referral;
  if (r.status === 'DRAFT' || isSealedFor(viewer.role, r.sealedAt)) return null;
  const scope = isPoliceViewer(viewer.role)
    ? policeInfoScope(b.work.releases, viewer.organizationId, b.now, calendarDateIn(b.now, PROGRAM_TIME_ZONE))
    : [...PROVIDER_SCOPE];
  const c = b.work.caseFacts;
  const acknowledged = b.events.find((e) => e.action === 'acknowledge');
  const completedAt = r.completedAt ?? (c?.outcomeClass === 'SUCCESSFUL' && c.closedAt ? c.closedAt : null);
  return {
    scope: INFO_SCOPE_ORDER.filter((s) => scope.includes(s)),
    acknowledgedAt: acknowledged ? acknowledged.at.toISOString() : null,
    enrolledAt: scope.includes('ENROLLMENT_STATUS') && c ? c.openedAt.toISOString() : null,
    completedAt: scope.includes('COMPLETION_STATUS') ? iso(completedAt) : null,
    attendance: c && scope.includes('ATTENDANCE_PARTICIPATION') ? { ...b.work.sessions } : null,
    goals: c && scope.includes('CASE_PLAN_SUMMARY') ? { ...b.work.goals } : null,
  };
}

const INFO_SCOPE_ORDER: readonly InfoScope[] = [
  'ENROLLMENT_STATUS',
  'ATTENDANCE_PARTICIPATION',
  'COMPLETION_STATUS',
  'CASE_PLAN_SUMMARY',
  'ASSESSMENT_RESULTS',
  'SCHOOL_ATTENDANCE',
  'SCHOOL_DISCIPLINE',
];

/** WIC 827.95: a sealed referral shows the police only its number, SEALED and the completion date. */
function sealedDetail(r: ReferralEntity): CreateReferralResponse {
  return {
    id: r.id,
    referenceNumber: r.referenceNumber,
    status: SEALED_STATUS,
    version: r.version,
    sealed: true,
    youthId: null,
    youth: null,
    guardians: [],
    schoolId: null,
    schoolName: null,
    grade: null,
    incidentAt: null,
    incidentLocation: null,
    pathway: null,
    reasonCodes: [],
    narrative: null,
    priority: null,
    policeReportNumber: null,
    victimInvolved: null,
    restitutionEstimate: null,
    recommendedResourceIds: [],
    eligibility: null,
    receivedAt: null,
    dueServiceStartAt: null,
    createdAt: r.createdAt.toISOString(),
    referringUserId: r.referringUserId,
    referringOrgId: r.referringOrgId,
    providerOrgId: r.providerOrgId,
    infoRequest: null,
    withdrawReason: null,
    milestones: r.completedAt ? [{ status: 'COMPLETED', at: r.completedAt.toISOString() }] : [],
    completedAt: iso(r.completedAt),
    programStatus: null,
    draft: null,
  };
}

/** The referral as the provider sees it: the full detail plus its working fields. */
export function toProviderDetail(b: ReferralBundle, viewer: Viewer): ProviderReferralDetail {
  const r = b.referral;
  const base = toPoliceDetail(b, viewer);
  const c = b.work.caseFacts;
  return {
    ...base,
    infoRequest: r.infoRequest,
    assignedCounselorId: r.assignedCounselorId,
    declineReason: r.declineReason,
    duplicateOfId: r.duplicateOfId,
    returnedToReferrerAt: iso(r.returnedToReferrerAt),
    assignedCounselorName: b.work.counselorName,
    assignedAt: iso(r.assignedAt),
    ineligibleReason: r.ineligibleReason,
    returnAcknowledgedAt: iso(r.returnAcknowledgedAt),
    caseId: c?.id ?? null,
    caseNumber: c?.caseNumber ?? null,
    outreach: b.work.outreach,
  };
}

export function toDetail(b: ReferralBundle, viewer: Viewer): CreateReferralResponse | ProviderReferralDetail {
  return isPoliceViewer(viewer.role) ? toPoliceDetail(b, viewer) : toProviderDetail(b, viewer);
}

/** A row of the list query (raw SQL), shaped for the viewer. */
export interface ReferralListRow {
  id: string;
  reference_number: string | null;
  status: ReferralListItem['status'];
  pathway: ReferralListItem['pathway'];
  priority: ReferralListItem['priority'];
  received_at: Date | null;
  due_service_start_at: Date | null;
  created_at: Date;
  sealed_at: Date | null;
  eligibility_decision: ReferralListItem['eligibilityDecision'];
  youth_name: string | null;
  school_name: string | null;
}

export function toListItem(row: ReferralListRow, viewer: Viewer): ReferralListItem {
  if (isSealedFor(viewer.role, row.sealed_at))
    return {
      id: row.id,
      referenceNumber: row.reference_number,
      status: SEALED_STATUS,
      pathway: null,
      priority: null,
      youthDisplayName: null,
      schoolName: null,
      receivedAt: null,
      dueServiceStartAt: null,
      createdAt: row.created_at.toISOString(),
      eligibilityDecision: null,
    };
  return {
    id: row.id,
    referenceNumber: row.reference_number,
    status: row.status,
    pathway: row.pathway,
    priority: row.priority,
    youthDisplayName: row.youth_name?.trim() || null,
    schoolName: row.school_name,
    receivedAt: iso(row.received_at),
    dueServiceStartAt: iso(row.due_service_start_at),
    createdAt: row.created_at.toISOString(),
    eligibilityDecision: row.eligibility_decision,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): T {
  const out = {} as T;
  for (const k of keys) out[k] = value[k];
  return out;
}
