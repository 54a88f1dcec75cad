import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorBody, mockFetch, renderWithProviders } from '../../../test/render';
import { buildMe } from '../../../test/factories';
import { SignInForm } from './sign-in-form';

function renderForm() {
  const onSignedIn = jest.fn();
  const onMfaRequired = jest.fn();
  renderWithProviders(<SignInForm onSignedIn={onSignedIn} onMfaRequired={onMfaRequired} />);
  return { onSignedIn, onMfaRequired };
}

async function fillAndSubmit(email = 'sro@demo.pathways.local', password = 'Pathways-demo-2026!') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/e-mail/i), email);
  await user.type(screen.getByLabelText(/^password/i), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => sessionStorage.clear());

test('shows a field error under each empty field and sends nothing', async () => {
  const fetchMock = mockFetch(() => ({ status: 500 }));
  renderForm();

  await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByLabelText(/e-mail/i)).toHaveAccessibleDescription('This field is required');
  expect(screen.getByLabelText(/^password/i)).toHaveAccessibleDescription('This field is required');
  expect(fetchMock).not.toHaveBeenCalled();
});

test('shows the locked-account message on a 423', async () => {
  mockFetch(() => ({
    status: 423,
    body: errorBody(423, 'Locked', 'Account locked', { code: 'AUTH_LOCKED' }),
  }));
  renderForm();

  await fillAndSubmit();

  expect(await screen.findByRole('alert')).toHaveTextContent(/this account is locked/i);
});

test('shows one message for wrong credentials on a 401 and does not treat it as an expired session', async () => {
  mockFetch(() => ({ status: 401, body: errorBody(401, 'Unauthorized', 'Invalid credentials') }));
  const { onSignedIn } = renderForm();

  await fillAndSubmit();

  expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail or password is not correct.');
  expect(onSignedIn).not.toHaveBeenCalled();
});

test('shows the rate-limit message on a 429', async () => {
  mockFetch(() => ({ status: 429, body: errorBody(429, 'Too Many Requests', 'Slow down') }));
  renderForm();

  await fillAndSubmit();

  expect(await screen.findByRole('alert')).toHaveTextContent(/too many sign-in attempts/i);
});

test('keeps the CSRF token from a successful login and reports the user', async () => {
  const me = buildMe({ role: 'COUNSELOR' });
  const fetchMock = mockFetch(() => ({
    status: 200,
    body: { token: 't', csrfToken: 'csrf-123', expiresAt: '', idleExpiresAt: '', user: me },
  }));
  const { onSignedIn } = renderForm();

  await fillAndSubmit();

  await screen.findByRole('button', { name: 'Sign in' });
  expect(onSignedIn).toHaveBeenCalledWith(me);
  expect(sessionStorage.getItem('pathways.csrf')).toBe('csrf-123');
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe('/api/auth/login');
  expect(JSON.parse(init.body as string)).toEqual({
    email: 'sro@demo.pathways.local',
    password: 'Pathways-demo-2026!',
  });
});

test('asks for the MFA code when the server requires it', async () => {
  mockFetch(() => ({ status: 200, body: { mfaRequired: true, challenge: 'challenge-1' } }));
  const { onMfaRequired, onSignedIn } = renderForm();

  await fillAndSubmit();

  await screen.findByRole('button', { name: 'Sign in' });
  expect(onMfaRequired).toHaveBeenCalledWith({ mfaRequired: true, challenge: 'challenge-1' });
  expect(onSignedIn).not.toHaveBeenCalled();
});
