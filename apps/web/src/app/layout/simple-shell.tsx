import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';

interface SimpleShellProps {
  children: ReactNode;
  /** Header controls on the right: language, sign-out. */
  actions: ReactNode;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}

/** The frame of pages outside the app layout: sign-in, forced password change, public directory. */
export function SimpleShell({ children, actions, size = 'xs' }: SimpleShellProps) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('common.skipToContent')}
      </a>
      <Box
        component="header"
        py="sm"
        px="md"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={paths.home} fw={800} size="lg" underline="never" c="inherit">
              {t('common.appName')}
            </Anchor>
            <Text size="xs" c="dimmed" visibleFrom="xs">
              {t('common.tagline')}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        </Group>
      </Box>
      <Container size={size} py="xl" px="md" component="main" id="main-content" tabIndex={-1}>
        {children}
      </Container>
    </>
  );
}
