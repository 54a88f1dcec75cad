import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import type { Permission } from '@pathways/contracts';

export const AUTH_METADATA = 'pathways:auth';

export type AuthDeclaration = { public: true } | { public: false; permission: Permission };

/** A route for signed-in users holding `permission` (deny by default: the global guard refuses the rest). */
export function Authenticated(options: { permission: Permission }): MethodDecorator & ClassDecorator {
  const declaration: AuthDeclaration = { public: false, permission: options.permission };
  return applyDecorators(
    SetMetadata(AUTH_METADATA, declaration),
    ApiBearerAuth(),
    ApiCookieAuth('sid'),
    ApiSecurity('csrf'),
  );
}

/** A route anyone may call without signing in (login, health, public dashboard). */
export function Public(): MethodDecorator & ClassDecorator {
  const declaration: AuthDeclaration = { public: true };
  return SetMetadata(AUTH_METADATA, declaration);
}
