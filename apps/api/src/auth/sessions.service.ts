import { Injectable } from '@nestjs/common';
import type { SecurityValues } from '@pathways/contracts';
import { absoluteExpiry, idleExpiry, sessionState, sessionTimeoutsOf } from '@pathways/domain';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Origin } from '../common/actor';
import { Clock } from '../common/clock';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';
import { UserEntity } from '../users/user.entity';
import { SessionEntity, type SessionKind } from './session.entity';
import { csrfFor, hashToken, newToken, sameHash } from './tokens';

/** Seen-at is written at most this often, so a busy session does not write on every request. */
const TOUCH_EVERY_MS = 60_000;
const MFA_CHALLENGE_MINUTES = 5;

export interface IssuedSession {
  session: SessionEntity;
  token: string;
  csrfToken: string;
  idleExpiresAt: Date;
}

export interface ValidSession {
  session: SessionEntity;
  user: UserEntity;
  /** The user's organization's security settings (MFA policy, timeouts), read with the session. */
  security: SecurityValues;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async issue(
    manager: EntityManager,
    userId: string,
    origin: Origin,
    kind: SessionKind = 'SESSION',
  ): Promise<IssuedSession> {
    const now = this.clock.now();
    const token = newToken();
    const csrfToken = csrfFor(token);
    // The organization's timeouts, never longer than the deployment's (themselves within CJIS limits).
    const timeouts = sessionTimeoutsOf(await this.settings.securityOfUser(userId, manager));
    const expiresAt =
      kind === 'SESSION'
        ? absoluteExpiry({ createdAt: now }, timeouts)
        : new Date(now.getTime() + MFA_CHALLENGE_MINUTES * 60_000);
    const session = manager.create(SessionEntity, {
      userId,
      kind,
      tokenHash: hashToken(token),
      csrfHash: kind === 'SESSION' ? hashToken(csrfToken) : null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    await manager.save(SessionEntity, session);
    return { session, token, csrfToken, idleExpiresAt: idleExpiry(session, timeouts) };
  }

  /** The live session and active user for a token, or null (unknown, revoked, idle or absolute timeout). */
  async validate(token: string): Promise<ValidSession | null> {
    // One statement per request: findOne with relations would first run a DISTINCT query for the ids to fetch.
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .leftJoinAndSelect('u.organization', 'o')
      .where(`s.tokenHash = :hash AND s.kind = 'SESSION' AND s.revokedAt IS NULL`, { hash: hashToken(token) })
      .getOne();
    if (!session?.user?.active) return null;
    const now = this.clock.now();
    const security = this.settings.securityFrom(this.settings.parse(session.user.organization?.settings));
    if (sessionState(session, now, sessionTimeoutsOf(security)) !== 'ACTIVE') return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.dataSource.getRepository(SessionEntity).update({ id: session.id }, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    return { session, user: session.user, security };
  }

  /** A pending MFA challenge for `challenge`, consumed (revoked) on use. */
  async consumeChallenge(manager: EntityManager, challenge: string): Promise<SessionEntity | null> {
    const found = await manager.getRepository(SessionEntity).findOne({
      where: { tokenHash: hashToken(challenge), kind: 'MFA_CHALLENGE', revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found || found.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    await manager.update(SessionEntity, { id: found.id }, { revokedAt: this.clock.now() });
    return found;
  }

  csrfMatches(session: SessionEntity, csrfToken: string | undefined): boolean {
    return !!csrfToken && !!session.csrfHash && sameHash(session.csrfHash, hashToken(csrfToken));
  }

  csrfTokenOf(sessionToken: string): string {
    return csrfFor(sessionToken);
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.update(
      SessionEntity,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
  }

  /** Revokes every live session of a user (deactivation, password reset). */
  async revokeAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
