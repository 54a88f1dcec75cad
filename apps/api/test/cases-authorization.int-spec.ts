import 'reflect-metadata';
import type { Permission, Role } from '@pathways/contracts';
import { hasPermission } from '@pathways/domain';
import { listRoutes } from '../src/routes';
import {
  CASE_ROUTE_SPECS as ROUTES,
  type CaseRouteSpec as RouteSpec,
  defaultCaseSubs,
} from './support/case-route-table';
import { openCase, type OpenedCase, otherProvider } from './support/case-workspace-fixtures';
import { catalog, type Catalog } from './support/referral-fixtures';
import { demo, type Session, TestApp } from './support/test-app';

/**
 * The authorization matrix of the case routes: every route × every role × the caller's own case or another one,
 * with the expected status, generated from one table (support/case-route-table.ts, which the matrix of every route,
 * authorization.int-spec.ts, shares). "Own" is the counselor's assigned case / a case of the supervisor's provider;
 * "other" is another counselor's case / another provider's case. Roles without the route's permission get 403
 * whatever the case; a case the caller may not see is 404, never 403 (ACCESS.md).
 */

const ROLES: { role: Role; email: string }[] = [
  { role: 'SRO', email: demo('sro') },
  { role: 'PD_SUPERVISOR', email: demo('sergeant') },
  { role: 'COUNSELOR', email: demo('counselor') },
  { role: 'PROVIDER_SUPERVISOR', email: demo('supervisor') },
  { role: 'ADMIN', email: demo('admin') },
  { role: 'AUDITOR', email: demo('auditor') },
];

type Relation = 'own' | 'other';

/** The permission each case route declares (its @Authenticated), read from the controllers. */
const CASE_ROUTES = listRoutes().filter((r) => r.path === '/api/cases' || r.path.startsWith('/api/cases/'));
const permissionOf = (route: string): Permission | null => {
  const declared = CASE_ROUTES.find((r) => `${r.method} ${r.path}` === route)?.auth;
  return declared && !declared.public ? declared.permission : null;
};

/**
 * A role without the route's permission: 403 whatever the case (the guard answers before the case is read).
 * With it: another counselor's or provider's case is 404; the own case answers the table's status.
 */
function expected(spec: RouteSpec, role: Role, relation: Relation): number {
  const permission = permissionOf(spec.route);
  if (!permission || !hasPermission(role, permission)) return 403;
  if (relation === 'other') return 404;
  return role === 'COUNSELOR' ? spec.counselor : spec.supervisor;
}

const MATRIX = ROUTES.flatMap((spec) =>
  ROLES.flatMap(({ role }) =>
    (spec.route === 'GET /api/cases' ? (['own'] as const) : (['own', 'other'] as const)).map(
      (relation) => [spec.route, role, relation, expected(spec, role, relation)] as const,
    ),
  ),
);

describe('case routes: authorization matrix (route × role × own/other case)', () => {
  let t: TestApp;
  let cat: Catalog;
  const sessions = {} as Record<Role, Session>;
  let sro: Session;
  /** Another counselor's case (other for the counselor) and another provider's case (other for the rest). */
  let otherCounselorsCase: OpenedCase;
  let otherProvidersCase: OpenedCase;
  let sharedOwnCase: OpenedCase;
  beforeAll(async () => {
    t = await TestApp.start();
    cat = await catalog(t);
    const logged = await Promise.all(ROLES.map(({ email }) => t.login(email)));
    ROLES.forEach(({ role }, i) => (sessions[role] = logged[i]));
    sro = sessions.SRO;
    const counselor2 = await t.login(demo('counselor2'));
    const other = await otherProvider(t);
    otherCounselorsCase = await openCase(t, cat, { sro, counselorId: counselor2.user.id });
    otherProvidersCase = await openCase(t, cat, {
      sro,
      counselorId: other.counselorId,
      providerOrgId: other.orgId,
    });
    sharedOwnCase = await openCase(t, cat, { sro, counselorId: sessions.COUNSELOR.user.id });
  });
  afterAll(() => t.close());

  it('has a row for every case route the API declares, and no row for a route that does not exist', () => {
    const declared = CASE_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(ROUTES.map((r) => r.route).sort()).toEqual(declared);
    expect(CASE_ROUTES.filter((r) => !permissionOf(`${r.method} ${r.path}`))).toEqual([]);
  });

  it.each(MATRIX)('%s as %s on the %s case answers %i', async (route, role, relation, status) => {
    const spec = ROUTES.find((r) => r.route === route)!;
    const succeeds = status < 300;
    let c: OpenedCase;
    if (relation === 'other') c = role === 'COUNSELOR' ? otherCounselorsCase : otherProvidersCase;
    else if (succeeds) c = await openCase(t, cat, { sro, counselorId: sessions.COUNSELOR.user.id });
    else c = sharedOwnCase;
    const subs = {
      ...defaultCaseSubs(),
      ...(succeeds && spec.prepare ? await spec.prepare({ t, counselor: sessions.COUNSELOR, c }) : {}),
    };
    const [method, template] = route.split(' ') as [string, string];
    const rest = spec.path ? `/${spec.path(subs)}` : template.replace(/^\/api\/cases\/:id/, '');
    const url = template === '/api/cases' ? template : `/api/cases/${c.id}${rest}`;
    const res = await t.call(method, url, { as: sessions[role], body: spec.body?.(subs, t) });
    expect(res.status).toBe(status);
  });
});
