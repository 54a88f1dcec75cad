import { Injectable } from '@nestjs/common';
import type {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  Me,
  MfaChallengeRequest,
  MfaEnrollRequest,
  MfaEnrollResponse,
  MfaRequiredResponse,
  UpdateMeRequest,
} from '@pathways/contracts';
import type { SecurityValues } from '@pathways/contracts';
import {
  isDormant,
  isLocked,
  lockoutPolicyOf,
  permissionsOf,
  registerFailure,
  type LockoutPolicy,
} from '@pathways/domain';
import { authenticator } from 'otplib';
import { DataSource, type EntityManager } from 'typeorm';
import { validationFailed } from '../common/app-exception';
import type { Actor, Origin } from '../common/actor';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';
import { UserEntity } from '../users/user.entity';
import { accountLocked, invalidCredentials, invalidMfaChallenge } from './auth.exception';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions.service';

/** Verified against when the e-mail is unknown, so both failures take the same time. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$GcGv8XNtwxXs/Z5TeXPXGA$b1i0cFzx1p3kWVEgVP2o2oJb/BGLohR/tPfKX5urleM';

export type LoginResult = (LoginResponse & { kind: 'session' }) | (MfaRequiredResponse & { kind: 'mfa' });

type Attempt = { kind: 'ok'; result: LoginResult } | { kind: 'invalid' } | { kind: 'locked' };

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async login(body: LoginRequest, origin: Origin): Promise<LoginResult> {
    // The failure count and its audit rows must commit even though the caller then gets an error.
    const attempt = await this.dataSource.transaction(async (manager): Promise<Attempt> => {
      const user = await manager.getRepository(UserEntity).findOne({
        where: { email: body.email },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || !user.active) {
        await this.passwords.verify(DUMMY_HASH, body.password);
        await this.audit.recordFor(
          manager,
          {
            actorId: user?.id ?? null,
            actorRole: user?.role ?? null,
            organizationId: user?.organizationId ?? null,
          },
          origin,
          { action: 'LOGIN_FAILED', entityType: 'user', entityId: user?.id ?? null, outcome: 'DENIED' },
        );
        return { kind: 'invalid' };
      }
      const now = this.clock.now();
      const security = await this.settings.securityOf(user.organizationId, manager);
      const policy = lockoutPolicyOf(security);
      if (isLocked(user, now, policy)) {
        await this.auditUser(manager, user, origin, 'LOGIN_FAILED', 'DENIED');
        return { kind: 'locked' };
      }
      if (!(await this.passwords.verify(user.passwordHash, body.password))) {
        return (await this.registerFailure(manager, user, origin, policy))
          ? { kind: 'locked' }
          : { kind: 'invalid' };
      }
      // CJIS: an account unused too long is disabled, even if the scheduled job has not reached it yet.
      if (isDormant(user, now, security.accountInactivityDays)) {
        await this.disableDormant(manager, user, origin);
        return { kind: 'invalid' };
      }
      if (user.mfaEnabled) {
        const issued = await this.sessions.issue(manager, user.id, origin, 'MFA_CHALLENGE');
        return { kind: 'ok', result: { kind: 'mfa', mfaRequired: true, challenge: issued.token } };
      }
      return { kind: 'ok', result: await this.completeLogin(manager, user, origin) };
    });
    if (attempt.kind === 'locked') throw accountLocked();
    if (attempt.kind === 'invalid') throw invalidCredentials();
    return attempt.result;
  }

  async completeMfa(body: MfaChallengeRequest, origin: Origin): Promise<LoginResult> {
    const attempt = await this.dataSource.transaction(async (manager): Promise<Attempt> => {
      const challenge = await this.sessions.consumeChallenge(manager, body.challenge);
      if (!challenge) return { kind: 'invalid' };
      const user = await manager.getRepository(UserEntity).findOne({
        where: { id: challenge.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user?.active || !user.mfaSecret) return { kind: 'invalid' };
      const policy = lockoutPolicyOf(await this.settings.securityOf(user.organizationId, manager));
      if (isLocked(user, this.clock.now(), policy)) return { kind: 'locked' };
      if (!authenticator.check(body.code, user.mfaSecret)) {
        return (await this.registerFailure(manager, user, origin, policy))
          ? { kind: 'locked' }
          : { kind: 'invalid' };
      }
      return { kind: 'ok', result: await this.completeLogin(manager, user, origin) };
    });
    if (attempt.kind === 'locked') throw accountLocked();
    if (attempt.kind === 'invalid') throw invalidMfaChallenge();
    return attempt.result;
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(manager, actor, {
        action: 'LOGOUT',
        entityType: 'session',
        entityId: actor.sessionId,
      });
    });
  }

  async me(actor: Actor): Promise<Me> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneOrFail({ where: { id: actor.userId }, relations: { organization: true } });
    return { ...toMe(user, await this.securityOfLoaded(user)), csrfToken: actor.csrfToken };
  }

  async updateMe(actor: Actor, body: UpdateMeRequest): Promise<Me> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: actor.userId }, { locale: body.locale });
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'user',
        entityId: actor.userId,
        changedFields: ['locale'],
      });
    });
    return this.me(actor);
  }

  async changePassword(actor: Actor, body: ChangePasswordRequest): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOneOrFail({ where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!(await this.passwords.verify(user.passwordHash, body.currentPassword)))
        throw validationFailed([{ path: 'currentPassword', message: 'The current password is not correct' }]);
      this.passwords.assertAcceptable(body.newPassword, 'newPassword', user.email);
      if (body.newPassword === body.currentPassword)
        throw validationFailed([
          { path: 'newPassword', message: 'Choose a password different from the current one' },
        ]);
      await manager.update(
        UserEntity,
        { id: user.id },
        {
          passwordHash: await this.passwords.hash(body.newPassword),
          mustChangePassword: false,
          passwordChangedAt: this.clock.now(),
        },
      );
      // Other sessions end: whoever knew the old password is signed out everywhere else.
      await manager.query(
        'UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND id <> $3 AND revoked_at IS NULL',
        [this.clock.now(), user.id, actor.sessionId],
      );
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['password'],
      });
    });
  }

  async enrollMfa(actor: Actor, body: MfaEnrollRequest): Promise<MfaEnrollResponse> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOneOrFail({ where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (body.code === undefined) {
        const secret = authenticator.generateSecret();
        await manager.update(UserEntity, { id: user.id }, { mfaPendingSecret: secret });
        return {
          enabled: user.mfaEnabled,
          secret,
          otpauthUrl: authenticator.keyuri(user.email, 'Pathways', secret),
        };
      }
      if (!user.mfaPendingSecret || !authenticator.check(body.code, user.mfaPendingSecret))
        throw validationFailed([
          { path: 'code', message: 'The code does not match; check the time on your device' },
        ]);
      await manager.update(
        UserEntity,
        { id: user.id },
        { mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabled: true },
      );
      await this.audit.record(manager, actor, {
        action: 'UPDATE',
        entityType: 'user',
        entityId: user.id,
        changedFields: ['mfa'],
      });
      return { enabled: true };
    });
  }

  private async completeLogin(
    manager: EntityManager,
    user: UserEntity,
    origin: Origin,
  ): Promise<LoginResult> {
    const now = this.clock.now();
    // Sign-in bookkeeping is not an edit of the account: plain SQL, so the row's version stays put.
    await manager.query(
      'UPDATE users SET failed_logins = 0, first_failed_at = NULL, locked_at = NULL, last_login_at = $2 WHERE id = $1',
      [user.id, now],
    );
    const issued = await this.sessions.issue(manager, user.id, origin);
    await this.auditUser(manager, user, origin, 'LOGIN', 'SUCCESS', issued.session.id);
    const withOrg = await manager
      .getRepository(UserEntity)
      .findOneOrFail({ where: { id: user.id }, relations: { organization: true } });
    return {
      kind: 'session',
      token: issued.token,
      csrfToken: issued.csrfToken,
      expiresAt: issued.session.expiresAt.toISOString(),
      idleExpiresAt: issued.idleExpiresAt.toISOString(),
      user: toMe(withOrg, await this.securityOfLoaded(withOrg)),
    };
  }

  /** Counts a failed attempt; returns true when this attempt locked the account. */
  private async registerFailure(
    manager: EntityManager,
    user: UserEntity,
    origin: Origin,
    policy: LockoutPolicy,
  ): Promise<boolean> {
    const next = registerFailure(user, this.clock.now(), policy);
    await manager.query(
      'UPDATE users SET failed_logins = $2, first_failed_at = $3, locked_at = $4 WHERE id = $1',
      [user.id, next.failedLogins, next.firstFailedAt, next.lockedAt],
    );
    await this.auditUser(manager, user, origin, 'LOGIN_FAILED', 'DENIED');
    if (next.lockedNow) await this.auditUser(manager, user, origin, 'LOCKOUT', 'SUCCESS');
    return next.lockedNow;
  }

  /** Disables an account found dormant at sign-in: the same change the scheduled job makes, audited. */
  private async disableDormant(manager: EntityManager, user: UserEntity, origin: Origin): Promise<void> {
    const now = this.clock.now();
    await manager.query(
      `UPDATE users SET active = false, deactivated_at = $2, deactivation_reason = 'INACTIVITY', version = version + 1
       WHERE id = $1`,
      [user.id, now],
    );
    await this.sessions.revokeAllOf(manager, user.id);
    await this.audit.recordFor(
      manager,
      { actorId: null, actorRole: null, organizationId: user.organizationId },
      origin,
      { action: 'PERMISSION_CHANGE', entityType: 'user', entityId: user.id, changedFields: ['active'] },
    );
    await this.auditUser(manager, user, origin, 'LOGIN_FAILED', 'DENIED');
  }

  private securityOfLoaded(user: UserEntity): Promise<SecurityValues> | SecurityValues {
    return user.organization
      ? this.settings.securityFrom(this.settings.parse(user.organization.settings))
      : this.settings.securityOf(user.organizationId);
  }

  private auditUser(
    manager: EntityManager,
    user: UserEntity,
    origin: Origin,
    action: 'LOGIN' | 'LOGIN_FAILED' | 'LOCKOUT',
    outcome: 'SUCCESS' | 'DENIED',
    entityId?: string,
  ): Promise<void> {
    return this.audit.recordFor(
      manager,
      { actorId: user.id, actorRole: user.role, organizationId: user.organizationId },
      origin,
      { action, entityType: action === 'LOGIN' ? 'session' : 'user', entityId: entityId ?? user.id, outcome },
    );
  }
}

export function toMe(user: UserEntity, security: SecurityValues): Me {
  if (!user.organization) throw new Error('user loaded without its organization');
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    mfaEnabled: user.mfaEnabled,
    mustChangePassword: user.mustChangePassword,
    mfaSetupRequired: security.mfaRequired && !user.mfaEnabled,
    organization: { id: user.organization.id, name: user.organization.name, kind: user.organization.kind },
    permissions: permissionsOf(user.role),
  };
}
