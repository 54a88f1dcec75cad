import { Anchor, Button, Card, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { LOCALES, type Locale, type NoticeListQuery, type NoticeView } from '@pathways/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { ListPagination } from '../../../components/ui/list-pagination';
import { formatPageTotal } from '../../../lib/list';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDate } from '../../../lib/format';
import { isLocale } from '../../../lib/i18n';
import { useNotices } from '../api/get-notices';
import { NoticeLetter } from './notice-letter';
import type { NoticeLinks } from './notice-links';

interface NoticesScreenProps {
  query: NoticeListQuery;
  onQueryChange: (next: NoticeListQuery) => void;
  links: NoticeLinks;
}

/** Letters to or from the organization (WIC 652.5 no-program notices, completions under WIC 827.95 ...). */
export function NoticesScreen({ query, onQueryChange, links }: NoticesScreenProps) {
  const { t, i18n } = useTranslation();
  const notices = useNotices(query);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [preview, setPreview] = useState<NoticeView | null>(null);
  const lang: Locale = query.lang ?? 'en';
  const page = notices.data;
  const date = (n: NoticeView) => formatDate(n.sentAt, i18n.language);
  const actions = (n: NoticeView) => (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        onClick={() => setPreview(n)}
        aria-label={t('notices.previewNamed', { type: t(`notices.types.${n.type}`), date: date(n) })}
      >
        {t('notices.preview')}
      </Button>
      <Anchor component={Link} to={links.print(n.id, lang, n.referralId)} size="sm">
        {t('notices.print')}
      </Anchor>
    </Group>
  );
  return (
    <>
      <PageHeader title={t('notices.title')} description={t('notices.intro')} />
      <Stack>
        <NativeSelect
          label={t('notices.letterLanguage')}
          maw={240}
          value={lang}
          data={LOCALES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (isLocale(next)) onQueryChange({ ...query, lang: next, page: 1 });
          }}
        />
        {notices.isPending ? (
          <LoadingState />
        ) : notices.isError ? (
          <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />
        ) : page && page.items.length === 0 ? (
          <EmptyState title={t('notices.emptyTitle')} description={t('notices.empty')} />
        ) : page ? (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('notices.count', { total: formatPageTotal(page, i18n.language) })}
            </Text>
            {isPhone ? (
              <Stack
                gap="sm"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                data-testid="notice-list"
              >
                {page.items.map((n) => (
                  <Card key={n.id} withBorder component="li" padding="md">
                    <Stack gap={4}>
                      <Text fw={700}>{t(`notices.types.${n.type}`)}</Text>
                      <Text size="sm">
                        {n.referenceNumber ? (
                          <Anchor component={Link} to={links.referral(n.referralId)}>
                            {n.referenceNumber}
                          </Anchor>
                        ) : null}
                        {' · '}
                        {date(n)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {n.toOrgName}
                      </Text>
                      {actions(n)}
                    </Stack>
                  </Card>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={680}>
                <Table striped verticalSpacing="sm" data-testid="notice-list">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('notices.type')}</Table.Th>
                      <Table.Th scope="col">{t('notices.reference')}</Table.Th>
                      <Table.Th scope="col">{t('notices.to')}</Table.Th>
                      <Table.Th scope="col">{t('notices.sent')}</Table.Th>
                      <Table.Th scope="col">{t('notices.letter')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((n) => (
                      <Table.Tr key={n.id}>
                        <Table.Th scope="row" fw={500}>
                          {t(`notices.types.${n.type}`)}
                        </Table.Th>
                        <Table.Td>
                          {n.referenceNumber ? (
                            <Anchor component={Link} to={links.referral(n.referralId)}>
                              {n.referenceNumber}
                            </Anchor>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>{n.toOrgName ?? '—'}</Table.Td>
                        <Table.Td>{date(n)}</Table.Td>
                        <Table.Td>{actions(n)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <ListPagination
              total={page.total}
              capped={page.totalCapped}
              pageSize={page.pageSize}
              page={query.page}
              onChange={(next) => onQueryChange({ ...query, page: next })}
            />
          </>
        ) : null}
      </Stack>
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={preview ? t(`notices.types.${preview.type}`) : ''}
        size="lg"
        fullScreen={isPhone}
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        {preview ? (
          <Stack>
            <NoticeLetter notice={preview} headingOrder={3} headingId="notice-preview-title" />
            <Group justify="flex-end">
              <Button component={Link} to={links.print(preview.id, lang, preview.referralId)}>
                {t('notices.print')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
