import { NOTE_KINDS, ROLES, type NoteKind, type Role } from '@pathways/contracts';
import {
  canReadClinical,
  canReadNote,
  canSeeCase,
  canWriteClinical,
  canWriteNote,
  type CaseAccessFacts,
  type CaseViewer,
} from './case-access';

const PROVIDER = 'provider-org';
const OTHER_PROVIDER = 'other-provider-org';
const POLICE = 'police-org';
const CASE: CaseAccessFacts = { providerOrgId: PROVIDER, primaryCounselorId: 'counselor-1' };

/** Every kind of caller, named for the relation to the case above. */
const VIEWERS = {
  assignedCounselor: { userId: 'counselor-1', role: 'COUNSELOR', organizationId: PROVIDER },
  otherCounselor: { userId: 'counselor-2', role: 'COUNSELOR', organizationId: PROVIDER },
  /** The assigned counselor's id under another organization (a moved account must not keep access). */
  assignedIdOtherProvider: { userId: 'counselor-1', role: 'COUNSELOR', organizationId: OTHER_PROVIDER },
  supervisor: { userId: 'supervisor-1', role: 'PROVIDER_SUPERVISOR', organizationId: PROVIDER },
  otherProviderSupervisor: {
    userId: 'supervisor-2',
    role: 'PROVIDER_SUPERVISOR',
    organizationId: OTHER_PROVIDER,
  },
  sro: { userId: 'sro-1', role: 'SRO', organizationId: POLICE },
  pdSupervisor: { userId: 'sergeant-1', role: 'PD_SUPERVISOR', organizationId: POLICE },
  providerAdmin: { userId: 'admin-1', role: 'ADMIN', organizationId: PROVIDER },
  providerAuditor: { userId: 'auditor-1', role: 'AUDITOR', organizationId: PROVIDER },
} satisfies Record<string, CaseViewer>;
type ViewerName = keyof typeof VIEWERS;
const NAMES = Object.keys(VIEWERS) as ViewerName[];

const SEES: ViewerName[] = ['assignedCounselor', 'supervisor'];

describe('who sees a case', () => {
  it.each(NAMES.map((n) => [n, SEES.includes(n)] as const))('%s sees it: %s', (name, sees) => {
    expect(canSeeCase(VIEWERS[name], CASE)).toBe(sees);
  });

  it('lists every role among the viewers', () => {
    const roles = new Set<Role>(Object.values(VIEWERS).map((v) => v.role));
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });
});

describe('clinical data (assessments, clinical notes)', () => {
  it.each(NAMES.map((n) => [n, SEES.includes(n)] as const))('%s reads it: %s', (name, reads) => {
    expect(canReadClinical(VIEWERS[name], CASE)).toBe(reads);
  });

  it.each(NAMES.map((n) => [n, n === 'assignedCounselor'] as const))('%s writes it: %s', (name, writes) => {
    expect(canWriteClinical(VIEWERS[name], CASE)).toBe(writes);
  });
});

describe('notes by role and kind', () => {
  /** Who reads a note of each kind, by author: the author's relation to the case. */
  const READS: Record<NoteKind, { byAssigned: ViewerName[]; bySupervisor: ViewerName[] }> = {
    CASE_NOTE: { byAssigned: SEES, bySupervisor: SEES },
    CLINICAL: { byAssigned: SEES, bySupervisor: SEES },
    // Author only: not even the supervisor reads the counselor's psychotherapy notes.
    PSYCHOTHERAPY: { byAssigned: ['assignedCounselor'], bySupervisor: ['supervisor'] },
  };
  const AUTHORS = { byAssigned: 'counselor-1', bySupervisor: 'supervisor-1' } as const;

  const table = NOTE_KINDS.flatMap((kind) =>
    (Object.keys(AUTHORS) as (keyof typeof AUTHORS)[]).flatMap((author) =>
      NAMES.map((name) => [kind, author, name, READS[kind][author].includes(name)] as const),
    ),
  );
  it.each(table)('a %s note written %s: %s reads it: %s', (kind, author, name, reads) => {
    expect(canReadNote(VIEWERS[name], CASE, { kind, authorId: AUTHORS[author] })).toBe(reads);
  });

  it('hides a psychotherapy note from its own author once the author no longer sees the case', () => {
    const reassigned = { ...CASE, primaryCounselorId: 'counselor-2' };
    expect(
      canReadNote(VIEWERS.assignedCounselor, reassigned, { kind: 'PSYCHOTHERAPY', authorId: 'counselor-1' }),
    ).toBe(false);
  });

  const WRITES: Record<NoteKind, ViewerName[]> = {
    CASE_NOTE: SEES,
    CLINICAL: ['assignedCounselor'],
    PSYCHOTHERAPY: ['assignedCounselor'],
  };
  const writeTable = NOTE_KINDS.flatMap((kind) =>
    NAMES.map((name) => [kind, name, WRITES[kind].includes(name)] as const),
  );
  it.each(writeTable)('%s notes: %s writes them: %s', (kind, name, writes) => {
    expect(canWriteNote(VIEWERS[name], CASE, kind)).toBe(writes);
  });
});
