import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PERMISSIONS, type Me, type Role } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { can } from '../../../lib/session';

interface RoleHomeProps {
  me: Me;
  /** Where the role's live links go; items without a link are not built yet. */
  links: { adminUsers: string; audit: string; resources: string };
}

function roleLinks(
  role: Role,
  me: Me,
  links: RoleHomeProps['links'],
): { primary?: string; secondary?: string } {
  if (role === 'ADMIN' && can(me, PERMISSIONS.ADMIN_USERS_MANAGE)) return { primary: links.adminUsers };
  if (role === 'AUDITOR' && can(me, PERMISSIONS.AUDIT_READ)) return { primary: links.audit };
  return {};
}

function WorkItem({ label, to }: { label: string; to?: string }) {
  const { t } = useTranslation();
  if (to) {
    return (
      <Anchor component={Link} to={to}>
        {label}
      </Anchor>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Text span>{label}</Text>
      <Badge variant="outline" color="gray" size="sm">
        {t('common.comingSoon')}
      </Badge>
    </Group>
  );
}

/** Each role lands on its own home; `data-testid="home-<ROLE>"` lets browser tests assert it. */
export function RoleHome({ me, links }: RoleHomeProps) {
  const { t } = useTranslation();
  const role = me.role;
  const targets = roleLinks(role, me, links);
  return (
    <div data-testid={`home-${role}`}>
      <PageHeader
        title={t('home.welcome', { name: me.displayName })}
        description={t('home.whoAmI', {
          role: t(`common.roles.${role}`),
          organization: me.organization.name,
        })}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="home-role-card">
          <Stack gap="sm">
            <Title order={2} size="h3" id="home-role-card">
              {t(`home.roles.${role}.title`)}
            </Title>
            <Text>{t(`home.roles.${role}.body`)}</Text>
            <List spacing="xs" listStyleType="none" p={0}>
              <List.Item>
                <WorkItem label={t(`home.roles.${role}.primary`)} to={targets.primary} />
              </List.Item>
              <List.Item>
                <WorkItem label={t(`home.roles.${role}.secondary`)} to={targets.secondary} />
              </List.Item>
            </List>
          </Stack>
        </Card>
        {can(me, PERMISSIONS.CATALOG_READ) ? (
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="home-resources-card">
            <Stack gap="sm">
              <Title order={2} size="h3" id="home-resources-card">
                {t('home.resourcesCard.title')}
              </Title>
              <Text>{t('home.resourcesCard.body')}</Text>
              <Anchor component={Link} to={links.resources}>
                {t('home.resourcesCard.link')}
              </Anchor>
            </Stack>
          </Card>
        ) : null}
      </SimpleGrid>
    </div>
  );
}
