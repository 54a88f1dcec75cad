import { Injectable } from '@nestjs/common';
import type {
  ClockValues,
  OrganizationAdminView,
  OrganizationSettings,
  UpdateOrganizationRequest,
} from '@pathways/contracts';
import {
  DEFAULT_CLOCKS,
  DEFAULT_REPORTS,
  DEFAULT_RETENTION,
  effectiveClocks,
  effectiveReports,
  effectiveRetention,
  effectiveSecurity,
  overridesOnly,
  settingsProblems,
} from '@pathways/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { staleVersion, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { OrganizationEntity } from './organization.entity';
import { OrganizationSettingsService } from './organization-settings.service';

const SECTIONS = ['clocks', 'security', 'reports', 'retention'] as const;

/** The ADMIN's own organization: profile and settings, one transaction with its audit row (UPDATE). */
@Injectable()
export class OrganizationAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: OrganizationSettingsService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<OrganizationAdminView> {
    const org = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: actor.organizationId });
    return this.toView(org);
  }

  async update(actor: Actor, body: UpdateOrganizationRequest): Promise<OrganizationAdminView> {
    return this.dataSource.transaction(async (manager) => {
      const org = await manager
        .getRepository(OrganizationEntity)
        .findOne({ where: { id: actor.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new Error('the actor’s organization is missing');
      if (org.version !== body.version) throw staleVersion(org.version);

      const stored = this.settings.parse(org.settings);
      // Bounds are checked on what would be stored: the sent values over the stored ones.
      const merged: OrganizationSettings = {};
      for (const section of SECTIONS)
        if (body[section] !== undefined)
          (merged as Record<string, unknown>)[section] = { ...stored[section], ...body[section] };
      const problems = settingsProblems(merged, org.kind);
      if (body.name !== undefined && body.name !== org.name) {
        const taken: unknown[] = await manager.query(
          'SELECT 1 FROM organizations WHERE lower(name) = lower($1) AND id <> $2',
          [body.name, org.id],
        );
        if (taken.length) problems.push({ path: 'name', message: 'Another organization has this name' });
      }
      if (problems.length) throw validationFailed(problems);

      const next: OrganizationSettings = { ...stored };
      const changedFields: string[] = [];
      if (body.profile !== undefined) {
        const profile = { ...stored.profile, ...body.profile };
        for (const key of Object.keys(body.profile) as (keyof typeof profile)[])
          if ((stored.profile?.[key] ?? null) !== (profile[key] ?? null))
            changedFields.push(`profile.${key}`);
        next.profile = profile;
      }
      for (const section of SECTIONS) {
        const sent = body[section];
        if (sent === undefined) continue;
        const kept = this.storedSection(section, { ...stored[section], ...sent });
        for (const key of new Set([...Object.keys(stored[section] ?? {}), ...Object.keys(kept)]))
          if (
            (stored[section] as Record<string, unknown> | undefined)?.[key] !==
            (kept as Record<string, unknown>)[key]
          )
            changedFields.push(`${section}.${key}`);
        (next as Record<string, unknown>)[section] = kept;
      }
      if (body.name !== undefined && body.name !== org.name) changedFields.push('name');
      if (changedFields.length === 0) return this.toView(org);

      const result = await manager
        .createQueryBuilder()
        .update(OrganizationEntity)
        .set({
          ...(body.name !== undefined ? { name: body.name } : {}),
          settings: next as Record<string, unknown>,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id: org.id, version: body.version })
        .execute();
      if (result.affected !== 1) throw staleVersion(org.version);
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'organization',
        entityId: org.id,
        changedFields: changedFields.sort(),
      });
      return this.toView(await manager.getRepository(OrganizationEntity).findOneByOrFail({ id: org.id }));
    });
  }

  /** Only overrides are stored; MFA is kept as chosen, since its default depends on the deployment. */
  private storedSection(section: (typeof SECTIONS)[number], values: Record<string, unknown>) {
    switch (section) {
      case 'clocks':
        return overridesOnly(values, DEFAULT_CLOCKS as unknown as Record<string, unknown>);
      case 'reports':
        return overridesOnly(values, DEFAULT_REPORTS as unknown as Record<string, unknown>);
      case 'retention':
        return overridesOnly(values, DEFAULT_RETENTION as unknown as Record<string, unknown>);
      case 'security': {
        const { mfaRequired, ...rest } = values;
        const defaults = effectiveSecurity(undefined, this.settings.limits) as unknown as Record<
          string,
          unknown
        >;
        return { ...overridesOnly(rest, defaults), ...(mfaRequired !== undefined ? { mfaRequired } : {}) };
      }
    }
  }

  private toView(org: OrganizationEntity): OrganizationAdminView {
    const s = this.settings.parse(org.settings);
    const limits = this.settings.limits;
    const isProvider = org.kind === 'SERVICE_PROVIDER';
    return {
      id: org.id,
      name: org.name,
      kind: org.kind,
      version: org.version,
      updatedAt: org.updatedAt.toISOString(),
      profile: {
        phone: s.profile?.phone ?? null,
        email: s.profile?.email ?? null,
        address: s.profile?.address ?? null,
      },
      clocks: isProvider ? (effectiveClocks(s.clocks) satisfies ClockValues) : null,
      security: effectiveSecurity(s.security, limits),
      reports: effectiveReports(s.reports),
      retention: effectiveRetention(s.retention),
      deployment: {
        mfaAlwaysRequired: limits.mfaAlwaysRequired,
        sessionIdleMinutesMax: limits.sessionTimeouts.idleMinutes,
        sessionAbsoluteHoursMax: limits.sessionTimeouts.absoluteHours,
      },
      defaults: {
        clocks: { ...DEFAULT_CLOCKS },
        security: effectiveSecurity(undefined, limits),
        reports: { ...DEFAULT_REPORTS },
        retention: { ...DEFAULT_RETENTION },
      },
    };
  }
}
