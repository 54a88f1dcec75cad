import { Anchor, AppShell, Box, Burger, Container, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, Navigate, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { paths } from '../paths';
import { AccountLanguageSwitch } from './account-language-switch';
import { AppNavigation } from './app-navigation';
import { SignOutButton } from './sign-out-button';

export const MAIN_CONTENT_ID = 'main-content';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the `sm` breakpoint a closed drawer is only moved off-screen; keep its links out of the tab order.
  const isPhone = useMediaQuery('(max-width: 47.99em)');

  if (me.mustChangePassword) return <Navigate to={paths.changePassword} replace />;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common.nav.toggle')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Anchor component={Link} to={paths.home} fw={800} size="lg" underline="never" c="inherit">
              {t('common.appName')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <AccountLanguageSwitch />
            {/* On a phone the header has no room for it: it moves into the navigation drawer. */}
            <Box visibleFrom="xs">
              <SignOutButton />
            </Box>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="app-navbar" role="none" inert={isPhone && !opened}>
        <AppShell.Section grow>
          <AppNavigation me={me} onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="sm" />
          <Stack gap={2}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {me.displayName}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`common.roles.${me.role}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {me.organization.name}
            </Text>
            <Anchor component={Link} to={paths.changePassword} size="sm" onClick={close}>
              {t('common.nav.changePassword')}
            </Anchor>
            <Anchor component={Link} to={paths.accountSecurity} size="sm" onClick={close}>
              {t('common.nav.accountSecurity')}
            </Anchor>
            <Box hiddenFrom="xs" mt="xs">
              <SignOutButton fullWidth />
            </Box>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
