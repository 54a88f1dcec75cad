import { PERMISSIONS } from '@pathways/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { queryClient } from '../lib/query-client';
import { buildAdminUser, buildMe } from '../test/factories';
import { errorBody } from '../test/render';
import { type FakeApi, startRoutes } from '../test/routes';

/** The real routes over a fake API; requests it does not name answer 404. */
const start = (path: string, api: FakeApi) => startRoutes(path, api);

const signedOut: FakeApi = {
  'GET /api/auth/me': () => ({ status: 401, body: errorBody(401, 'Unauthorized', 'No session') }),
};

beforeEach(() => {
  queryClient.clear();
  sessionStorage.clear();
});

test('sends a visitor without a session to sign-in, with the system-use notice', async () => {
  const { router } = start('/admin/users', signedOut);

  expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  expect(screen.getByTestId('system-use-notice')).toHaveTextContent(
    /restricted system of the Chula Vista Police Department/,
  );
  expect(screen.queryByTestId('session-expired')).not.toBeInTheDocument();
  expect(router.state.location.search).toBe('?next=%2Fadmin%2Fusers');
});

test('tells a person whose session ended that it expired', async () => {
  sessionStorage.setItem('pathways.csrf', 'old-token');
  start('/', signedOut);

  expect(await screen.findByTestId('session-expired')).toHaveTextContent('Your session expired');
});

test('signs in and lands on the home of the role, with Users in the navigation for an ADMIN', async () => {
  const admin = buildMe({ role: 'ADMIN', displayName: 'Alex Admin' });
  start('/sign-in', {
    ...signedOut,
    'POST /api/auth/login': () => ({
      status: 200,
      body: { token: 't', csrfToken: 'csrf-1', expiresAt: '', idleExpiresAt: '', user: admin },
    }),
  });
  const user = userEvent.setup();

  await user.type(await screen.findByLabelText(/e-mail/i), 'admin@demo.pathways.local');
  await user.type(screen.getByLabelText(/^password/i), 'Pathways-demo-2026!');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByTestId('home-ADMIN')).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Alex Admin' })).toBeInTheDocument();
  const nav = screen.getByRole('navigation', { name: 'Main navigation' });
  expect(within(nav).getByRole('link', { name: 'Users' })).toBeInTheDocument();
});

test('forces the password change before anything else', async () => {
  const me = buildMe({ role: 'COUNSELOR', mustChangePassword: true });
  start('/resources', { 'GET /api/auth/me': () => ({ status: 200, body: me }) });

  expect(await screen.findByRole('heading', { level: 1, name: 'Change your password' })).toBeInTheDocument();
  expect(screen.getByText('You must choose a new password before you continue.')).toBeInTheDocument();
});

test('answers "not found" to a role without the permission for a page', async () => {
  const sro = buildMe({ role: 'SRO' });
  expect(sro.permissions).not.toContain(PERMISSIONS.ADMIN_USERS_MANAGE);
  start('/admin/users', { 'GET /api/auth/me': () => ({ status: 200, body: sro }) });

  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
});

test('lists users for an ADMIN and shows a one-time password once after a reset', async () => {
  const admin = buildMe({ role: 'ADMIN' });
  const target = buildAdminUser({ displayName: 'Casey Counselor', version: 3 });
  start('/admin/users', {
    'GET /api/auth/me': () => ({ status: 200, body: admin }),
    'GET /api/admin/users': () => ({ status: 200, body: [target] }),
    [`POST /api/admin/users/${target.id}/reset-password`]: () => ({
      status: 200,
      body: { user: target, oneTimePassword: 'Temp-Password-4821' },
    }),
  });
  const user = userEvent.setup();

  expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Actions for Casey Counselor' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Reset password' }));
  await user.click(await screen.findByRole('button', { name: 'Reset password' }));

  expect(await screen.findByTestId('one-time-password')).toHaveTextContent('Temp-Password-4821');
  expect(screen.getByText(/shown only once/)).toBeInTheDocument();
});

test('shows an unknown address as not found inside the layout', async () => {
  start('/no-such-page', { 'GET /api/auth/me': () => ({ status: 200, body: buildMe() }) });

  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
});

test('switches to Spanish at once and remembers the choice on the account', async () => {
  const me = buildMe({ role: 'COUNSELOR', displayName: 'Dana' });
  const { fetchMock } = start('/', {
    'GET /api/auth/me': () => ({ status: 200, body: me }),
    'PATCH /api/auth/me': () => ({ status: 200, body: { ...me, locale: 'es' } }),
  });
  const user = userEvent.setup();

  await screen.findByTestId('home-COUNSELOR');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'es');

  expect(await screen.findByRole('heading', { level: 1, name: 'Bienvenido(a), Dana' })).toBeInTheDocument();
  const patch = fetchMock.mock.calls.find(([, init]) => (init as RequestInit).method === 'PATCH') as [
    string,
    RequestInit,
  ];
  expect(JSON.parse(patch[1].body as string)).toEqual({ locale: 'es' });
  await user.selectOptions(screen.getByRole('combobox', { name: 'Idioma' }), 'en');
});

test('creates an account on its own page and shows the one-time password once', async () => {
  const admin = buildMe({ role: 'ADMIN' });
  const created = buildAdminUser({ email: 'e2e.counselor@sbcs.example', displayName: 'E2E Counselor' });
  const { router } = start('/admin/users', {
    'GET /api/auth/me': () => ({ status: 200, body: admin }),
    'GET /api/admin/users': () => ({ status: 200, body: [] }),
    'POST /api/admin/users': () => ({
      status: 201,
      body: { user: created, oneTimePassword: 'abcd-efgh-ijkl-mnop' },
    }),
  });
  const user = userEvent.setup();

  await user.click(await screen.findByRole('button', { name: 'Create user' }));
  await user.type(await screen.findByLabelText(/^e-mail/i), 'e2e.counselor@sbcs.example');
  await user.type(screen.getByLabelText(/display name/i), 'E2E Counselor');
  await user.selectOptions(screen.getByLabelText(/^role/i), 'COUNSELOR');
  await user.click(screen.getByRole('button', { name: /^create/i }));

  expect(await screen.findByTestId('one-time-password')).toHaveTextContent('abcd-efgh-ijkl-mnop');
  await user.click(screen.getByRole('button', { name: 'I have copied it' }));
  await screen.findByRole('heading', { level: 1, name: 'Users' });
  expect(router.state.location.pathname).toBe('/admin/users');
  expect(screen.queryByTestId('one-time-password')).not.toBeInTheDocument();
});
