import type { ProviderReferralDetail, ReferralDetail } from '@pathways/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../../../../lib/session';
import { buildMe, buildReferralDetail } from '../../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders, type FakeResponse } from '../../../../../test/render';
import { TriagePanel } from './triage-panel';

const supervisor = buildMe({ role: 'PROVIDER_SUPERVISOR' });
const counselors = [
  { id: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', displayName: 'Casey Counselor', role: 'COUNSELOR' },
  { id: '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', displayName: 'Alex Counselor', role: 'COUNSELOR' },
];

function serve(routes: Record<string, (init: RequestInit) => FakeResponse>) {
  return mockFetch((url, init) => {
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    if (routes[key]) return routes[key](init);
    if (key === 'GET /api/users') return { status: 200, body: counselors };
    return { status: 500, body: errorBody(500, 'Error', `unexpected ${key}`) };
  });
}

function renderPanel(referral: ReferralDetail) {
  renderWithProviders(
    <SessionProvider me={supervisor}>
      <TriagePanel referral={referral} />
    </SessionProvider>,
  );
}

const buttons = () =>
  within(screen.getByRole('region', { name: 'Intake decisions' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('offers a submitted referral acknowledge, a question, ineligible and duplicate, but no assignment yet', () => {
  serve({});
  renderPanel(buildReferralDetail({ status: 'SUBMITTED' }));

  expect(buttons()).toEqual(['Acknowledge receipt', 'Ask the officer…', 'Ineligible…', 'Mark as duplicate…']);
});

test('offers the eligibility override only when the eligibility decision needs one', () => {
  serve({});
  const eligibility = { ...buildReferralDetail().eligibility!, decision: 'NEEDS_OVERRIDE' as const };
  renderPanel(buildReferralDetail({ status: 'TRIAGE', eligibility }));

  expect(buttons()).toContain('Override eligibility…');
  expect(buttons()).toContain('Assign a counselor');
  expect(buttons()).not.toContain('Acknowledge receipt');
});

test('a 409 says which status the referral has now and reloads it on request', async () => {
  const referral = buildReferralDetail({ status: 'SUBMITTED', version: 2 });
  const fetchMock = serve({
    [`POST /api/referrals/${referral.id}/acknowledge`]: () => ({
      status: 409,
      body: errorBody(409, 'Conflict', 'Not allowed', { currentStatus: 'TRIAGE', currentVersion: 3 }),
    }),
  });
  renderPanel(referral);
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Acknowledge receipt' }));

  const conflict = await screen.findByTestId('conflict-alert');
  expect(conflict).toHaveTextContent('This referral changed');
  expect(conflict).toHaveTextContent('it is now “Received by provider” (version 3)');
  const post = fetchMock.mock.calls.find(([, init]) => (init as RequestInit).method === 'POST') as [
    string,
    RequestInit,
  ];
  expect(JSON.parse(post[1].body as string)).toEqual({ version: 2 });
  await user.click(within(conflict).getByRole('button', { name: 'Reload the referral' }));
  await waitFor(() => expect(screen.queryByTestId('conflict-alert')).not.toBeInTheDocument());
});

test('assigns the chosen counselor with the version read', async () => {
  const referral: ReferralDetail = buildReferralDetail({ status: 'TRIAGE', version: 5 });
  const fetchMock = serve({
    [`POST /api/referrals/${referral.id}/assign`]: () => ({
      status: 200,
      body: { ...referral, status: 'OUTREACH', version: 6 } satisfies ReferralDetail,
    }),
  });
  renderPanel(referral);
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Assign a counselor' }));
  const dialog = await screen.findByRole('dialog', { name: 'Assign a counselor' });
  await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
  expect(within(dialog).getByLabelText(/^counselor/i)).toHaveAccessibleDescription(
    'Choose one of the options',
  );
  await waitFor(() =>
    expect(within(dialog).getByRole('option', { name: 'Alex Counselor' })).toBeInTheDocument(),
  );
  await user.selectOptions(within(dialog).getByLabelText(/^counselor/i), 'Alex Counselor');
  await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

  await waitFor(() =>
    expect(screen.queryByRole('dialog', { name: 'Assign a counselor' })).not.toBeInTheDocument(),
  );
  const post = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/assign')) as [string, RequestInit];
  expect(JSON.parse(post[1].body as string)).toEqual({ version: 5, counselorId: counselors[1].id });
});

test('names the assigned counselor from the provider detail', () => {
  serve({});
  const referral = {
    ...buildReferralDetail({ status: 'OUTREACH' }),
    assignedCounselorId: counselors[0].id,
    assignedCounselorName: 'Casey Counselor',
  } as ReferralDetail & Partial<ProviderReferralDetail>;
  renderPanel(referral);

  expect(screen.getByTestId('assigned-counselor')).toHaveTextContent('Counselor: Casey Counselor');
  expect(buttons()).toEqual(['Reassign']);
});
