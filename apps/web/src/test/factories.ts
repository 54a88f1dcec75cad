import type {
  AdminUser,
  CaseDetail,
  Me,
  NoteView,
  ReasonCode,
  ReferralDetail,
  ReferralListItem,
  Resource,
  Role,
  School,
  TaskList,
  TaskView,
} from '@pathways/contracts';
import { permissionsOf } from '@pathways/domain';

let sequence = 0;

export function buildMe(overrides: Partial<Me> & { role?: Role } = {}): Me {
  sequence += 1;
  const role = overrides.role ?? 'SRO';
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    email: `person${sequence}@example.test`,
    displayName: `Person ${sequence}`,
    role,
    locale: 'en',
    mfaEnabled: false,
    mustChangePassword: false,
    organization: {
      id: '00000000-0000-4000-8000-00000000aaaa',
      name: 'South Bay Community Services',
      kind: 'SERVICE_PROVIDER',
    },
    permissions: permissionsOf(role),
    ...overrides,
  };
}

export function buildAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  sequence += 1;
  return {
    id: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    email: `user${sequence}@example.test`,
    displayName: `User ${sequence}`,
    role: 'COUNSELOR',
    locale: 'en',
    active: true,
    locked: false,
    mfaEnabled: false,
    mustChangePassword: false,
    lastLoginAt: null,
    deactivatedAt: null,
    deactivationReason: null,
    createdAt: '2026-01-05T16:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function buildSchool(overrides: Partial<School> = {}): School {
  sequence += 1;
  return {
    id: `00000000-0000-4000-a000-${String(sequence).padStart(12, '0')}`,
    name: `School ${sequence}`,
    level: 'HIGH',
    kind: 'PUBLIC',
    district: 'Sweetwater Union High School District',
    cdsCode: null,
    address: null,
    city: 'Chula Vista',
    zip: null,
    phone: null,
    inCvpdJurisdiction: true,
    active: true,
    ...overrides,
  };
}

export function buildReasonCode(overrides: Partial<ReasonCode> = {}): ReasonCode {
  sequence += 1;
  return {
    id: `00000000-0000-4000-b000-${String(sequence).padStart(12, '0')}`,
    code: `CODE_${sequence}`,
    label: `Reason ${sequence}`,
    labelEs: null,
    kind: 'OFFENSE',
    educationCode: null,
    otherCode: null,
    excludedFromDiversion: false,
    active: true,
    ...overrides,
  };
}

export function buildResource(overrides: Partial<Resource> = {}): Resource {
  sequence += 1;
  return {
    id: `00000000-0000-4000-c000-${String(sequence).padStart(12, '0')}`,
    key: `resource-${sequence}`,
    name: `Resource ${sequence}`,
    organization: 'South Bay Community Services',
    category: 'COUNSELING',
    description: 'Free counseling for young people and their families.',
    descriptionEs: null,
    phone: '(619) 420-3620',
    urls: ['https://www.southbaycommunityservices.org'],
    ages: null,
    languages: ['en', 'es'],
    lastVerifiedAt: null,
    active: true,
    ...overrides,
  };
}

