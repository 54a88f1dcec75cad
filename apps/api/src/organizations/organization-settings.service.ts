import { Injectable } from '@nestjs/common';
import {
  organizationSettingsSchema,
  type OrganizationSettings,
  type ReportValues,
  type RetentionValues,
  type SecurityValues,
} from '@pathways/contracts';
import {
  effectiveClocks,
  effectiveReports,
  effectiveRetention,
  effectiveSecurity,
  type ClockSettings,
  type DeploymentLimits,
} from '@pathways/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * An organization's effective settings: the defaults of libs/domain with the overrides stored in
 * `organizations.settings`, always brought within their legal bounds. Other features read their settings here
 * (the tasks query: `clockSettings(providerOrgId)`; reports: `reportSettings(orgId)`).
 */
@Injectable()
export class OrganizationSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** What the deployment fixes whatever the organization says. */
  get limits(): DeploymentLimits {
    return { sessionTimeouts: this.config.sessionTimeouts, mfaAlwaysRequired: this.config.isProduction };
  }

  /**
   * The stored settings, section by section: a section that does not match its schema (edited by hand) reads as
   * "no overrides", so a bad value can only fall back to the defaults.
   */
  parse(raw: unknown): OrganizationSettings {
    const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(organizationSettingsSchema.shape)) {
      const parsed = schema.safeParse(source[key]);
      if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
    }
    return out;
  }

  async settingsOf(organizationId: string, manager?: EntityManager): Promise<OrganizationSettings> {
    const rows: { settings: unknown }[] = await (manager ?? this.dataSource).query(
      'SELECT settings FROM organizations WHERE id = $1',
      [organizationId],
    );
    return this.parse(rows[0]?.settings);
  }

  /** The clocks a provider's referrals and cases run on (DOMAIN.md "Clocks", shortened where it chose). */
  async clockSettings(providerOrgId: string, manager?: EntityManager): Promise<ClockSettings> {
    return effectiveClocks((await this.settingsOf(providerOrgId, manager)).clocks);
  }

  /** The clocks of every provider at once (the report facts work out clocks of every provider's referrals). */
  async providerClocks(manager?: EntityManager): Promise<{ orgId: string; clocks: ClockSettings }[]> {
    const rows: { id: string; settings: unknown }[] = await (manager ?? this.dataSource).query(
      `SELECT id, settings FROM organizations WHERE kind = 'SERVICE_PROVIDER'`,
    );
    return rows.map((r) => ({ orgId: r.id, clocks: effectiveClocks(this.parse(r.settings).clocks) }));
  }

  securityFrom(settings: OrganizationSettings): SecurityValues {
    return effectiveSecurity(settings.security, this.limits);
  }

  /** MFA policy, session timeouts, lockout and inactivity rules of an organization. */
  async securityOf(organizationId: string, manager?: EntityManager): Promise<SecurityValues> {
    return this.securityFrom(await this.settingsOf(organizationId, manager));
  }

  /** The security settings of the organization a user belongs to. */
  async securityOfUser(userId: string, manager?: EntityManager): Promise<SecurityValues> {
    const rows: { settings: unknown }[] = await (manager ?? this.dataSource).query(
      'SELECT o.settings FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1',
      [userId],
    );
    return this.securityFrom(this.parse(rows[0]?.settings));
  }

  /** The equity reference group and the small-cell suppression threshold (never below 11). */
  async reportSettings(organizationId: string, manager?: EntityManager): Promise<ReportValues> {
    return effectiveReports((await this.settingsOf(organizationId, manager)).reports);
  }

  async retentionSchedule(organizationId: string, manager?: EntityManager): Promise<RetentionValues> {
    return effectiveRetention((await this.settingsOf(organizationId, manager)).retention);
  }
}
