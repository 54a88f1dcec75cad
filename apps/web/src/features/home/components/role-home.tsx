import { Anchor, Badge, Box, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PERMISSIONS, type Me, type Role } from '@pathways/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { can } from '../../../lib/session';

export interface RoleHomeLinks {
  adminUsers: string;
  adminCatalogs: string;
  audit: string;
  resources: string;
  newReferral: string;
  referrals: string;
  logContact: string;
  schoolContacts: string;
  communityEvents: string;
  intake: string;
  cases: string;
  tasks: string;
  reports: string;
}

interface RoleHomeProps {
  me: Me;
  /** Where the role's live links go; items without a link are not built yet. */
  links: RoleHomeLinks;
  /** Due and overdue work, shown first; the app composes it from the tasks feature. */
  workPanel?: ReactNode;
}

type WorkKey = 'primary' | 'secondary' | 'logContact' | 'schoolContacts' | 'communityEvents' | 'cases';

/** The role card's items, each linked only when the session holds its permission. */
function roleItems(role: Role, me: Me, links: RoleHomeLinks): { key: WorkKey; to?: string }[] {
  const P = PERMISSIONS;
  const when = (permission: (typeof P)[keyof typeof P], to: string) => (can(me, permission) ? to : undefined);
  switch (role) {
    case 'SRO':
      return [
        { key: 'primary', to: when(P.REFERRAL_CREATE, links.newReferral) },
        { key: 'secondary', to: when(P.REFERRAL_READ, links.referrals) },
        { key: 'logContact', to: when(P.SCHOOL_CONTACT_CREATE, links.logContact) },
        { key: 'communityEvents', to: when(P.COMMUNITY_EVENT_MANAGE, links.communityEvents) },
      ];
    case 'PD_SUPERVISOR':
      return [
        { key: 'primary', to: when(P.REFERRAL_READ, links.referrals) },
        { key: 'schoolContacts', to: when(P.SCHOOL_CONTACT_READ, links.schoolContacts) },
        { key: 'communityEvents', to: when(P.COMMUNITY_EVENT_MANAGE, links.communityEvents) },
        { key: 'secondary', to: when(P.REPORT_READ, links.reports) },
      ];
    case 'ADMIN':
      return [
        { key: 'primary', to: when(P.ADMIN_USERS_MANAGE, links.adminUsers) },
        { key: 'secondary', to: when(P.ADMIN_CATALOGS_MANAGE, links.adminCatalogs) },
      ];
    case 'AUDITOR':
      // The audit trail screen verifies the hash chain as it opens.
      return [
        { key: 'primary', to: when(P.AUDIT_READ, links.audit) },
        { key: 'secondary', to: when(P.AUDIT_READ, links.audit) },
      ];
    case 'COUNSELOR':
      return [
        { key: 'primary', to: when(P.CASE_READ, links.cases) },
        { key: 'secondary', to: when(P.TASK_READ, links.tasks) },
      ];
    case 'PROVIDER_SUPERVISOR':
      return [
        { key: 'primary', to: when(P.REFERRAL_TRIAGE, links.intake) },
        { key: 'secondary', to: when(P.REFERRAL_TRIAGE, links.intake) },
        { key: 'cases', to: when(P.CASE_READ, links.cases) },
      ];
  }
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
export function RoleHome({ me, links, workPanel }: RoleHomeProps) {
  const { t } = useTranslation();
  const role = me.role;
  const label = (key: WorkKey) =>
    key === 'primary' || key === 'secondary' ? t(`home.roles.${role}.${key}`) : t(`home.work.${key}`);
  return (
    <div data-testid={`home-${role}`}>
      <PageHeader
        title={t('home.welcome', { name: me.displayName })}
        description={t('home.whoAmI', {
          role: t(`common.roles.${role}`),
          organization: me.organization.name,
        })}
      />
      {workPanel ? <Box mb="md">{workPanel}</Box> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="home-role-card">
          <Stack gap="sm">
            <Title order={2} size="h3" id="home-role-card">
              {t(`home.roles.${role}.title`)}
            </Title>
            <Text>{t(`home.roles.${role}.body`)}</Text>
            <List spacing="xs" listStyleType="none" p={0}>
              {roleItems(role, me, links).map((item) => (
                <List.Item key={item.key}>
                  <WorkItem label={label(item.key)} to={item.to} />
                </List.Item>
              ))}
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
