import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CLOCK_BOUNDS, DEFAULT_CLOCKS } from '@pathways/domain';
import { loadAdministrationTranslations } from '../../../lib/administration-i18n';
import { errorBody, mockFetch, renderWithProviders } from '../../../test/render';
import { SettingsSectionForm, type SettingField } from './settings-section-form';

beforeAll(() => loadAdministrationTranslations());
beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

const fields: SettingField[] = (['intakeBusinessDays', 'serviceStartDays'] as const).map((key) => ({
  key,
  kind: 'number',
  label: key === 'serviceStartDays' ? 'Service program started' : 'Intake and consent',
  min: CLOCK_BOUNDS[key].min,
  max: CLOCK_BOUNDS[key].max,
  unit: 'days',
}));

function renderClocks() {
  renderWithProviders(
    <SettingsSectionForm
      section="clocks"
      title="Program clocks"
      fields={fields}
      values={{ intakeBusinessDays: 10, serviceStartDays: 20 }}
      defaults={{ intakeBusinessDays: DEFAULT_CLOCKS.intakeBusinessDays, serviceStartDays: 20 }}
      version={4}
      boundMessage={(field, value) =>
        field.key === 'serviceStartDays' && value > 20 ? 'The 20-day clock is set by law' : null
      }
    />,
  );
}

async function setValue(label: RegExp, value: string) {
  const user = userEvent.setup();
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
  return user;
}

test('refuses to lengthen the statutory clock on the spot and sends nothing', async () => {
  const fetchMock = mockFetch(() => ({ status: 500 }));
  renderClocks();
  const user = await setValue(/^Service program started/, '21');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByLabelText(/^Service program started/)).toHaveAccessibleDescription(
    expect.stringContaining('The 20-day clock is set by law'),
  );
  expect(fetchMock).not.toHaveBeenCalled();
});

test('asks for a whole number within the bounds', async () => {
  const fetchMock = mockFetch(() => ({ status: 500 }));
  renderClocks();
  const user = await setValue(/^Intake and consent/, '0');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByLabelText(/^Intake and consent/)).toHaveAccessibleDescription(
    expect.stringContaining('Enter a whole number from 1 to 10'),
  );
  expect(fetchMock).not.toHaveBeenCalled();
});

test('saves only its section, with the version it read', async () => {
  const fetchMock = mockFetch(() => ({ status: 200, body: {} }));
  renderClocks();
  const user = await setValue(/^Intake and consent/, '7');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByText(/Program clocks: changes saved/);
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe('/api/admin/organization');
  expect(init.method).toBe('PATCH');
  expect(JSON.parse(init.body as string)).toEqual({
    version: 4,
    clocks: { intakeBusinessDays: 7, serviceStartDays: 20 },
  });
});

test('shows the API’s field errors next to their inputs', async () => {
  mockFetch(() => ({
    status: 400,
    body: errorBody(400, 'Bad Request', 'Some fields are not valid', {
      details: [{ path: 'clocks.intakeBusinessDays', message: 'Must be a whole number from 1 to 10' }],
    }),
  }));
  renderClocks();
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByLabelText(/^Intake and consent/)).toHaveAccessibleDescription(
    expect.stringContaining('Must be a whole number from 1 to 10'),
  );
});
