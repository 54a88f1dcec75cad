import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { UnsavedChangesProvider } from '../../components/ui/unsaved-changes';
import { sessionClock } from '../../lib/session-clock';
import { createQueryClient } from '../../lib/query-client';
import { buildMe } from '../../test/factories';
import { mockFetch } from '../../test/render';
import { AppProviders } from '../providers';
import { SessionExpiryWarning } from './session-expiry-warning';

const MINUTE = 60_000;
const SIGNED_IN_AT = new Date('2026-03-02T16:00:00.000Z');

/** The login answer as the API gives it: idle 30 min, absolute 12 h after sign-in. */
function signIn(at = SIGNED_IN_AT, idleMinutes = 30, absoluteHours = 12) {
  sessionStorage.setItem('pathways.csrf', 'csrf-abc');
  sessionClock.start({
    idleExpiresAt: new Date(at.getTime() + idleMinutes * MINUTE).toISOString(),
    expiresAt: new Date(at.getTime() + absoluteHours * 60 * MINUTE).toISOString(),
  });
}

function renderWarning(path = '/cases/c-1?tab=notes') {
  const fetchMock = mockFetch((url, init) => {
    if (url === '/api/auth/me') return { status: 200, body: buildMe() };
    if (url === '/api/auth/logout' && init.method === 'POST') return { status: 204 };
    return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } };
  });
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <p>Sign-in screen</p> },
      {
        path: '*',
        element: (
          <UnsavedChangesProvider>
            <p>A signed-in screen</p>
            <SessionExpiryWarning />
          </UnsavedChangesProvider>
        ),
      },
    ],
    { initialEntries: [path] },
  );
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
  return { router, fetchMock, user };
}

/** Moves the fake clock (and every timer due on the way) forward. */
const wait = (ms: number) =>
  act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });

beforeEach(() => {
  jest.useFakeTimers({ now: SIGNED_IN_AT });
  signIn();
});
afterEach(() => {
  jest.useRealTimers();
  sessionClock.end();
  sessionStorage.clear();
});

test('stays quiet until two minutes before the idle timeout', async () => {
  renderWarning();

  await wait(27 * MINUTE + 59_000);

  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

test('two minutes before the idle timeout, an alert dialog says when and takes the focus', async () => {
  renderWarning();

  await wait(28 * MINUTE);

  const dialog = screen.getByRole('alertdialog', { name: 'Your session is about to end' });
  // 16:30 UTC, in the test machine's zone and the app's language.
  const endsAt = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(
    new Date(SIGNED_IN_AT.getTime() + 30 * MINUTE),
  );
  expect(dialog).toHaveAccessibleDescription(expect.stringContaining(`you will be signed out at ${endsAt}`));
  expect(within(dialog).getByRole('timer')).toHaveTextContent('2:00 left');
  await wait(10); // the focus trap moves focus on its next tick
  expect(within(dialog).getByRole('button', { name: 'Stay signed in' })).toHaveFocus();
  expect(within(dialog).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

  await wait(45_000);
  expect(within(dialog).getByRole('timer')).toHaveTextContent('1:15 left');
});

test('"Stay signed in" makes one request to the server and the idle clock starts again', async () => {
  const { fetchMock, user } = renderWarning();
  await wait(28 * MINUTE);

  await user.click(screen.getByRole('button', { name: 'Stay signed in' }));

  expect(fetchMock).toHaveBeenCalledWith('/api/auth/me', expect.objectContaining({ method: 'GET' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  // The next warning comes 28 minutes after the request, not at the old deadline.
  await wait(27 * MINUTE);
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  await wait(1 * MINUTE);
  expect(screen.getByRole('alertdialog', { name: 'Your session is about to end' })).toBeInTheDocument();
});

test('any successful request keeps the session alive: the warning moves with it', async () => {
  renderWarning();
  await wait(20 * MINUTE);

  // What the API client records after every successful call (lib/api-client.ts).
  act(() => sessionClock.touched(Date.now()));
  await wait(9 * MINUTE);

  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

test('when the time runs out it signs out and goes to sign-in with expired=1, returning here afterwards', async () => {
  const { router, fetchMock } = renderWarning();

  await wait(30 * MINUTE);

  expect(await screen.findByText('Sign-in screen')).toBeInTheDocument();
  const { pathname, search } = router.state.location;
  expect(pathname).toBe('/sign-in');
  expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
    expired: '1',
    next: '/cases/c-1?tab=notes',
  });
  expect(fetchMock).toHaveBeenCalledWith('/api/auth/logout', expect.objectContaining({ method: 'POST' }));
  expect(sessionStorage.getItem('pathways.csrf')).toBeNull();
  expect(sessionClock.get()).toBeNull();
});

test('before the absolute end of the session it says so, and offers no way to extend it', async () => {
  // Signed in 11 h 50 min ago; a request a minute ago keeps the idle clock far away.
  signIn(new Date(SIGNED_IN_AT.getTime() - (11 * 60 + 50) * MINUTE));
  sessionClock.touched(SIGNED_IN_AT.getTime());
  const { user } = renderWarning();

  await wait(8 * MINUTE);

  const dialog = screen.getByRole('alertdialog', { name: 'Your session ends soon' });
  expect(dialog).toHaveAccessibleDescription(expect.stringContaining('Sessions have a time limit'));
  expect(within(dialog).queryByRole('button', { name: 'Stay signed in' })).not.toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Continue working' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

  await wait(2 * MINUTE);
  expect(await screen.findByText('Sign-in screen')).toBeInTheDocument();
});

test('says it in Spanish for a Spanish-speaking user', async () => {
  const { i18n } = await import('../../lib/i18n');
  await act(() => i18n.changeLanguage('es'));
  try {
    renderWarning();
    await wait(28 * MINUTE);
    const dialog = screen.getByRole('alertdialog', { name: 'Su sesión está por terminar' });
    expect(within(dialog).getByRole('button', { name: 'Seguir conectado' })).toBeInTheDocument();
    expect(within(dialog).getByRole('timer')).toHaveTextContent('Quedan 2:00');
  } finally {
    await act(() => i18n.changeLanguage('en'));
  }
});
