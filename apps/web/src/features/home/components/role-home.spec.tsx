import { ROLES } from '@pathways/contracts';
import { screen } from '@testing-library/react';
import { buildMe } from '../../../test/factories';
import { renderWithProviders } from '../../../test/render';
import { RoleHome } from './role-home';

const links = { adminUsers: '/admin/users', audit: '/audit', resources: '/resources' };

test.each(ROLES)('greets a %s on the home of that role', (role) => {
  const me = buildMe({ role, displayName: 'Dana Rivera' });
  renderWithProviders(<RoleHome me={me} links={links} />);

  expect(screen.getByTestId(`home-${role}`)).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Dana Rivera' })).toBeInTheDocument();
});

test('links an administrator to user management', () => {
  renderWithProviders(<RoleHome me={buildMe({ role: 'ADMIN' })} links={links} />);
  expect(screen.getByRole('link', { name: 'Manage users' })).toHaveAttribute('href', '/admin/users');
});
