import { act, screen } from '@testing-library/react';
import type { RouteObject } from 'react-router';
import { i18n } from '../lib/i18n';
import { queryClient } from '../lib/query-client';
import enCommon from '../locales/en/common.json';
import esCommon from '../locales/es/common.json';
import { buildCaseDetail, buildMe } from '../test/factories';
import { startRoutes } from '../test/routes';
import { routes } from './route-config';

/** Every route a URL can end on (no children), with its full pattern. */
function leaves(list: RouteObject[], parent = ''): { pattern: string; route: RouteObject }[] {
  return list.flatMap((route) => {
    const pattern = route.index
      ? `${parent || '/'} (index)`
      : route.path
        ? `${parent.replace(/\/$/, '')}/${route.path.replace(/^\//, '')}`
        : parent;
    return route.children?.length ? leaves(route.children, pattern) : [{ pattern, route }];
  });
}

const titleOf = (route: RouteObject): string | undefined =>
  (route.handle as { title?: string } | undefined)?.title;

beforeEach(() => {
  queryClient.clear();
  sessionStorage.clear();
});
afterEach(() => act(() => i18n.changeLanguage('en')));

test('every route declares a page title that exists in English and Spanish', () => {
  const all = leaves(routes);
  expect(all.length).toBeGreaterThan(30);
  const pageTitles: Record<'en' | 'es', Record<string, string>> = {
    en: enCommon.pageTitles,
    es: esCommon.pageTitles,
  };
  for (const { pattern, route } of all) {
    const key = titleOf(route);
    expect({ pattern, hasTitle: typeof key === 'string' }).toEqual({ pattern, hasTitle: true });
    for (const language of ['en', 'es'] as const)
      expect({ pattern, language, title: Boolean(pageTitles[language][key ?? '']?.trim()) }).toEqual({
        pattern,
        language,
        title: true,
      });
  }
});

test('names the browser tab after the screen, and renames it when the language changes', async () => {
  startRoutes(
    '/resources',
    { 'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'SRO' }) }) },
    {
      emptyGets: true,
    },
  );

  expect(await screen.findByRole('heading', { level: 1, name: 'Community resources' })).toBeInTheDocument();
  expect(document.title).toBe('Resources · Pathways');

  await act(() => i18n.changeLanguage('es'));
  expect(document.title).toBe('Recursos · Pathways');
});

test('the home page is titled "Home", not with the greeting that names the person', async () => {
  const me = buildMe({ role: 'ADMIN', displayName: 'Dana Whitfield' });
  startRoutes('/', { 'GET /api/auth/me': () => ({ status: 200, body: me }) }, { emptyGets: true });

  expect(await screen.findByRole('heading', { level: 1, name: /Dana Whitfield/ })).toBeInTheDocument();
  expect(document.title).toBe('Home · Pathways');
});

test("a case's tab names it by its number, never the youth's name", async () => {
  const detail = buildCaseDetail({ caseNumber: 'C-2026-000077' });
  startRoutes(
    `/cases/${detail.id}`,
    {
      'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'COUNSELOR' }) }),
      [`GET /api/cases/${detail.id}`]: () => ({ status: 200, body: detail }),
    },
    { emptyGets: true },
  );

  expect(await screen.findByRole('heading', { level: 1, name: 'Case C-2026-000077' })).toBeInTheDocument();
  expect(document.title).toBe('Case C-2026-000077 · Pathways');
  expect(document.title).not.toContain(detail.youth.lastName);
});

test('an unknown address shows "Page not found" with a way home, and says so in the tab', async () => {
  startRoutes('/no/such/page', { 'GET /api/auth/me': () => ({ status: 200, body: buildMe() }) });

  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  expect(document.title).toBe('Page not found · Pathways');
});

test('a record that does not exist (the API answers 404) shows "Page not found", not an error', async () => {
  startRoutes('/cases/4f0a9d38-6c1e-4d4f-8f55-0a1b2c3d4e5f', {
    'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'COUNSELOR' }) }),
  });

  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  expect(document.title).toBe('Page not found · Pathways');
});

test('a failure names itself in the tab and offers a way home', async () => {
  startRoutes('/cases', {
    'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'COUNSELOR' }) }),
    'GET /api/cases': () => ({ status: 500, body: { statusCode: 500, error: 'Error', message: 'Boom' } }),
  });

  expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  expect(document.title).toBe('Something went wrong · Pathways');
});
