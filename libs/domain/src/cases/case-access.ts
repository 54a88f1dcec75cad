import type { NoteKind, Role } from '@pathways/contracts';

export interface CaseViewer {
  userId: string;
  role: Role;
  organizationId: string;
}

export interface CaseAccessFacts {
  providerOrgId: string;
  primaryCounselorId: string;
}

/** Counselors see the cases assigned to them, provider supervisors all of their provider's; everyone else none. */
export function canSeeCase(v: CaseViewer, c: CaseAccessFacts): boolean {
  if (v.role === 'PROVIDER_SUPERVISOR') return c.providerOrgId === v.organizationId;
  if (v.role === 'COUNSELOR')
    return c.providerOrgId === v.organizationId && c.primaryCounselorId === v.userId;
  return false;
}

/** Clinical data (assessments, clinical notes): the assigned counselor reads and writes; the supervisor reads. */
export function canReadClinical(v: CaseViewer, c: CaseAccessFacts): boolean {
  return canSeeCase(v, c);
}

export function canWriteClinical(v: CaseViewer, c: CaseAccessFacts): boolean {
  return v.role === 'COUNSELOR' && canSeeCase(v, c);
}

/**
 * Notes by kind (ACCESS.md): case notes to anyone who sees the case; clinical notes to the assigned counselor and
 * the supervisor; psychotherapy notes to their author only, not even a supervisor.
 */
export function canReadNote(
  v: CaseViewer,
  c: CaseAccessFacts,
  note: { kind: NoteKind; authorId: string },
): boolean {
  if (!canSeeCase(v, c)) return false;
  switch (note.kind) {
    case 'CASE_NOTE':
      return true;
    case 'CLINICAL':
      return canReadClinical(v, c);
    case 'PSYCHOTHERAPY':
      return note.authorId === v.userId;
  }
}

export function canWriteNote(v: CaseViewer, c: CaseAccessFacts, kind: NoteKind): boolean {
  if (!canSeeCase(v, c)) return false;
  return kind === 'CASE_NOTE' ? true : canWriteClinical(v, c);
}
