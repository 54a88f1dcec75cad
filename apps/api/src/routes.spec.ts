import { ALL_PERMISSIONS } from '@pathways/contracts';
import { listRoutes } from './routes';

describe('route inventory', () => {
  const routes = listRoutes();

  it('finds the routes of every feature module', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/auth/me',
        'GET /api/health',
        'GET /api/audit/verify',
      ]),
    );
  });

  it('gives every route a declaration: @Authenticated({ permission }) or @Public()', () => {
    const undeclared = routes
      .filter((r) => r.auth === undefined)
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('declares only known permission names', () => {
    const unknown = routes.filter(
      (r) => r.auth && !r.auth.public && !ALL_PERMISSIONS.includes(r.auth.permission),
    );
    expect(unknown).toEqual([]);
  });

  it('keeps the public routes to the ones meant to be public', () => {
    const publicRoutes = routes.filter((r) => r.auth?.public).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /api/health',
      'GET /api/public/dashboard',
      'GET /api/public/resources',
      'POST /api/auth/login',
      'POST /api/auth/mfa',
    ]);
  });
});
