import type { NoticeView } from '@pathways/contracts';
import { screen, within } from '@testing-library/react';
import { queryClient } from '../lib/query-client';
import { buildCaseDetail, buildMe } from '../test/factories';
import { type FakeApi, startRoutes } from '../test/routes';

/** The real routes over a fake API; GETs it does not name answer an empty list. */
const start = (path: string, api: FakeApi) => startRoutes(path, api, { emptyGets: true });

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
