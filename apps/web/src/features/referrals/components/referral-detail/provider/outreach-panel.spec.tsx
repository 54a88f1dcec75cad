import type { OutreachSummary } from '@pathways/contracts';
import { screen } from '@testing-library/react';
import { buildReferralDetail } from '../../../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../../../test/render';
import type { ReferralLinks } from '../../referral-links';
import { OutreachPanel } from './outreach-panel';

const links = { caseDetail: (id: string) => `/cases/${id}` } as ReferralLinks;

function summary(overrides: Partial<OutreachSummary>): OutreachSummary {
  return {
    attempts: 0,
    modalities: [],
    attemptRuleMet: false,
    firstAttemptAt: null,
    contacts: [],
    ...overrides,
  };
}

test('keeps "family not reached" unavailable, and says why, until the attempt rule is met', async () => {
  mockFetch(() => ({ status: 200, body: summary({ attempts: 2, modalities: ['PHONE'] }) }));
  renderWithProviders(<OutreachPanel referral={buildReferralDetail({ status: 'OUTREACH' })} links={links} />);

  expect(await screen.findByTestId('attempt-rule')).toHaveTextContent('2 of 3 attempts · 1 of 2 ways');
  const unable = screen.getByRole('button', { name: 'Family not reached…' });
  expect(unable).toBeDisabled();
  expect(unable).toHaveAccessibleDescription(
    'Available after 3 attempts over 2 different ways within 10 business days.',
  );
  expect(screen.getByRole('button', { name: 'Enroll…' })).toBeEnabled();
});

test('offers "family not reached" once three attempts over two ways are logged', async () => {
  mockFetch(() => ({
    status: 200,
    body: summary({ attempts: 3, modalities: ['PHONE', 'TEXT'], attemptRuleMet: true }),
  }));
  renderWithProviders(<OutreachPanel referral={buildReferralDetail({ status: 'OUTREACH' })} links={links} />);

  expect(await screen.findByText('Attempt rule met')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Family not reached…' })).toBeEnabled();
});
