import { PERMISSIONS, type CaseAbilities } from '@pathways/contracts';
import {
  canReadClinical,
  canSeeCase,
  canWriteClinical,
  hasPermission,
  type CaseAccessFacts,
  type CaseViewer,
} from '@pathways/domain';
import type { Params } from '../common/sql-params';

/**
 * The case rules of libs/domain (case-access.ts) as SQL, for lists and timelines that filter in the database.
 * Each function says in SQL what its domain twin says in TypeScript; the integration tests hold them together.
 */

/** Cases the viewer sees, on alias `c`: a counselor their own (primary counselor), a supervisor the provider's. */
export function caseScopeSql(viewer: CaseViewer, p: Params, alias = 'c'): string {
  switch (viewer.role) {
    case 'COUNSELOR':
      return `${alias}.primary_counselor_id = ${p.add(viewer.userId)} AND ${alias}.provider_org_id = ${p.add(viewer.organizationId)}`;
    case 'PROVIDER_SUPERVISOR':
      return `${alias}.provider_org_id = ${p.add(viewer.organizationId)}`;
    case 'SRO':
    case 'PD_SUPERVISOR':
    case 'ADMIN':
    case 'AUDITOR':
      return 'false';
  }
}

/**
 * Notes of a case the viewer may read, on alias `n` (canReadNote): case notes to all who see the case, clinical
 * notes to those who read clinical data, psychotherapy notes to their author only. The caller has already checked
 * that the viewer sees the case.
 */
export function noteVisibilitySql(viewer: CaseViewer, c: CaseAccessFacts, p: Params, alias = 'n'): string {
  const clinical = canReadClinical(viewer, c);
  return `(${alias}.kind = 'CASE_NOTE'${clinical ? ` OR ${alias}.kind = 'CLINICAL'` : ''} OR (${alias}.kind = 'PSYCHOTHERAPY' AND ${alias}.author_id = ${p.add(viewer.userId)}))`;
}

export function isCaseSupervisor(viewer: CaseViewer): boolean {
  return hasPermission(viewer.role, PERMISSIONS.CASE_SUPERVISE);
}

/** What the caller may do on a case they see (the screen offers these; the services enforce the same rules). */
export function abilitiesOf(viewer: CaseViewer, c: CaseAccessFacts): CaseAbilities {
  const sees = canSeeCase(viewer, c);
  return {
    write: sees && hasPermission(viewer.role, PERMISSIONS.CASE_WRITE),
    readClinical: canReadClinical(viewer, c),
    writeClinical: canWriteClinical(viewer, c),
    supervise: sees && isCaseSupervisor(viewer),
  };
}
