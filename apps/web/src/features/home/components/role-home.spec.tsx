import { ROLES } from '@pathways/contracts';
import { screen } from '@testing-library/react';
import { buildMe } from '../../../test/factories';
import { renderWithProviders } from '../../../test/render';
import { RoleHome } from './role-home';

const links = {
  adminUsers: '/admin/users',
  adminCatalogs: '/admin/catalogs',
  audit: '/audit',
  resources: '/resources',
  newReferral: '/referrals/new',
  referrals: '/referrals',
  logContact: '/school-contacts/new',
  schoolContacts: '/school-contacts',
  communityEvents: '/community-events',
  intake: '/intake',
  cases: '/cases',
  tasks: '/tasks',
  reports: '/reports',
};

test.each(ROLES)('greets a %s on the home of that role', (role) => {
  const me = buildMe({ role, displayName: 'Dana Rivera' });
  renderWithProviders(<RoleHome me={me} links={links} />);

  expect(screen.getByTestId(`home-${role}`)).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Dana Rivera' })).toBeInTheDocument();
});

test('links an administrator to user management and the catalogs', () => {
  renderWithProviders(<RoleHome me={buildMe({ role: 'ADMIN' })} links={links} />);
  expect(screen.getByRole('link', { name: 'Manage users' })).toHaveAttribute('href', '/admin/users');
  expect(screen.getByRole('link', { name: 'Catalogs' })).toHaveAttribute('href', '/admin/catalogs');
  expect(screen.queryByText('Coming soon')).not.toBeInTheDocument();
});

test('links an auditor to the audit trail, where the chain is verified', () => {
  renderWithProviders(<RoleHome me={buildMe({ role: 'AUDITOR' })} links={links} />);
  expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute('href', '/audit');
  expect(screen.getByRole('link', { name: 'Verify the chain' })).toHaveAttribute('href', '/audit');
  expect(screen.queryByText('Coming soon')).not.toBeInTheDocument();
});

test('links an SRO to a new referral, their referrals, contacts and community events', () => {
  renderWithProviders(<RoleHome me={buildMe({ role: 'SRO' })} links={links} />);
  expect(screen.getByRole('link', { name: 'Refer a youth' })).toHaveAttribute('href', '/referrals/new');
  expect(screen.getByRole('link', { name: 'My referrals' })).toHaveAttribute('href', '/referrals');
  expect(screen.getByRole('link', { name: 'Log a contact' })).toHaveAttribute('href', '/school-contacts/new');
  expect(screen.getByRole('link', { name: 'Community events' })).toHaveAttribute('href', '/community-events');
  expect(screen.queryByText('Coming soon')).not.toBeInTheDocument();
});

test("links a police supervisor to the agency's referrals and school contacts", () => {
  renderWithProviders(<RoleHome me={buildMe({ role: 'PD_SUPERVISOR' })} links={links} />);
  expect(screen.getByRole('link', { name: 'Agency referrals' })).toHaveAttribute('href', '/referrals');
  expect(screen.getByRole('link', { name: 'School contacts' })).toHaveAttribute('href', '/school-contacts');
  expect(screen.getByRole('link', { name: 'Community events' })).toHaveAttribute('href', '/community-events');
  expect(screen.getByRole('link', { name: 'Outcome reports' })).toHaveAttribute('href', '/reports');
});
