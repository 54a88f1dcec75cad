import { Anchor, Badge, Card, Grid, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReferralListItem } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DueDate } from '../../../../components/ui/due-date';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { ListPagination } from '../../../../components/ui/list-pagination';
import { LoadingState } from '../../../../components/ui/loading-state';
import { PageHeader } from '../../../../components/ui/page-header';
import { daysSince } from '../../../../lib/clock';
import { formatDate } from '../../../../lib/format';
import {
  INTAKE_STATUSES,
  intakeQuery,
  type IntakeFilters,
  type IntakeStatus,
} from '../../api/get-intake-queue';
import { useReferrals } from '../../api/get-referrals';
import type { ReferralLinks } from '../referral-links';
import { ReferralStatusBadge } from '../referral-status-badge';
import { CaseloadPanel } from './caseload-panel';
import { PriorityBadge, WRAPPING } from './priority-badge';

interface IntakeQueueScreenProps {
  /** One state of the queue (or all of them) and the page. */
  filters: IntakeFilters;
  onFiltersChange: (next: IntakeFilters) => void;
  links: ReferralLinks;
  now?: Date;
}

/** The provider supervisor's queue: what to acknowledge, ask about and assign, soonest 20-day due date first. */
export function IntakeQueueScreen({
  filters,
  onFiltersChange,
  links,
  now = new Date(),
}: IntakeQueueScreenProps) {
  const { t } = useTranslation();
  const query = intakeQuery(filters);
  const queue = useReferrals(query);
  const page = queue.data;

  return (
    <>
      <PageHeader title={t('intake.queue.title')} description={t('intake.queue.intro')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <Stack>
            <NativeSelect
              label={t('intake.queue.show')}
              maw={320}
              value={filters.status ?? ''}
              data={[
                { value: '', label: t('intake.queue.allStates') },
                ...INTAKE_STATUSES.map((s) => ({ value: s, label: t(`referrals.statuses.${s}`) })),
              ]}
              onChange={(event) => {
                const next = event.currentTarget.value;
                const status = (INTAKE_STATUSES as readonly string[]).includes(next)
                  ? (next as IntakeStatus)
                  : null;
                onFiltersChange({ status, page: 1 });
              }}
            />
            {queue.isPending ? (
              <LoadingState />
            ) : queue.isError ? (
              <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
            ) : page && page.items.length === 0 ? (
              <EmptyState title={t('intake.queue.emptyTitle')} description={t('intake.queue.empty')} />
            ) : page ? (
              <>
                <Text size="sm" c="dimmed" role="status" aria-live="polite">
                  {t('intake.queue.count', { count: page.total })}
                </Text>
                <IntakeQueueList items={page.items} links={links} now={now} />
                <ListPagination
                  total={page.total}
                  capped={page.totalCapped}
                  pageSize={page.pageSize}
                  page={filters.page}
                  onChange={(next) => onFiltersChange({ ...filters, page: next })}
                />
              </>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <CaseloadPanel />
        </Grid.Col>
      </Grid>
    </>
  );
}

function IntakeQueueList({
  items,
  links,
  now,
}: {
  items: ReferralListItem[];
  links: ReferralLinks;
  now: Date;
}) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const age = (item: ReferralListItem) =>
    t('intake.queue.ageDays', { count: daysSince(item.receivedAt ?? item.createdAt, now) ?? 0 });
  const youth = (item: ReferralListItem) => item.youthDisplayName ?? t('referrals.list.noName');
  const override = (item: ReferralListItem) =>
    item.eligibilityDecision === 'NEEDS_OVERRIDE' ? (
      <Badge variant="light" color="orange" styles={WRAPPING}>
        {t('intake.queue.needsOverride')}
      </Badge>
    ) : null;

  if (isPhone) {
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="intake-queue">
        {items.map((item) => (
          <Card key={item.id} withBorder component="li" padding="md">
            <Stack gap={6}>
              {/* The number stays whole; a long status badge moves under it instead. */}
              <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
                <Anchor component={Link} to={links.detail(item.id)} fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {item.referenceNumber ?? item.id}
                </Anchor>
                <ReferralStatusBadge status={item.status} />
              </Group>
              <Text style={{ overflowWrap: 'anywhere' }}>{youth(item)}</Text>
              <Group gap="xs">
                <PriorityBadge priority={item.priority} />
                {override(item)}
              </Group>
              <Text size="sm" c="dimmed">
                {t('intake.queue.received')}: {formatDate(item.receivedAt, i18n.language)} · {age(item)}
              </Text>
              <div>
                <Text size="sm" c="dimmed">
                  {t('intake.queue.serviceStartDue')}
                </Text>
                <DueDate at={item.dueServiceStartAt} now={now} />
              </div>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={920}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="intake-queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('referrals.list.reference')}</Table.Th>
            <Table.Th scope="col">{t('referrals.list.youth')}</Table.Th>
            <Table.Th scope="col">{t('referrals.list.status')}</Table.Th>
            <Table.Th scope="col">{t('referrals.incident.priority')}</Table.Th>
            <Table.Th scope="col">{t('intake.queue.received')}</Table.Th>
            <Table.Th scope="col">{t('intake.queue.serviceStartDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={links.detail(item.id)}>
                  {item.referenceNumber ?? item.id}
                </Anchor>
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{youth(item)}</Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ReferralStatusBadge status={item.status} />
                  {override(item)}
                </Stack>
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={item.priority} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(item.receivedAt, i18n.language)}</Text>
                <Text size="sm" c="dimmed">
                  {age(item)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DueDate at={item.dueServiceStartAt} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
