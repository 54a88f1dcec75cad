import type { Actor } from '../common/actor';
import { isPoliceViewer } from '../referrals/referrals.policy';
import type { Params } from '../common/sql-params';

/**
 * Which youth a caller may find or link, as SQL on alias `y`: police users only youth on their own agency's
 * referrals that are not sealed; provider users the youth of their provider.
 */
export function youthScopeSql(actor: Actor, p: Params): string {
  if (isPoliceViewer(actor.role))
    return `EXISTS (SELECT 1 FROM referrals rv WHERE rv.youth_id = y.id AND rv.referring_org_id = ${p.add(
      actor.organizationId,
    )} AND rv.sealed_at IS NULL)`;
  if (actor.role === 'COUNSELOR' || actor.role === 'PROVIDER_SUPERVISOR')
    return `y.organization_id = ${p.add(actor.organizationId)}`;
  return 'false';
}
