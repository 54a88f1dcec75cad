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

test('shows Audit only to AUDITOR', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'AUDITOR' })} />);
  expect(navLinks()).toEqual(['Home', 'Resources', 'Audit']);
});

test('marks the current page for assistive technology', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'ADMIN' })} />, { route: '/admin/users' });
  expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  expect(screen.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
});

test('gives an SRO New referral, My referrals, Log a contact and Community events', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'SRO' })} />);
  expect(navLinks()).toEqual([
    'Home',
    'New referral',
    'My referrals',
    'Log a contact',
    'Community events',
    'Resources',
  ]);
});

test("gives a police supervisor the agency's Referrals, School contacts and Community events", () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'PD_SUPERVISOR' })} />);
  expect(navLinks()).toEqual(['Home', 'Referrals', 'School contacts', 'Community events', 'Resources']);
});

test('marks only New referral as current on the new-referral page', () => {
  renderWithProviders(<AppNavigation me={buildMe({ role: 'SRO' })} />, { route: '/referrals/new' });
  expect(screen.getByRole('link', { name: 'New referral' })).toHaveAttribute('aria-current', 'page');
  expect(screen.getByRole('link', { name: 'My referrals' })).not.toHaveAttribute('aria-current');
});
