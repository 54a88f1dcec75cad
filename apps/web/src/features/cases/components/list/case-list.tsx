import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CaseListItem } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DueDate } from '../../../../components/ui/due-date';
import { WarningIcon } from '../../../../components/ui/warning-icon';
import { formatDate } from '../../../../lib/format';
import type { CaseLinks } from '../case-links';
import { CaseStatusBadge } from '../case-status-badge';

interface CaseListProps {
  items: CaseListItem[];
  links: CaseLinks;
  /** Supervisors see every counselor's cases, so the counselor is a column. */
  showCounselor: boolean;
  now?: Date;
}

/** The 20-day clock until the program starts, then the start date (WIC 652.5). */
function ServiceClock({ item, now }: { item: CaseListItem; now: Date }) {
  const { t, i18n } = useTranslation();
  if (item.serviceProgramInitiatedAt)
    return (
      <Text size="sm">
        {t('cases.clocks.startedOn', { date: formatDate(item.serviceProgramInitiatedAt, i18n.language) })}
      </Text>
    );
  if (item.status === 'CLOSED')
    return (
      <Text size="sm" c="dimmed">
        {t('cases.clocks.notStarted')}
      </Text>
    );
  return <DueDate at={item.dueServiceStartAt} now={now} />;
}

function SafetyFlag({ item }: { item: CaseListItem }) {
  const { t } = useTranslation();
  if (!item.safetyFlag) return null;
  return (
    <Group gap={4} wrap="nowrap" c="red.9">
      <WarningIcon size={14} />
      <Text span size="sm" fw={600}>
        {t('cases.list.safetyFlag')}
      </Text>
    </Group>
  );
}

export function CaseList({ items, links, showCounselor, now = new Date() }: CaseListProps) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const date = (value: string | null) => formatDate(value, i18n.language) ?? t('cases.list.never');

  if (isPhone) {
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="case-list">
        {items.map((item) => (
          <Card key={item.id} withBorder component="li" padding="md">
            <Stack gap={6}>
              {/* The number stays whole; a long status badge moves under it instead. */}
              <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
                <Anchor component={Link} to={links.detail(item.id)} fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {item.caseNumber}
                </Anchor>
                <CaseStatusBadge status={item.status} />
              </Group>
              <Text style={{ overflowWrap: 'anywhere' }}>{item.youthDisplayName}</Text>
              <SafetyFlag item={item} />
              {showCounselor && item.primaryCounselorName ? (
                <Text size="sm" c="dimmed">
                  {t('cases.list.counselor')}: {item.primaryCounselorName}
                </Text>
              ) : null}
              <div>
                <Text size="sm" c="dimmed">
                  {t('cases.list.serviceClock')}
                </Text>
                <ServiceClock item={item} now={now} />
              </div>
              <Text size="sm" c="dimmed">
                {t('cases.list.targetEnd')}: {date(item.targetEndAt)} · {t('cases.list.lastContact')}:{' '}
                {date(item.lastContactAt)}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="case-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.list.caseNumber')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.youth')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.status')}</Table.Th>
            {showCounselor ? <Table.Th scope="col">{t('cases.list.counselor')}</Table.Th> : null}
            <Table.Th scope="col">{t('cases.list.serviceClock')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.targetEnd')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.lastContact')}</Table.Th>
            <Table.Th scope="col">{t('cases.list.safety')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={links.detail(item.id)}>
                  {item.caseNumber}
                </Anchor>
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.youthDisplayName}</Table.Td>
              <Table.Td>
                <CaseStatusBadge status={item.status} />
              </Table.Td>
              {showCounselor ? <Table.Td>{item.primaryCounselorName ?? '—'}</Table.Td> : null}
              <Table.Td>
                <ServiceClock item={item} now={now} />
              </Table.Td>
              <Table.Td>{date(item.targetEndAt)}</Table.Td>
              <Table.Td>{date(item.lastContactAt)}</Table.Td>
              <Table.Td>
                <SafetyFlag item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
