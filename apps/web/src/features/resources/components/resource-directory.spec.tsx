import type { Resource } from '@pathways/contracts';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../test/render';
import { ResourceDirectory } from './resource-directory';

function buildResource(overrides: Partial<Resource> = {}): Resource {
  return {
    id: overrides.key ?? 'r1',
    key: 'r1',
    name: 'Youth counseling',
    organization: 'South Bay Community Services',
    category: 'COUNSELING',
    description: 'Free counseling for children.',
    descriptionEs: 'Consejería gratuita para niños.',
    phone: '(619) 420-3620',
    urls: ['https://example.org/counseling'],
    ages: '0-17',
    languages: ['en', 'es'],
    lastVerifiedAt: null,
    active: true,
    ...overrides,
  };
}

const resources = [
  buildResource({ key: 'counseling' }),
  buildResource({
    key: 'housing',
    name: 'Housing for youth',
    category: 'HOUSING',
    description: 'Beds.',
    descriptionEs: null,
    phone: null,
  }),
];

afterEach(() => act(() => void i18n.changeLanguage('en')));

test('filters by text and shows the phone as a tel: link', async () => {
  renderWithProviders(<ResourceDirectory resources={resources} />);

  await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Search resources' }), 'housing');

  expect(screen.getByRole('heading', { name: 'Housing for youth' })).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Youth counseling' })).not.toBeInTheDocument();
  expect(screen.getByText('Showing 1 of 2')).toBeInTheDocument();
});

test('shows the Spanish description when the interface is in Spanish', async () => {
  renderWithProviders(<ResourceDirectory resources={resources} />);
  expect(screen.getByRole('link', { name: '(619) 420-3620' })).toHaveAttribute('href', 'tel:6194203620');

  await act(() => i18n.changeLanguage('es'));

  expect(screen.getByText('Consejería gratuita para niños.')).toBeInTheDocument();
  expect(screen.getByText('Beds.')).toBeInTheDocument();
});
