import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AdminReasonCode } from '@pathways/contracts';
import { loadAdministrationTranslations } from '../../../lib/administration-i18n';
import { buildReasonCode } from '../../../test/factories';
import { errorBody, mockFetch, renderWithProviders } from '../../../test/render';
import { CatalogEntryForm } from './catalog-entry-form';

beforeAll(() => loadAdministrationTranslations());
beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

const callbacks = () => ({
  onSaved: jest.fn(),
  onReload: jest.fn(() => Promise.resolve()),
  onCancel: jest.fn(),
});

test('validates a new school on the client, listing every missing field, and sends nothing', async () => {
  const fetchMock = mockFetch(() => ({ status: 500 }));
  renderWithProviders(<CatalogEntryForm kind="schools" entry={null} {...callbacks()} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Add' }));
  expect(await screen.findByLabelText(/^Name/)).toHaveAccessibleDescription('This field is required');
  expect(screen.getByLabelText(/^District/)).toHaveAccessibleDescription('This field is required');
  expect(screen.getByLabelText(/^Level/)).toHaveAccessibleDescription('Choose one of the options');
  expect(fetchMock).not.toHaveBeenCalled();
});

test('sends a new school with empty details as null', async () => {
  const fetchMock = mockFetch(() => ({ status: 201, body: { id: 'x', name: 'Bayfront Academy' } }));
  const cb = callbacks();
  renderWithProviders(<CatalogEntryForm kind="schools" entry={null} {...cb} />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Name/), 'Bayfront Academy');
  await user.selectOptions(screen.getByLabelText(/^Level/), 'MIDDLE');
  await user.selectOptions(screen.getByLabelText(/^Type/), 'CHARTER');
  await user.type(screen.getByLabelText(/^District/), 'Chula Vista Elementary School District');
  await user.click(screen.getByRole('button', { name: 'Add' }));
  await screen.findByRole('button', { name: 'Add' });
  expect(cb.onSaved).toHaveBeenCalled();
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe('/api/admin/schools');
  expect(JSON.parse(init.body as string)).toEqual({
    name: 'Bayfront Academy',
    level: 'MIDDLE',
    kind: 'CHARTER',
    district: 'Chula Vista Elementary School District',
    cdsCode: null,
    phone: null,
    address: null,
    city: null,
    zip: null,
    inCvpdJurisdiction: true,
  });
});

test('keeps a reason code’s code read-only and never sends it in an edit', async () => {
  const fetchMock = mockFetch(() => ({ status: 200, body: { id: 'r1', label: 'Vandalism' } }));
  const entry: AdminReasonCode = {
    ...buildReasonCode({ code: 'VANDALISM', label: 'Vandalism' }),
    version: 3,
    updatedAt: '2026-01-05T16:00:00.000Z',
  };
  renderWithProviders(<CatalogEntryForm kind="reason-codes" entry={entry} {...callbacks()} />);
  expect(screen.getByLabelText(/^Code/)).toHaveAttribute('readonly');
  const user = userEvent.setup();
  await user.click(screen.getByRole('switch', { name: /Excluded from diversion/ }));
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await screen.findByRole('button', { name: 'Save changes' });
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe(`/api/admin/reason-codes/${entry.id}`);
  const body = JSON.parse(init.body as string) as Record<string, unknown>;
  expect(body).toMatchObject({ version: 3, excludedFromDiversion: true, label: 'Vandalism' });
  expect(body).not.toHaveProperty('code');
});

test('puts a duplicate-code error from the API on the code', async () => {
  mockFetch(() => ({
    status: 400,
    body: errorBody(400, 'Bad Request', 'Some fields are not valid', {
      details: [{ path: 'code', message: 'This code exists' }],
    }),
  }));
  renderWithProviders(<CatalogEntryForm kind="service-types" entry={null} {...callbacks()} />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Code/), 'ART_THERAPY');
  await user.type(screen.getByLabelText(/^Label \(English\)/), 'Art therapy');
  await user.click(screen.getByRole('button', { name: 'Add' }));
  expect(await screen.findByLabelText(/^Code/)).toHaveAccessibleDescription(
    expect.stringContaining('This code exists'),
  );
});