/** An ISO date `years` years (and a day) before today, so the age is exactly `years` today. */
export function birthDateForAge(years: number, today = new Date()): string {
  const d = new Date(today.getFullYear() - years, today.getMonth(), today.getDate() - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function buildReferralDetail(overrides: Partial<ReferralDetail> = {}): ReferralDetail {
  sequence += 1;
  return {
    id: `00000000-0000-4000-d000-${String(sequence).padStart(12, '0')}`,
    referenceNumber: `R-2026-${String(sequence).padStart(6, '0')}`,
    status: 'SUBMITTED',
    version: 1,
    sealed: false,
    youth: {
      id: `00000000-0000-4000-e000-${String(sequence).padStart(12, '0')}`,
      firstName: 'Jordan',
      lastName: 'Smith',
      preferredName: null,
      dateOfBirth: birthDateForAge(14),
      genderIdentity: null,
      raceEthnicity: [],
      primaryLanguage: 'es',
    },
    guardians: [
      {
        id: `00000000-0000-4000-f000-${String(sequence).padStart(12, '0')}`,
        name: 'María Smith',
        relationship: 'MOTHER',
        phone: '(619) 555-0142',
        email: null,
        preferredLanguage: 'es',
        interpreterNeeded: false,
      },
    ],
    schoolId: null,
    schoolName: 'Castle Park High',
    grade: 9,
    incidentAt: '2026-03-02T18:30:00.000Z',
    incidentLocation: 'ON_CAMPUS',
    pathway: 'LE_DIVERSION_626B',
    reasonCodes: ['PHYSICAL_FIGHT'],
    narrative: 'Two students fought near the gym after lunch.',
    priority: 'ROUTINE',
    policeReportNumber: null,
    victimInvolved: false,
    restitutionEstimate: null,
    recommendedResourceIds: [],
    eligibility: {
      decision: 'ELIGIBLE',
      failures: [],
      excludedReasonCodes: [],
      ageAtIncident: 14,
      overrideReason: null,
      overriddenBy: null,
      overriddenAt: null,
    },
    receivedAt: '2026-03-02T19:00:00.000Z',
    dueServiceStartAt: '2026-03-22T19:00:00.000Z',
    createdAt: '2026-03-02T18:55:00.000Z',
    referringUserId: '00000000-0000-4000-8000-000000000001',
    referringOrgId: '00000000-0000-4000-8000-00000000bbbb',
    providerOrgId: '00000000-0000-4000-8000-00000000aaaa',
    infoRequest: null,
    withdrawReason: null,
    milestones: [{ status: 'SUBMITTED', at: '2026-03-02T19:00:00.000Z' }],
    completedAt: null,
    programStatus: null,
    draft: null,
    ...overrides,
  };
}

export function buildReferralListItem(overrides: Partial<ReferralListItem> = {}): ReferralListItem {
  sequence += 1;
  return {
    id: `00000000-0000-4000-9d10-${String(sequence).padStart(12, '0')}`,
    referenceNumber: `R-2026-${String(sequence).padStart(6, '0')}`,
    status: 'SUBMITTED',
    pathway: 'LE_DIVERSION_626B',
    priority: 'ROUTINE',
    youthDisplayName: 'Jordan Smith',
    schoolName: 'Castle Park High',
    receivedAt: '2026-03-02T19:00:00.000Z',
    dueServiceStartAt: '2026-03-22T19:00:00.000Z',
    createdAt: '2026-03-02T18:55:00.000Z',
    eligibilityDecision: 'ELIGIBLE',
    ...overrides,
  };
}

export function buildCaseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  sequence += 1;
  const n = String(sequence).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8ca0-${n}`,
    caseNumber: `C-2026-${String(sequence).padStart(6, '0')}`,
    version: 1,
    referralId: `00000000-0000-4000-9d00-${n}`,
    referenceNumber: `R-2026-${String(sequence).padStart(6, '0')}`,
    status: 'ACTIVE',
    statusReason: null,
    pathway: 'LE_DIVERSION_626B',
    priority: 'ROUTINE',
    providerOrgId: '00000000-0000-4000-8000-00000000aaaa',
    primaryCounselorId: '00000000-0000-4000-8000-00000000c001',
    primaryCounselorName: 'Casey Counselor',
    youth: {
      id: `00000000-0000-4000-be00-${n}`,
      firstName: 'Jordan',
      lastName: 'Smith',
      preferredName: null,
      dateOfBirth: birthDateForAge(14),
      genderIdentity: null,
      raceEthnicity: [],
      primaryLanguage: 'es',
    },
    guardians: [
      {
        id: `00000000-0000-4000-bf00-${n}`,
        name: 'María Smith',
        relationship: 'MOTHER',
        phone: '(619) 555-0142',
        email: null,
        preferredLanguage: 'es',
        interpreterNeeded: false,
      },
    ],
    schoolName: 'Castle Park High',
    reasonCodes: ['PHYSICAL_FIGHT'],
    openedAt: '2026-03-05T17:00:00.000Z',
    clocks: {
      receivedAt: '2026-03-02T19:00:00.000Z',
      dueServiceStartAt: '2026-03-22T19:00:00.000Z',
      serviceProgramInitiatedAt: '2026-03-10T17:00:00.000Z',
      intakeDueAt: '2026-03-16T19:00:00.000Z',
      intakeCompletedAt: '2026-03-05T17:00:00.000Z',
      assessmentDueAt: '2026-03-19T17:00:00.000Z',
      casePlanDueAt: '2026-04-01T19:00:00.000Z',
      targetEndAt: '2026-06-03T17:00:00.000Z',
      maxEndAt: '2026-09-05T17:00:00.000Z',
      lastContactAt: '2026-03-20T17:00:00.000Z',
    },
    closure: {
      requestedAt: null,
      requestedBy: null,
      requestedByName: null,
      reason: null,
      summary: null,
      rejectedComment: null,
      approvedBy: null,
      approvedByName: null,
      closedAt: null,
      outcomeClass: null,
      completionNoticeSentAt: null,
      reopenUntil: null,
    },
    safetyFlags: [],
    abilities: { write: true, readClinical: true, writeClinical: true, supervise: false },
    ...overrides,
  };
}

export function buildNote(overrides: Partial<NoteView> = {}): NoteView {
  sequence += 1;
  return {
    id: `00000000-0000-4000-ab00-${String(sequence).padStart(12, '0')}`,
    caseId: '00000000-0000-4000-8ca0-000000000001',
    kind: 'CASE_NOTE',
    body: '<p>Met with Jordan and his mother.</p>',
    authorId: '00000000-0000-4000-8000-00000000c001',
    authorName: 'Casey Counselor',
    createdAt: '2026-03-12T17:00:00.000Z',
    amendsId: null,
    amendedById: null,
    ...overrides,
  };
}

export function buildTask(overrides: Partial<TaskView> = {}): TaskView {
  sequence += 1;
  return {
    kind: 'SERVICE_START',
    dueAt: '2026-03-22T19:00:00.000Z',
    overdue: false,
    subjectType: 'case',
    subjectId: `00000000-0000-4000-8ca0-${String(sequence).padStart(12, '0')}`,
    label: `C-2026-${String(sequence).padStart(6, '0')}`,
    assigneeId: null,
    ...overrides,
  };
}

/** A GET /api/tasks answer: the items, and counts of everything due (by default, just these items). */
export function buildTaskList(items: TaskView[], counts: Partial<Omit<TaskList, 'items'>> = {}): TaskList {
  const kinds = [...new Set(items.map((task) => task.kind))].sort();
  return {
    items,
    total: items.length,
    overdue: items.filter((task) => task.overdue).length,
    byKind: kinds.map((kind) => ({
      kind,
      total: items.filter((task) => task.kind === kind).length,
      overdue: items.filter((task) => task.kind === kind && task.overdue).length,
    })),
    ...counts,
  };
}
