import type { NoticeView } from '@pathways/contracts';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { queryClient } from '../lib/query-client';
import { buildCaseDetail, buildMe } from '../test/factories';
import { errorBody, mockFetch, type FakeResponse } from '../test/render';
import { AppProviders } from './providers';
import { handleSessionExpiry, routes } from './route-config';

type Api = Record<string, (init: RequestInit) => FakeResponse>;

/** The real routes (lazy modules, loaders, guards) over a fake API; unknown GETs answer an empty list. */
function start(path: string, api: Api) {
  const fetchMock = mockFetch((url, init) => {
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    const handler = api[key];
    if (handler) return handler(init);
    if ((init.method ?? 'GET') === 'GET') return { status: 200, body: [] };
    return { status: 404, body: errorBody(404, 'Not Found', 'Not found') };
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  handleSessionExpiry(router);
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, fetchMock };
}

beforeEach(() => {
  queryClient.clear();
  sessionStorage.clear();
});

test('opens a case on the tab its address names', async () => {
  const counselor = buildMe({ role: 'COUNSELOR' });
  const detail = buildCaseDetail({ caseNumber: 'C-2026-000045' });
  start(`/cases/${detail.id}?tab=sessions`, {
    'GET /api/auth/me': () => ({ status: 200, body: counselor }),
    [`GET /api/cases/${detail.id}`]: () => ({ status: 200, body: detail }),
  });

  expect(await screen.findByRole('heading', { level: 1, name: 'Case C-2026-000045' })).toBeInTheDocument();
  expect(screen.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
  expect(await screen.findByRole('heading', { name: 'No sessions yet' })).toBeInTheDocument();
  expect(document.title).toBe('Case C-2026-000045 · Pathways');
});

test('answers "not found" to a counselor opening the intake queue', async () => {
  start('/intake', { 'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'COUNSELOR' }) }) });

  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
});

test("prints a notice in the language the link asks for, read from its referral's letters", async () => {
  const sro = buildMe({ role: 'SRO' });
  const referralId = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
  const notice: NoticeView = {
    id: '8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b',
    type: 'COMPLETION_827_95',
    referralId,
    referenceNumber: 'R-2026-000123',
    caseId: null,
    toOrgId: '00000000-0000-4000-8000-00000000bbbb',
    toOrgName: 'Chula Vista Police Department',
    toUserId: null,
    sentAt: '2026-06-01T17:00:00.000Z',
    retainUntil: '2027-06-01T17:00:00.000Z',
    letter: {
      language: 'es',
      title: 'Aviso de finalización del programa',
      paragraphs: ['El joven completó el programa de desviación.'],
    },
  };
  const { fetchMock } = start(`/notices/${notice.id}/print?lang=es&referral=${referralId}`, {
    'GET /api/auth/me': () => ({ status: 200, body: sro }),
    [`GET /api/referrals/${referralId}/notices`]: () => ({ status: 200, body: [notice] }),
  });

  const letter = await screen.findByTestId('notice-letter');
  expect(letter).toHaveAttribute('lang', 'es');
  expect(
    within(letter).getByRole('heading', { name: 'Aviso de finalización del programa' }),
  ).toBeInTheDocument();
  expect(letter).toHaveTextContent('Para: Chula Vista Police Department');
  expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
    `/api/referrals/${referralId}/notices?lang=es`,
  );
});
