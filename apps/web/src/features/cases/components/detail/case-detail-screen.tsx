import { Card, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import type { CaseDetail } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/ui/page-header';
import { PageTitle } from '../../../../lib/page-title';
import type { CaseLinks } from '../case-links';
import { CaseStatusBadge } from '../case-status-badge';
import { AssessmentsTab } from '../tabs/assessments-tab';
import { ConsentsTab } from '../tabs/consents-tab';
import { FollowUpsTab } from '../tabs/follow-ups-tab';
import { NotesTab } from '../tabs/notes-tab';
import { NoticesTab } from '../tabs/notices-tab';
import { OverviewTab } from '../tabs/overview-tab';
import { PlanTab } from '../tabs/plan-tab';
import { ServicesTab } from '../tabs/services-tab';
import { SessionsTab } from '../tabs/sessions-tab';
import { TimelineTab } from '../tabs/timeline-tab';
import { CaseStatusActions, ClosureInfo } from './case-status-actions';
import { CaseFacts, DueNext, SafetyFlags, youthName } from './case-summary';

export const CASE_TABS = [
  'overview',
  'consents',
  'assessments',
  'plan',
  'services',
  'sessions',
  'notes',
  'follow-ups',
  'notices',
  'timeline',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export const isCaseTab = (value: string | null): value is CaseTab =>
  value !== null && (CASE_TABS as readonly string[]).includes(value);

/** The tabs this person may open: assessments are clinical (ACCESS.md), the rest follow the case. */
export function visibleTabs(detail: CaseDetail): CaseTab[] {
  return CASE_TABS.filter((tab) => tab !== 'assessments' || detail.abilities.readClinical);
}

type TabKey = Exclude<CaseTab, 'follow-ups'> | 'followUps';

const TAB_KEYS: Record<CaseTab, TabKey> = {
  overview: 'overview',
  consents: 'consents',
  assessments: 'assessments',
  plan: 'plan',
  services: 'services',
  sessions: 'sessions',
  notes: 'notes',
  'follow-ups': 'followUps',
  notices: 'notices',
  timeline: 'timeline',
};

interface CaseDetailScreenProps {
  detail: CaseDetail;
  links: CaseLinks;
  /** The open tab, from the URL (`?tab=notes`), so a link or a reload opens the same one. */
  tab: CaseTab;
  onTabChange: (tab: CaseTab) => void;
  now?: Date;
}

/** Everything about one case on one page: header with clocks and flags, due next, and a tab per kind of work. */
export function CaseDetailScreen({
  detail,
  links,
  tab,
  onTabChange,
  now = new Date(),
}: CaseDetailScreenProps) {
  const { t } = useTranslation();
  const tabs = visibleTabs(detail);
  const active = tabs.includes(tab) ? tab : 'overview';

  const panel = (value: CaseTab) => {
    switch (value) {
      case 'overview':
        return <OverviewTab detail={detail} />;
      case 'consents':
        return <ConsentsTab detail={detail} />;
      case 'assessments':
        return <AssessmentsTab detail={detail} />;
      case 'plan':
        return <PlanTab detail={detail} />;
      case 'services':
        return <ServicesTab detail={detail} />;
      case 'sessions':
        return <SessionsTab detail={detail} />;
      case 'notes':
        return <NotesTab detail={detail} />;
      case 'follow-ups':
        return <FollowUpsTab detail={detail} />;
      case 'notices':
        return <NoticesTab detail={detail} links={links} />;
      case 'timeline':
        return <TimelineTab detail={detail} />;
    }
  };

  return (
    <div data-testid="case-detail">
      {/* The tab names the case by its number, never the youth. */}
      <PageTitle title={t('cases.detail.title', { caseNumber: detail.caseNumber })} />
      <PageHeader
        title={t('cases.detail.title', { caseNumber: detail.caseNumber })}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <Text span inherit>
              {youthName(detail)}
            </Text>
            <CaseStatusBadge status={detail.status} />
          </Group>
        }
        actions={<CaseStatusActions detail={detail} now={now} />}
      />
      <Stack gap="md">
        <SafetyFlags detail={detail} />
        <ClosureInfo detail={detail} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder radius="md" p="md" h="100%">
              <CaseFacts detail={detail} now={now} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <DueNext detail={detail} links={links} now={now} />
          </Grid.Col>
        </Grid>
        <Tabs
          value={active}
          onChange={(value) => {
            if (isCaseTab(value)) onTabChange(value);
          }}
          keepMounted={false}
          activateTabWithKeyboard
        >
          <Tabs.List aria-label={t('cases.tabs.label')}>
            {tabs.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`cases.tabs.${TAB_KEYS[value]}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((value) => (
            <Tabs.Panel key={value} value={value} pt="md">
              {panel(value)}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </div>
  );
}
