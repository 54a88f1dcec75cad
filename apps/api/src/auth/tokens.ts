import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256-bit random token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The CSRF token of a session, derived from its token: the server can hand it again to a new tab of the same
 * browser (GET /api/auth/me) without storing it, and a cross-site page can neither read the cookie nor the answer.
 */
export function csrfFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('pathways-csrf').digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
