import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildReferralDetail } from '../../../../../test/factories';
import { errorBody, mockFetch, renderWithProviders } from '../../../../../test/render';
import { EnrollForm } from './enroll-form';

const guardian = buildReferralDetail().guardians[0];
const referral = buildReferralDetail({
  status: 'CONSENT_PENDING',
  version: 4,
  // A real (RFC 4122) id: the form sends it as guardianId, which the contract checks.
  guardians: [{ ...guardian, id: '3f2c1a9e-5b7d-4c2e-9a1f-6d8e0b4c7a21' }],
});

function renderForm() {
  const onEnrolled = jest.fn();
  renderWithProviders(<EnrollForm referral={referral} onEnrolled={onEnrolled} onCancel={jest.fn()} />);
  return { onEnrolled };
}

async function fillParticipation() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('checkbox', { name: /youth agrees/i }));
  await user.selectOptions(screen.getByLabelText(/^signature/i), 'WET_INK_SCANNED');
  return user;
}

const bodyOf = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

beforeEach(() => sessionStorage.setItem('pathways.csrf', 'csrf-abc'));
afterEach(() => sessionStorage.clear());

test('shows the server field errors of a 400 on the consent inputs they name', async () => {
  mockFetch(() => ({
    status: 400,
    body: errorBody(400, 'Bad Request', 'Invalid input', {
      details: [
        { path: 'consents.0.youthAssent', message: 'The youth must assent, or record a self-consent basis' },
        { path: 'consents.0.signedAt', message: 'The consent is not in force (future, expired or revoked)' },
        { path: 'consents', message: 'No valid program participation consent' },
      ],
    }),
  }));
  const { onEnrolled } = renderForm();

  const user = await fillParticipation();
  await user.click(screen.getByRole('button', { name: 'Enroll and open the case' }));

  expect(
    await screen.findByText('The youth must assent, or record a self-consent basis'),
  ).toBeInTheDocument();
  expect(screen.getByRole('checkbox', { name: /youth agrees/i })).toHaveAccessibleDescription(
    /The youth must assent, or record a self-consent basis/,
  );
  expect(screen.getByLabelText(/^signed/i)).toHaveAccessibleDescription(
    'The consent is not in force (future, expired or revoked)',
  );
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('Check the highlighted fields.');
  expect(alert).toHaveTextContent('No valid program participation consent');
  expect(onEnrolled).not.toHaveBeenCalled();
});

test("asks for the youth's assent before sending anything when a guardian signs", async () => {
  const fetchMock = mockFetch(() => ({ status: 500 }));
  renderForm();
  const user = userEvent.setup();

  await user.selectOptions(screen.getByLabelText(/^signature/i), 'E_SIGNATURE');
  await user.click(screen.getByRole('button', { name: 'Enroll and open the case' }));

  expect(
    await screen.findByText("The youth must agree, or record a basis for the youth's own consent."),
  ).toBeInTheDocument();
  expect(fetchMock).not.toHaveBeenCalled();
});

test('sends the participation consent and a release to the referring agency, by default status only', async () => {
  const fetchMock = mockFetch(() => ({
    status: 201,
    body: { caseId: 'case-1', caseNumber: 'C-2026-000045' },
  }));
  const { onEnrolled } = renderForm();

  const user = await fillParticipation();
  await user.click(
    screen.getByRole('checkbox', { name: /release of information to the referring police agency/i }),
  );
  expect(screen.getByRole('checkbox', { name: 'Enrollment status' })).toBeChecked();
  expect(screen.getByRole('checkbox', { name: 'Completion status' })).toBeChecked();
  expect(screen.getByRole('checkbox', { name: 'Assessment results' })).not.toBeChecked();
  await user.click(screen.getByRole('button', { name: 'Enroll and open the case' }));

  await waitFor(() =>
    expect(onEnrolled).toHaveBeenCalledWith({ caseId: 'case-1', caseNumber: 'C-2026-000045' }),
  );
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe(`/api/referrals/${referral.id}/enroll`);
  expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  const body = bodyOf(init) as { version: number; consents: Record<string, unknown>[] };
  expect(body.version).toBe(4);
  expect(body.consents).toHaveLength(2);
  expect(body.consents[0]).toMatchObject({
    type: 'PROGRAM_PARTICIPATION',
    youthAssent: true,
    guardianName: 'María Smith',
    guardianId: '3f2c1a9e-5b7d-4c2e-9a1f-6d8e0b4c7a21',
    signatureMethod: 'WET_INK_SCANNED',
    language: 'es',
  });
  expect(body.consents[1]).toMatchObject({
    type: 'RELEASE_OF_INFORMATION',
    counterpartOrgId: referral.referringOrgId,
    infoScope: ['ENROLLMENT_STATUS', 'COMPLETION_STATUS'],
  });
});

test('a youth consenting alone records the basis instead of a guardian', async () => {
  const fetchMock = mockFetch(() => ({
    status: 201,
    body: { caseId: 'case-2', caseNumber: 'C-2026-000046' },
  }));
  renderForm();
  const user = await fillParticipation();

  await user.click(screen.getByRole('radio', { name: 'The youth consents alone' }));
  await user.click(screen.getByRole('button', { name: 'Enroll and open the case' }));
  expect(await screen.findByLabelText(/basis for the youth's own consent/i)).toHaveAccessibleDescription(
    /Choose one of the options/,
  );
  expect(fetchMock).not.toHaveBeenCalled();

  await user.selectOptions(screen.getByLabelText(/basis for the youth's own consent/i), 'FC_6924');
  await user.click(screen.getByRole('button', { name: 'Enroll and open the case' }));

  await waitFor(() => expect(fetchMock).toHaveBeenCalled());
  const body = bodyOf((fetchMock.mock.calls[0] as [string, RequestInit])[1]) as {
    consents: Record<string, unknown>[];
  };
  expect(body.consents[0]).toMatchObject({ minorSelfConsentBasis: 'FC_6924' });
  expect(body.consents[0]).not.toHaveProperty('guardianName');
});
