import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import type { Me } from '@pathways/contracts';
import { matchPath, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { navItemsFor } from './nav-items';

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
        {navItemsFor(me).map((item) => (
          <li key={item.key}>
            <MantineNavLink
              component={NavLink}
              to={item.to}
              end={item.end}
              label={t(`common.nav.${item.key}`)}
              active={matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null}
              onClick={onNavigate}
            />
          </li>
        ))}
      </Stack>
    </nav>
  );
}
