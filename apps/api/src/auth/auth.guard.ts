import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PERMISSIONS } from '@pathways/contracts';
import { hasPermission } from '@pathways/domain';
import type { FastifyRequest } from 'fastify';
import { type AuthenticatedRequest, originOf } from '../common/actor';
import {
  csrfRejected,
  mfaSetupRequired,
  notSignedIn,
  passwordChangeRequired,
  permissionDenied,
  sessionExpired,
} from './auth.exception';
import { AUTH_METADATA, type AuthDeclaration } from './authenticated.decorator';
import { SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const SESSION_COOKIE = 'sid';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The one global guard. Deny by default: a route without a declaration is refused (and routes.spec.ts fails on
 * it); otherwise the caller needs a live session (Bearer token, or the `sid` cookie plus X-CSRF-Token on unsafe
 * methods) and the declared permission.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declaration = this.reflector.getAllAndOverride<AuthDeclaration | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!declaration) throw permissionDenied();
    if (declaration.public) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credentials = readCredentials(request);
    if (!credentials) throw notSignedIn();
    const valid = await this.sessions.validate(credentials.token);
    if (!valid) throw sessionExpired();
    if (credentials.viaCookie && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!this.sessions.csrfMatches(valid.session, typeof header === 'string' ? header : undefined))
        throw csrfRejected();
    }
    const { user, session } = valid;
    if (!hasPermission(user.role, declaration.permission)) throw permissionDenied();
    if (user.mustChangePassword && declaration.permission !== PERMISSIONS.SESSION_SELF)
      throw passwordChangeRequired();
    // The organization's MFA policy: without two-step verification, only the own session (to set it up).
    if (valid.security.mfaRequired && !user.mfaEnabled && declaration.permission !== PERMISSIONS.SESSION_SELF)
      throw mfaSetupRequired();

    request.actor = {
      userId: user.id,
      role: user.role,
      organizationId: user.organizationId,
      locale: user.locale,
      sessionId: session.id,
      csrfToken: this.sessions.csrfTokenOf(credentials.token),
      ...originOf(request),
    };
    return true;
  }
}

function readCredentials(request: FastifyRequest): { token: string; viaCookie: boolean } | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    return token ? { token, viaCookie: false } : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : null;
}
