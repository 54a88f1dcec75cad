import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { FEATURE_MODULES } from './app.module';
import { AUTH_METADATA, type AuthDeclaration } from './auth/authenticated.decorator';

export interface RouteInfo {
  method: string;
  path: string;
  controller: string;
  handler: string;
  auth: AuthDeclaration | undefined;
}

/**
 * Every HTTP route of the API, read from the controllers' metadata: the inventory that routes.spec.ts and the
 * authorization matrix test walk, so a new route cannot slip through without a declaration or a row.
 */
export function listRoutes(): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of FEATURE_MODULES) {
    const controllers = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []) as Type[];
    for (const controller of controllers) {
      const base = normalize(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
      const classAuth = Reflect.getMetadata(AUTH_METADATA, controller) as AuthDeclaration | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (methodPath === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = ['/api', base, normalize(methodPath)].filter(Boolean).join('/').replace(/\/+/g, '/');
        routes.push({
          method,
          path: path.length > 1 ? path.replace(/\/$/, '') : path,
          controller: controller.name,
          handler: name,
          auth: (Reflect.getMetadata(AUTH_METADATA, handler) as AuthDeclaration | undefined) ?? classAuth,
        });
      }
    }
  }
  return routes;
}

function normalize(path: string | string[] | undefined): string {
  const p = Array.isArray(path) ? (path[0] ?? '') : (path ?? '');
  return p.replace(/^\/|\/$/g, '');
}
