import { ROLES } from '@pathways/contracts';
import { screen, within } from '@testing-library/react';
import { buildMe } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { AppNavigation } from './app-navigation';

function navLinks() {
  return within(screen.getByRole('navigation', { name: 'Main navigation' }))
    .getAllByRole('link')
    .map((link) => link.textContent);
}

test.each(ROLES)('shows Users only to ADMIN (%s)', (role) => {
  renderWithProviders(<AppNavigation me={buildMe({ role })} />);

  if (role === 'ADMIN') expect(navLinks()).toContain('Users');
  else expect(navLinks()).not.toContain('Users');
});

test.each(ROLES)('shows Home and Resources to every role (%s)', (role) => {
  renderWithProviders(<AppNavigation me={buildMe({ role })} />);

  expect(navLinks()).toEqual(expect.arrayContaining(['Home', 'Resources']));
});

test.each(ROLES)('shows Reports only to roles that read outcome reports (%s)', (role) => {
  renderWithProviders(<AppNavigation me={buildMe({ role })} />);
  if (role === 'ADMIN' || role === 'AUDITOR') expect(navLinks()).not.toContain('Reports');
  else expect(navLinks()).toContain('Reports');
});

test('shows the audit trail and its weekly review to AUDITOR', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'AUDITOR' })} />);
  expect(navLinks()).toEqual(['Home', 'Resources', 'Audit', 'Weekly review']);
});

test.each(ROLES)('shows organization, catalogs and retention only to ADMIN (%s)', (role) => {
  renderWithProviders(<AppNavigation me={buildMe({ role })} />);
  for (const item of ['Organization', 'Catalogs', 'Retention'])
    if (role === 'ADMIN') expect(navLinks()).toContain(item);
    else expect(navLinks()).not.toContain(item);
});

test('marks the current page for assistive technology', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'ADMIN' })} />, { route: '/admin/users' });
  expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  expect(screen.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
});

test('gives an SRO New referral, My referrals, Tasks, Log a contact, Community events, Notices and Reports', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'SRO' })} />);
  expect(navLinks()).toEqual([
    'Home',
    'New referral',
    'My referrals',
    'Tasks',
    'Log a contact',
    'Community events',
    'Notices',
    'Reports',
    'Resources',
  ]);
});

test("gives a police supervisor the agency's Referrals, Tasks, School contacts, Community events, Notices and Reports", () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'PD_SUPERVISOR' })} />);
  expect(navLinks()).toEqual([
    'Home',
    'Referrals',
    'Tasks',
    'School contacts',
    'Community events',
    'Notices',
    'Reports',
    'Resources',
  ]);
});

test("gives a counselor Cases, the referrals they work, Tasks, Notices and the provider's Reports, but no Intake", () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'COUNSELOR' })} />);
  expect(navLinks()).toEqual(['Home', 'Cases', 'Referrals', 'Tasks', 'Notices', 'Reports', 'Resources']);
});

test('gives a provider supervisor the Intake queue first', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'PROVIDER_SUPERVISOR' })} />);
  expect(navLinks()).toEqual([
    'Home',
    'Intake',
    'Cases',
    'Referrals',
    'Tasks',
    'Notices',
    'Reports',
    'Resources',
  ]);
});

test('marks Cases as current on a case page', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'COUNSELOR' })} />, {
    route: '/cases/abc?tab=notes',
  });
  expect(screen.getByRole('link', { name: 'Cases' })).toHaveAttribute('aria-current', 'page');
});

test('marks only New referral as current on the new-referral page', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'SRO' })} />, { route: '/referrals/new' });
  expect(screen.getByRole('link', { name: 'New referral' })).toHaveAttribute('aria-current', 'page');
  expect(screen.getByRole('link', { name: 'My referrals' })).not.toHaveAttribute('aria-current');
});
