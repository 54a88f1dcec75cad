import type { ReferralDraftInput } from '@pathways/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  birthDateForAge,
  buildReasonCode,
  buildReferralDetail,
  buildSchool,
} from '../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders } from '../../../../test/render';
import { ReferralWizard } from './referral-wizard';

const school = buildSchool({ name: 'Castle Park High' });
const fight = buildReasonCode({ code: 'PHYSICAL_FIGHT', label: 'Mutual fight' });
const links = {
  list: '/referrals',
  newReferral: '/referrals/new',
  detail: (id: string) => `/referrals/${id}`,
  edit: (id: string) => `/referrals/${id}/edit`,
  print: (id: string) => `/referrals/${id}/print`,
  familySheet: (id: string) => `/referrals/${id}/family-sheet`,
  caseDetail: (id: string) => `/cases/${id}`,
};

const draftFields = (narrative: string): ReferralDraftInput => ({
  youth: { firstName: 'Jordan', lastName: 'Smith', dateOfBirth: birthDateForAge(14), primaryLanguage: 'es' },
  guardians: [
    { name: 'María Smith', relationship: 'MOTHER', phone: '619-555-0142', preferredLanguage: 'es' },
  ],
  schoolId: school.id,
  incidentAt: '2026-03-02T18:30:00.000Z',
  incidentLocation: 'ON_CAMPUS',
  pathway: 'LE_DIVERSION_626B',
  reasonCodes: ['PHYSICAL_FIGHT'],
  narrative,
  priority: 'ROUTINE',
  victimInvolved: false,
});

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('a draft changed in another tab: the reload loads the latest and keeps what was typed here on show to copy', async () => {
  const draft = buildReferralDetail({
    status: 'DRAFT',
    referenceNumber: null,
    version: 3,
    draft: draftFields('Two students argued at lunch.'),
  });
  const latest = { ...draft, version: 4, draft: draftFields('Written in the other tab.') };
  let patches = 0;
  mockFetch((url, init) => {
    if (url === `/api/referrals/${draft.id}` && init.method === 'PATCH')
      return (patches += 1) === 1
        ? {
            status: 409,
            body: errorBody(409, 'Conflict', 'Stale', { code: 'STALE_VERSION', currentVersion: 4 }),
          }
        : { status: 200, body: { ...latest, version: 5 } };
    if (url === `/api/referrals/${draft.id}`) return { status: 200, body: latest };
    return { status: 500, body: errorBody(500, 'Error', `unexpected ${init.method ?? 'GET'} ${url}`) };
  });
  renderWithProviders(
    <ReferralWizard existing={draft} schools={[school]} reasonCodes={[fight]} resources={[]} links={links} />,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Next' }));
  const narrative = await screen.findByLabelText(/^What happened/);
  await user.clear(narrative);
  await user.paste('Pushed each other; both calmed down with staff.');

  await user.click(screen.getByRole('button', { name: 'Next' }));

  const conflict = await screen.findByTestId('conflict-alert');
  expect(conflict).toHaveTextContent('Someone else changed this draft');
  expect(conflict).toHaveTextContent('Reloading replaces what you typed here with the latest version');
  await user.click(within(conflict).getByRole('button', { name: 'Reload the draft' }));

  expect(await within(conflict).findByText(/What you had typed is below, to copy/)).toBeInTheDocument();
  expect(within(conflict).getByLabelText('Your unsaved text: What happened')).toHaveValue(
    'Pushed each other; both calmed down with staff.',
  );
  expect(within(conflict).getByRole('button', { name: 'Copy your text: What happened' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Step 2 of 5: Incident' }));
  expect(await screen.findByRole('textbox', { name: /^What happened/ })).toHaveValue(
    'Written in the other tab.',
  );

  await user.click(within(conflict).getByRole('button', { name: 'Done' }));
  expect(screen.queryByTestId('conflict-alert')).not.toBeInTheDocument();
}, 20_000);
