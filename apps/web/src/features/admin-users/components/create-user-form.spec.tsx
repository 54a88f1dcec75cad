import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildAdminUser } from '../../../test/factories';
import { errorBody, mockFetch, renderWithProviders } from '../../../test/render';
import { CreateUserForm } from './create-user-form';

function renderForm() {
  const onCreated = jest.fn();
  renderWithProviders(<CreateUserForm onCreated={onCreated} onCancel={jest.fn()} />);
  return { onCreated };
}

async function fillValidForm() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^e-mail/i), 'new.counselor@example.test');
  await user.type(screen.getByLabelText(/display name/i), 'New Counselor');
  await user.selectOptions(screen.getByLabelText(/^role/i), 'COUNSELOR');
  await user.click(screen.getByRole('button', { name: 'Create user' }));
}

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('shows the server-side field errors of a 400 next to their fields', async () => {
  mockFetch(() => ({
    status: 400,
    body: errorBody(400, 'Bad Request', 'Invalid input', {
      details: [
        { path: 'email', message: 'This e-mail domain is not allowed' },
        { path: 'displayName', message: 'Display name contains forbidden characters' },
      ],
    }),
  }));
  const { onCreated } = renderForm();

  await fillValidForm();

  expect(await screen.findByLabelText(/^e-mail/i)).toHaveAccessibleDescription(
    'This e-mail domain is not allowed',
  );
  expect(screen.getByLabelText(/display name/i)).toHaveAccessibleDescription(
    'Display name contains forbidden characters',
  );
  expect(screen.getByTestId('create-user-error')).toHaveTextContent('Check the highlighted fields.');
  expect(onCreated).not.toHaveBeenCalled();
});

test('validates on the client before sending anything', async () => {
  const fetchMock = mockFetch(() => ({ status: 500 }));
  renderForm();

  await userEvent.setup().click(screen.getByRole('button', { name: 'Create user' }));

  expect(await screen.findByLabelText(/^e-mail/i)).toHaveAccessibleDescription(
    'Enter a valid e-mail address',
  );
  expect(screen.getByLabelText(/display name/i)).toHaveAccessibleDescription('This field is required');
  expect(screen.getByLabelText(/^role/i)).toHaveAccessibleDescription('Choose one of the options');
  expect(fetchMock).not.toHaveBeenCalled();
});

test('sends the CSRF token and hands the one-time password to the caller', async () => {
  const created = {
    user: buildAdminUser({ displayName: 'New Counselor' }),
    oneTimePassword: 'otp-Very-Long-123',
  };
  const fetchMock = mockFetch(() => ({ status: 201, body: created }));
  const { onCreated } = renderForm();

  await fillValidForm();

  await screen.findByRole('button', { name: 'Create user' });
  expect(onCreated).toHaveBeenCalledWith(created);
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe('/api/admin/users');
  expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-abc');
  expect(JSON.parse(init.body as string)).toEqual({
    email: 'new.counselor@example.test',
    displayName: 'New Counselor',
    role: 'COUNSELOR',
    locale: 'en',
  });
});
