import { Anchor, Button, Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CommunityEventListQuery, CommunityEventView } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { ListPagination } from '../../../components/ui/list-pagination';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDate, formatList } from '../../../lib/format';
import { useCommunityEvents } from '../api/get-community-events';

interface CommunityEventListScreenProps {
  query: CommunityEventListQuery;
  onPageChange: (page: number) => void;
  newEventHref: string;
  editHref: (id: string) => string;
}

export function CommunityEventListScreen({
  query,
  onPageChange,
  newEventHref,
  editHref,
}: CommunityEventListScreenProps) {
  const { t, i18n } = useTranslation();
  const events = useCommunityEvents(query);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const page = events.data;
  // An occurredOn date is a calendar day: format it at noon UTC so no time zone moves it to another day.
  const day = (e: CommunityEventView) => formatDate(`${e.occurredOn}T12:00:00Z`, i18n.language);
  const name = (e: CommunityEventView) => e.title ?? t(`communityEvents.types.${e.type}`);
  const action = (
    <Button component={Link} to={newEventHref}>
      {t('communityEvents.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('communityEvents.title')}
        description={t('communityEvents.intro')}
        actions={action}
      />
      {events.isPending ? (
        <LoadingState />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : page && page.items.length === 0 ? (
        <EmptyState
          title={t('communityEvents.emptyTitle')}
          description={t('communityEvents.empty')}
          action={action}
        />
      ) : page ? (
        <Stack>
          {isPhone ? (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {page.items.map((e) => (
                <Card key={e.id} withBorder component="li" padding="md">
                  <Stack gap={4}>
                    <Anchor
                      component={Link}
                      to={editHref(e.id)}
                      fw={700}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {name(e)}
                    </Anchor>
                    <Text size="sm">
                      {[
                        day(e),
                        e.schoolName,
                        t('communityEvents.participants', { count: e.participantCount }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                    {e.partners.length ? (
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {formatList(e.partners, i18n.language)}
                      </Text>
                    ) : null}
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('communityEvents.form.title')}</Table.Th>
                    <Table.Th scope="col">{t('communityEvents.form.type')}</Table.Th>
                    <Table.Th scope="col">{t('communityEvents.form.occurredOn')}</Table.Th>
                    <Table.Th scope="col">{t('communityEvents.form.school')}</Table.Th>
                    <Table.Th scope="col">{t('communityEvents.form.participantCount')}</Table.Th>
                    <Table.Th scope="col">{t('communityEvents.form.partners')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={editHref(e.id)}>
                          {name(e)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{t(`communityEvents.types.${e.type}`)}</Table.Td>
                      <Table.Td>{day(e)}</Table.Td>
                      <Table.Td>{e.schoolName}</Table.Td>
                      <Table.Td>{e.participantCount.toLocaleString(i18n.language)}</Table.Td>
                      <Table.Td>{formatList(e.partners, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <ListPagination
            total={page.total}
            pageSize={page.pageSize}
            page={query.page}
            onChange={onPageChange}
          />
        </Stack>
      ) : null}
    </>
  );
}
