import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { queryClient } from '../lib/query-client';
import { buildMe } from '../test/factories';
import { errorBody } from '../test/render';
// Routing is under test, not the sections: a report without breakdowns draws few charts and renders fast.
import { buildHeadlineOutcomeReport, buildPublicDashboard } from '../test/report-factories';
import { type FakeApi, startRoutes } from '../test/routes';

/** The real routes over a fake API; GETs it does not name answer an empty list. */
const start = (path: string, api: FakeApi) => startRoutes(path, api, { emptyGets: true });

jest.mock('recharts', () =>
  jest
    .requireActual<typeof import('../test/fixed-size-charts')>('../test/fixed-size-charts')
    .fixedSizeRecharts(),
);

// The first visit compiles the report routes and recharts under ts-jest: slower than other route tests.
jest.setTimeout(20_000);

beforeEach(() => {
  queryClient.clear();
  sessionStorage.clear();
});

test('opens the outcome report from the navigation of a police supervisor', async () => {
  start('/', {
    'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'PD_SUPERVISOR' }) }),
    'GET /api/reports/outcomes': () => ({ status: 200, body: buildHeadlineOutcomeReport() }),
  });
  const user = userEvent.setup();

  const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
  await user.click(within(nav).getByRole('link', { name: 'Reports' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Outcome report' })).toBeInTheDocument();
  expect(await screen.findByTestId('kpi-referrals')).toHaveTextContent('412');
  expect(within(nav).getByRole('link', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
});

test('keeps the filters in the address and asks the API for the filtered report', async () => {
  const { router, calls } = start('/reports?groupBy=quarter', {
    'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'PROVIDER_SUPERVISOR' }) }),
    'GET /api/reports/outcomes': () => ({ status: 200, body: buildHeadlineOutcomeReport() }),
  });
  const user = userEvent.setup();
  await screen.findByTestId('kpi-referrals');
  expect(calls('/api/reports/outcomes')).toEqual(['/api/reports/outcomes?groupBy=quarter']);

  await user.selectOptions(screen.getByLabelText('School level'), 'MIDDLE');

  expect(router.state.location.search).toBe('?schoolLevel=MIDDLE&groupBy=quarter');
  expect(calls('/api/reports/outcomes')).toContain(
    '/api/reports/outcomes?schoolLevel=MIDDLE&groupBy=quarter',
  );

  await user.click(screen.getByRole('button', { name: 'Reset filters' }));
  expect(router.state.location.search).toBe('');
});

test('answers "not found" to an administrator opening the reports', async () => {
  start('/reports', { 'GET /api/auth/me': () => ({ status: 200, body: buildMe({ role: 'ADMIN' }) }) });

  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
});

test('shows the public dashboard without a session, and another year on request', async () => {
  const { router, calls } = start('/public/dashboard', {
    'GET /api/auth/me': () => ({ status: 401, body: errorBody(401, 'Unauthorized', 'No session') }),
    'GET /api/public/dashboard': (_init, url) => ({
      status: 200,
      body: buildPublicDashboard(url.includes('year=2024') ? { year: 2024, referrals: 300 } : {}),
    }),
  });
  const user = userEvent.setup();

  expect(await screen.findByRole('heading', { level: 1, name: 'Program outcomes' })).toBeInTheDocument();
  expect(await screen.findByTestId('kpi-referrals')).toHaveTextContent('412');
  expect(screen.getByTestId('suppression-legend')).toBeInTheDocument();
  expect(
    within(screen.getByRole('table', { name: 'By pathway' })).getByRole('row', { name: /<11/ }),
  ).toHaveTextContent('Self or family referral<11');
  expect(screen.getByTestId('kpi-participants')).toHaveTextContent('1,320');
  expect(screen.getByRole('link', { name: 'Find community resources' })).toHaveAttribute(
    'href',
    '/resources/public',
  );
  expect(screen.getByRole('link', { name: 'Staff sign-in' })).toHaveAttribute('href', '/sign-in');
  // No session and no catalogs are asked for: the page stays public.
  expect(calls('/api/auth/me')).toEqual([]);
  expect(calls('/api/schools')).toEqual([]);

  await user.selectOptions(screen.getByLabelText('Year'), '2024');

  expect(router.state.location.search).toBe('?year=2024');
  await waitFor(() => expect(screen.getByTestId('kpi-referrals')).toHaveTextContent('300'));
  expect(calls('/api/public/dashboard')).toEqual([
    '/api/public/dashboard',
    '/api/public/dashboard?year=2024',
  ]);
  expect(router.state.location.pathname).toBe('/public/dashboard');
});

test('links the public dashboard and the resource directory from the sign-in screen', async () => {
  start('/sign-in', {});

  const links = await screen.findByRole('navigation', { name: 'For the public' });
  expect(within(links).getByRole('link', { name: "See the program's outcomes" })).toHaveAttribute(
    'href',
    '/public/dashboard',
  );
  expect(within(links).getByRole('link', { name: 'Find community resources' })).toHaveAttribute(
    'href',
    '/resources/public',
  );
});
