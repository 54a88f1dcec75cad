import { screen, within } from '@testing-library/react';
import { buildReferralDetail, buildResource } from '../../../../test/factories';
import { renderWithProviders } from '../../../../test/render';
import { FamilySheet, PROGRAM_RESOURCE_KEY } from './family-sheet';

const links = {
  list: '/referrals',
  newReferral: '/referrals/new',
  detail: (id: string) => `/referrals/${id}`,
  edit: (id: string) => `/referrals/${id}/edit`,
  print: (id: string) => `/referrals/${id}/print`,
  familySheet: (id: string) => `/referrals/${id}/family-sheet`,
  caseDetail: (id: string) => `/cases/${id}`,
};
const counseling = buildResource({
  name: 'Free counseling for children exposed to violence',
  phone: '(619) 420-3620',
});
const program = buildResource({
  key: PROGRAM_RESOURCE_KEY,
  name: 'SBCS Youth Prevention and Intervention (YPI)',
  phone: '(619) 420-3620',
});

test('renders the family sheet in Spanish for a guardian whose preferred language is es', () => {
  const referral = buildReferralDetail({
    recommendedResourceIds: [counseling.id],
    narrative: 'Two students fought near the gym after lunch.',
    policeReportNumber: 'CV-26-0042',
  });
  renderWithProviders(<FamilySheet referral={referral} resources={[counseling, program]} links={links} />);

  const sheet = screen.getByTestId('family-sheet');
  expect(sheet).toHaveAttribute('lang', 'es');
  expect(
    within(sheet).getByRole('heading', { level: 1, name: 'Recursos para su familia' }),
  ).toBeInTheDocument();
  expect(within(sheet).getByText('Estimado(a) María Smith:')).toBeInTheDocument();
  expect(within(sheet).getByRole('heading', { name: 'Recursos recomendados' })).toBeInTheDocument();
  expect(within(sheet).getByText(counseling.name)).toBeInTheDocument();
  expect(within(sheet).getAllByRole('link', { name: '(619) 420-3620' })[0]).toHaveAttribute(
    'href',
    'tel:6194203620',
  );
  // The interface around it stays in the officer's language.
  expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
  // Nothing about the incident.
  expect(sheet).not.toHaveTextContent(/fought|gym|CV-26-0042|Mutual fight|PHYSICAL_FIGHT/);
});

test('falls back to English with a note when the guardian prefers a language without a sheet', () => {
  const referral = buildReferralDetail({ recommendedResourceIds: [counseling.id] });
  const [guardian] = referral.guardians;
  renderWithProviders(
    <FamilySheet
      referral={{ ...referral, guardians: [{ ...guardian, preferredLanguage: 'vi' }] }}
      resources={[counseling]}
      links={links}
    />,
  );

  expect(screen.getByTestId('family-sheet')).toHaveAttribute('lang', 'en');
  expect(screen.getByRole('heading', { level: 1, name: 'Resources for your family' })).toBeInTheDocument();
  expect(screen.getByTestId('family-sheet-language-note')).toHaveTextContent(
    'not yet available in Vietnamese',
  );
});
