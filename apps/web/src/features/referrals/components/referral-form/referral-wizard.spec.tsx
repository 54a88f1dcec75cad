import type { ReferralDetail, ReferralDraftInput } from '@pathways/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  birthDateForAge,
  buildReasonCode,
  buildReferralDetail,
  buildResource,
  buildSchool,
} from '../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders, type FakeResponse } from '../../../../test/render';
import { ReferralWizard } from './referral-wizard';

const school = buildSchool({ name: 'Castle Park High' });
const fight = buildReasonCode({ code: 'PHYSICAL_FIGHT', label: 'Mutual fight' });
const weapon = buildReasonCode({ code: 'WEAPON', label: 'Weapon', excludedFromDiversion: true });
const resource = buildResource({ name: 'Free counseling for children exposed to violence' });
const links = {
  list: '/referrals',
  newReferral: '/referrals/new',
  detail: (id: string) => `/referrals/${id}`,
  edit: (id: string) => `/referrals/${id}/edit`,
  print: (id: string) => `/referrals/${id}/print`,
  familySheet: (id: string) => `/referrals/${id}/family-sheet`,
  caseDetail: (id: string) => `/cases/${id}`,
};

function completeDraft(overrides: ReferralDraftInput = {}): ReferralDraftInput {
  return {
    youth: {
      firstName: 'Jordan',
      lastName: 'Smith',
      dateOfBirth: birthDateForAge(14),
      primaryLanguage: 'es',
    },
    guardians: [
      { name: 'María Smith', relationship: 'MOTHER', phone: '619-555-0142', preferredLanguage: 'es' },
    ],
    schoolId: school.id,
    incidentAt: '2026-03-02T18:30:00.000Z',
    incidentLocation: 'ON_CAMPUS',
    pathway: 'LE_DIVERSION_626B',
    reasonCodes: ['PHYSICAL_FIGHT'],
    narrative: 'Two students fought near the gym after lunch.',
    priority: 'ROUTINE',
    victimInvolved: false,
    ...overrides,
  };
}

function renderWizard(existing?: ReferralDetail) {
  renderWithProviders(
    <ReferralWizard
      existing={existing}
      schools={[school]}
      reasonCodes={[fight, weapon]}
      resources={[resource]}
      links={links}
    />,
  );
}

/** Routes the fake API by method and path; anything unexpected is a 500 the test would notice. */
function fakeApi(routes: Record<string, (init: RequestInit) => FakeResponse>) {
  return mockFetch((url, init) => {
    const key = `${init.method ?? 'GET'} ${url.split('?')[0]}`;
    const route = routes[key];
    return route ? route(init) : { status: 500, body: errorBody(500, 'Error', `unexpected ${key}`) };
  });
}

const bodyOf = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

// These tests type a whole referral through the five steps: on a loaded 2-core CI machine that can pass 5 s.
jest.setTimeout(15_000);

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('shows the field errors of a server 400 at their fields, on the step that holds them', async () => {
  const draft = buildReferralDetail({ status: 'DRAFT', referenceNumber: null, draft: completeDraft() });
  const fetchMock = fakeApi({
    [`PATCH /api/referrals/${draft.id}`]: () => ({
      status: 400,
      body: errorBody(400, 'Bad Request', 'Invalid input', {
        details: [
          { path: 'youth.firstName', message: 'Use letters, spaces, hyphens or apostrophes' },
          { path: 'guardians.0.phone', message: 'This number cannot receive calls' },
        ],
      }),
    }),
  });
  const user = userEvent.setup();
  renderWizard(draft);

  for (let step = 0; step < 4; step += 1) await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('button', { name: 'Submit referral' }));

  // Back on the first step that has an error, with the message under its field.
  expect(await screen.findByRole('heading', { level: 2, name: 'Youth' })).toHaveFocus();
  expect(screen.getByLabelText(/^First name/)).toHaveAccessibleDescription(
    'Use letters, spaces, hyphens or apostrophes',
  );
  expect(screen.getByTestId('referral-form-error')).toHaveTextContent('Check the highlighted fields.');

  await user.click(screen.getByRole('button', { name: 'Step 3 of 5: Guardian and language' }));
  expect(await screen.findByLabelText(/^Phone/)).toHaveAccessibleDescription(
    'This number cannot receive calls',
  );
  expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/submit'))).toBe(false);
});

test('warns that a 19-year-old and an excluded reason code need a supervisor override', async () => {
  const draft = buildReferralDetail({
    status: 'DRAFT',
    referenceNumber: null,
    draft: completeDraft({
      youth: {
        firstName: 'Alex',
        lastName: 'Rivera',
        dateOfBirth: birthDateForAge(19),
        primaryLanguage: 'en',
      },
      incidentAt: new Date().toISOString(),
    }),
  });
  fakeApi({});
  const user = userEvent.setup();
  renderWizard(draft);

  await user.click(screen.getByRole('button', { name: 'Step 2 of 5: Incident' }));
  const eligibility = await screen.findByTestId('eligibility');
  expect(eligibility).toHaveTextContent('Age at the incident is 19: the program serves ages 6 to 18.');
  expect(eligibility).not.toHaveTextContent('Excluded from diversion');

  await user.type(screen.getByRole('combobox', { name: /^Reasons/ }), 'Weap');
  await user.keyboard('{Enter}');

  await waitFor(() => expect(eligibility).toHaveTextContent('Excluded from diversion (WIC 654.3): Weapon.'));
  expect(eligibility).toHaveTextContent('A provider supervisor must override eligibility');
});

test('suggests youth already in Pathways, and "Use this youth" links the referral to that record', async () => {
  const match = {
    id: '00000000-0000-4000-9999-000000000001',
    displayName: 'Jordan Smith',
    dateOfBirth: '2011-04-09',
    schoolName: 'Castle Park Middle',
    openReferral: true,
    score: 0.92,
  };
  const created = buildReferralDetail({ status: 'DRAFT', referenceNumber: null });
  const fetchMock = fakeApi({
    'GET /api/youth/matches': () => ({ status: 200, body: [match] }),
    'POST /api/referrals': () => ({ status: 201, body: { ...created, youthId: match.id } }),
  });
  const user = userEvent.setup();
  renderWizard();

  await user.type(screen.getByLabelText(/^First name/), 'Jordan');
  await user.type(screen.getByLabelText(/^Last name/), 'Smith');

  const suggestions = await screen.findByRole('region', { name: '1 possible match' });
  expect(within(suggestions).getByText('Jordan Smith')).toBeInTheDocument();
  expect(within(suggestions).getByText('Open referral')).toBeInTheDocument();
  expect(within(suggestions).getByText(/Castle Park Middle/)).toBeInTheDocument();
  const [matchUrl] = fetchMock.mock.calls.find(([url]) => String(url).startsWith('/api/youth/matches')) ?? [];
  expect(String(matchUrl)).toBe('/api/youth/matches?firstName=Jordan&lastName=Smith');

  await user.click(within(suggestions).getByRole('button', { name: 'Use this youth: Jordan Smith' }));

  expect(screen.getByTestId('existing-youth')).toHaveTextContent('Jordan Smith');
  expect(screen.queryByLabelText(/^First name/)).not.toBeInTheDocument();
  // The draft saved for this form links the existing record instead of creating a youth.
  await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true));
  const [, postInit] = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
  expect(bodyOf(postInit)).toMatchObject({ submit: false, youthId: match.id });
  expect(bodyOf(postInit)).not.toHaveProperty('youth');
  expect((postInit.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
});
