import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppException, validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

export type IdempotencyClaim<T> = { kind: 'new'; id: string } | { kind: 'replay'; status: number; body: T };

/**
 * `Idempotency-Key` for creating POSTs (API.md). The key row is inserted first in the caller's transaction: a
 * parallel retry blocks on the unique (user_id, key) index until the first transaction ends, then sees the stored
 * response (replay) or, when the first rolled back, takes over. Expired keys (24 h) are reused as new.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly clock: Clock) {}

  /** The header value, checked; undefined when absent. */
  static keyOf(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY_PATTERN.test(key))
      throw validationFailed([
        { path: 'Idempotency-Key', message: 'Use 8 to 200 visible ASCII characters (a UUID is ideal)' },
      ]);
    return key;
  }

  async claim<T>(
    manager: EntityManager,
    actor: Actor,
    key: string,
    route: string,
    body: unknown,
  ): Promise<IdempotencyClaim<T>> {
    const now = this.clock.now();
    const requestHash = hashOf(body);
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO idempotency_keys (key, user_id, route, request_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, key) DO UPDATE
         SET route = EXCLUDED.route, request_hash = EXCLUDED.request_hash, response_status = NULL,
             response_body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
       RETURNING id`,
      [key, actor.userId, route, requestHash, now, new Date(now.getTime() + IDEMPOTENCY_TTL_MS)],
    );
    if (inserted[0]) return { kind: 'new', id: inserted[0].id };
    const existing = await manager
      .getRepository(IdempotencyKeyEntity)
      .findOneByOrFail({ userId: actor.userId, key });
    if (existing.route !== route || existing.requestHash !== requestHash)
      throw new AppException(HttpStatus.CONFLICT, {
        code: 'IDEMPOTENCY_KEY_REUSED',
        message:
          'This Idempotency-Key was already used for a different request. Send a new key for a new request.',
      });
    if (existing.responseStatus === null)
      throw new AppException(HttpStatus.CONFLICT, {
        code: 'IDEMPOTENCY_IN_PROGRESS',
        message: 'The first request with this Idempotency-Key is still being processed. Retry shortly.',
      });
    return { kind: 'replay', status: existing.responseStatus, body: existing.responseBody as T };
  }

  async complete(manager: EntityManager, id: string, status: number, body: unknown): Promise<void> {
    await manager.update(
      IdempotencyKeyEntity,
      { id },
      { responseStatus: status, responseBody: body as object },
    );
  }
}

/** SHA-256 of the body as canonical JSON (keys sorted), so key order does not make a retry "different". */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
