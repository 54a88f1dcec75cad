import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import type { Me } from '@pathways/contracts';
import { Link, matchPath, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { navItemsFor, type NavItem } from './nav-items';

interface AppNavigationProps {
  me: Pick<Me, 'permissions'>;
  onNavigate?: () => void;
}

export function AppNavigation({ me, onNavigate }: AppNavigationProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('common.nav.label')}>
      <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {navItemsFor(me).map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.key}>
              <MantineNavLink
                component={Link}
                to={item.to}
                label={t(`common.nav.${item.key}`)}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
              />
            </li>
          );
        })}
      </Stack>
    </nav>
  );
}

/** "My referrals" covers /referrals/* except /referrals/new, which "New referral" owns. */
function isActive(item: NavItem, pathname: string): boolean {
  if (matchPath({ path: item.to, end: item.end ?? false }, pathname) === null) return false;
  return !(item.excludes ?? []).some((path) => matchPath({ path, end: false }, pathname) !== null);
}
