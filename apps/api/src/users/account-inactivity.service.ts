import { Injectable } from '@nestjs/common';
import { dormantBefore } from '@pathways/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';

/** Held while the job runs, so several API instances never disable the same accounts twice. */
const INACTIVITY_LOCK = 7_346_110_003;

/**
 * CJIS: accounts unused for 90 days (or the organization's shorter period) are disabled. Runs on a schedule
 * (MaintenanceScheduler); sign-in applies the same rule to the account signing in. Each disabled account gets a
 * PERMISSION_CHANGE audit row with no actor (the system did it) and its sessions end.
 */
@Injectable()
export class AccountInactivityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
    private readonly audit: AuditService,
  ) {}

  /** Disables every dormant account; returns how many. Idempotent: a second run finds none. */
  async disableDormant(): Promise<number> {
    const now = this.clock.now();
    const organizations: { id: string; settings: unknown }[] = await this.dataSource.query(
      'SELECT id, settings FROM organizations ORDER BY id',
    );
    const origin = { ip: null, userAgent: null, requestId: `inactivity:${randomUUID()}` };
    let disabled = 0;
    for (const org of organizations) {
      const security = this.settings.securityFrom(this.settings.parse(org.settings));
      disabled += await this.dataSource.transaction(async (manager) => {
        const [lock] = await manager.query<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1) AS locked',
          [INACTIVITY_LOCK],
        );
        if (!lock?.locked) return 0;
        const rows: { id: string }[] = await manager.query(
          `WITH dormant AS (
             UPDATE users SET active = false, deactivated_at = $3, deactivation_reason = 'INACTIVITY',
                              version = version + 1
             WHERE organization_id = $1 AND active
               AND greatest(created_at, last_login_at, reactivated_at) <= $2
             RETURNING id)
           SELECT id FROM dormant ORDER BY id`,
          [org.id, dormantBefore(now, security.accountInactivityDays), now],
        );
        if (rows.length === 0) return 0;
        const ids = rows.map((r) => r.id);
        await manager.query(
          'UPDATE sessions SET revoked_at = $2 WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL',
          [ids, now],
        );
        await this.audit.recordMany(
          manager,
          { actorId: null, actorRole: null, organizationId: org.id },
          origin,
          { action: 'PERMISSION_CHANGE', entityType: 'user', changedFields: ['active'] },
          ids.map((entityId) => ({ entityId })),
        );
        return ids.length;
      });
    }
    return disabled;
  }
}
