import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Locale, Role } from '@pathways/contracts';
import type { FastifyRequest } from 'fastify';

/** Who is acting and from where: what services need for access rules and audit rows. */
export interface Actor {
  userId: string;
  role: Role;
  organizationId: string;
  locale: Locale;
  sessionId: string;
  /** The session's CSRF token (derived from its token), for GET /api/auth/me. */
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/** Where an unauthenticated request comes from (login, public routes). */
export interface Origin {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

export function originOf(request: FastifyRequest): Origin {
  const ua = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 400) : null,
    requestId: String(request.id),
  };
}

/** The signed-in caller, set by the global AuthGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a route without @Authenticated');
  return request.actor;
});

export const RequestOrigin = createParamDecorator((_data: unknown, ctx: ExecutionContext): Origin =>
  originOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
