import { Injectable } from '@nestjs/common';
import type {
  AdminUser,
  AdminUsersQuery,
  CreateUserRequest,
  OneTimePasswordResponse,
  UpdateUserRequest,
} from '@pathways/contracts';
import { isLocked, lockoutPolicyOf, type LockoutPolicy } from '@pathways/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { SessionsService } from '../auth/sessions.service';
import { AuditService } from '../audit/audit.service';
import { notFound, staleVersion, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';
import { UserEntity } from './user.entity';
import { roleFitsOrganization } from './users.policy';

/**
 * Account administration, always inside the ADMIN's own organization: a user of another organization answers
 * 404. Every change is audited as PERMISSION_CHANGE in the same transaction.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async list(actor: Actor, q: AdminUsersQuery): Promise<AdminUser[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.organizationId = :org', { org: actor.organizationId });
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.active) qb.andWhere('u.active = :active', { active: q.active === 'true' });
    if (q.q) qb.andWhere('(u.displayName ILIKE :q OR u.email ILIKE :q)', { q: `%${escapeLike(q.q)}%` });
    const rows = await qb.orderBy('u.displayName', 'ASC').getMany();
    const policy = await this.lockoutPolicy(actor);
    return rows.map((u) => this.toAdminUser(u, policy));
  }

  async create(actor: Actor, body: CreateUserRequest): Promise<OneTimePasswordResponse> {
    const oneTimePassword = this.passwords.oneTimePassword();
    const passwordHash = await this.passwords.hash(oneTimePassword);
    return this.dataSource.transaction(async (manager) => {
      const org = await manager
        .getRepository(OrganizationEntity)
        .findOneByOrFail({ id: actor.organizationId });
      const problems = [];
      if (!roleFitsOrganization(body.role, org.kind))
        problems.push({
          path: 'role',
          message: `A ${org.kind} organization cannot hold the role ${body.role}`,
        });
      // Identifiers are never reused: an e-mail stays taken even after its account is deactivated.
      if (await manager.getRepository(UserEntity).exist({ where: { email: body.email } }))
        problems.push({ path: 'email', message: 'This e-mail already belongs to an account' });
      if (problems.length) throw validationFailed(problems);
      const user = manager.create(UserEntity, {
        organizationId: actor.organizationId,
        email: body.email,
        displayName: body.displayName,
        role: body.role,
        locale: body.locale,
        passwordHash,
        mustChangePassword: true,
        createdBy: actor.userId,
      });
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action: 'PERMISSION_CHANGE',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['created', 'role'],
      });
      return { user: this.toAdminUser(user, await this.lockoutPolicy(actor, manager)), oneTimePassword };
    });
  }

  async update(actor: Actor, id: string, body: UpdateUserRequest): Promise<AdminUser> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.findInOrg(manager, actor, id);
      if (user.version !== body.version) throw staleVersion(user.version);
      const problems = [];
      if (user.id === actor.userId && body.role !== undefined && body.role !== user.role)
        problems.push({ path: 'role', message: 'You cannot change your own role' });
      if (user.id === actor.userId && body.active === false)
        problems.push({ path: 'active', message: 'You cannot deactivate your own account' });
      if (body.role !== undefined) {
        const org = await manager
          .getRepository(OrganizationEntity)
          .findOneByOrFail({ id: actor.organizationId });
        if (!roleFitsOrganization(body.role, org.kind))
          problems.push({
            path: 'role',
            message: `A ${org.kind} organization cannot hold the role ${body.role}`,
          });
      }
      if (problems.length) throw validationFailed(problems);

      const changes: Partial<UserEntity> = {};
      if (body.displayName !== undefined && body.displayName !== user.displayName)
        changes.displayName = body.displayName;
      if (body.role !== undefined && body.role !== user.role) changes.role = body.role;
      if (body.locale !== undefined && body.locale !== user.locale) changes.locale = body.locale;
      if (body.active !== undefined && body.active !== user.active) changes.active = body.active;
      const changedFields = Object.keys(changes);
      if (changedFields.length === 0) return this.toAdminUser(user, await this.lockoutPolicy(actor, manager));

      const now = this.clock.now();
      const bookkeeping: Partial<UserEntity> =
        changes.active === false
          ? { deactivatedAt: now, deactivationReason: 'ADMIN' }
          : changes.active === true
            ? { deactivatedAt: null, deactivationReason: null, reactivatedAt: now }
            : {};
      const result = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ ...changes, ...bookkeeping, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: body.version })
        .execute();
      if (result.affected !== 1) throw staleVersion(user.version);
      // Deactivation and role changes take effect at once: live sessions end.
      if (changes.active === false || changes.role !== undefined)
        await this.sessions.revokeAllOf(manager, id);
      await this.audit.record(manager, actor, {
        action: 'PERMISSION_CHANGE',
        entityType: 'user',
        entityId: id,
        changedFields,
      });
      return this.reload(manager, actor, id);
    });
  }

  async unlock(actor: Actor, id: string): Promise<AdminUser> {
    return this.dataSource.transaction(async (manager) => {
      await this.findInOrg(manager, actor, id);
      await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ lockedAt: null, failedLogins: 0, firstFailedAt: null, version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      await this.audit.record(manager, actor, {
        action: 'PERMISSION_CHANGE',
        entityType: 'user',
        entityId: id,
        changedFields: ['lockedAt'],
      });
      return this.reload(manager, actor, id);
    });
  }

  /**
   * Clears two-step verification (a lost phone): the person signs in with the password and sets it up again
   * (at once, if the organization requires it). Their sessions end.
   */
  async resetMfa(actor: Actor, id: string): Promise<AdminUser> {
    return this.dataSource.transaction(async (manager) => {
      await this.findInOrg(manager, actor, id);
      await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabled: false, version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      await this.sessions.revokeAllOf(manager, id);
      await this.audit.record(manager, actor, {
        action: 'PERMISSION_CHANGE',
        entityType: 'user',
        entityId: id,
        changedFields: ['mfa'],
      });
      return this.reload(manager, actor, id);
    });
  }

  async resetPassword(actor: Actor, id: string): Promise<OneTimePasswordResponse> {
    const oneTimePassword = this.passwords.oneTimePassword();
    const passwordHash = await this.passwords.hash(oneTimePassword);
    return this.dataSource.transaction(async (manager) => {
      await this.findInOrg(manager, actor, id);
      await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({
          passwordHash,
          mustChangePassword: true,
          lockedAt: null,
          failedLogins: 0,
          firstFailedAt: null,
          version: () => 'version + 1',
        })
        .where('id = :id', { id })
        .execute();
      await this.sessions.revokeAllOf(manager, id);
      await this.audit.record(manager, actor, {
        action: 'PERMISSION_CHANGE',
        entityType: 'user',
        entityId: id,
        changedFields: ['password'],
      });
      return { user: await this.reload(manager, actor, id), oneTimePassword };
    });
  }

  private async findInOrg(manager: EntityManager, actor: Actor, id: string): Promise<UserEntity> {
    const user = await manager.getRepository(UserEntity).findOne({
      where: { id, organizationId: actor.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw notFound('User');
    return user;
  }

  private async reload(manager: EntityManager, actor: Actor, id: string): Promise<AdminUser> {
    const user = await manager.getRepository(UserEntity).findOneByOrFail({ id });
    return this.toAdminUser(user, await this.lockoutPolicy(actor, manager));
  }

  private async lockoutPolicy(actor: Actor, manager?: EntityManager): Promise<LockoutPolicy> {
    return lockoutPolicyOf(await this.settings.securityOf(actor.organizationId, manager));
  }

  private toAdminUser(u: UserEntity, policy: LockoutPolicy): AdminUser {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      locale: u.locale,
      active: u.active,
      locked: isLocked(u, this.clock.now(), policy),
      mfaEnabled: u.mfaEnabled,
      mustChangePassword: u.mustChangePassword,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
      deactivationReason: u.deactivationReason,
      createdAt: u.createdAt.toISOString(),
      version: u.version,
    };
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
