import { Button, Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { PERMISSIONS, type SchoolContactListQuery, type SchoolContactView } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { ListPagination } from '../../../components/ui/list-pagination';
import { formatPageTotal } from '../../../lib/list';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { reasonCodeLabeller, useReasonCodes } from '../../../lib/catalog/get-reason-codes';
import { formatDateTime, formatList } from '../../../lib/format';
import { can, useSession } from '../../../lib/session';
import { useSchoolContacts } from '../api/get-school-contacts';

interface SchoolContactListScreenProps {
  query: SchoolContactListQuery;
  onPageChange: (page: number) => void;
  newContactHref: string;
}

export function SchoolContactListScreen({
  query,
  onPageChange,
  newContactHref,
}: SchoolContactListScreenProps) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const contacts = useSchoolContacts(query);
  const reasonCodes = useReasonCodes();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const canCreate = can(me, PERMISSIONS.SCHOOL_CONTACT_CREATE);
  const label = reasonCodeLabeller(reasonCodes.data, i18n.language);
  const reasons = (c: SchoolContactView) => formatList(c.reasonCodes.map(label), i18n.language);
  const action = canCreate ? (
    <Button component={Link} to={newContactHref}>
      {t('schoolContacts.log')}
    </Button>
  ) : null;
  const page = contacts.data;

  return (
    <>
      <PageHeader
        title={t('schoolContacts.title')}
        description={t('schoolContacts.intro')}
        actions={action}
      />
      {contacts.isPending ? (
        <LoadingState />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : page && page.items.length === 0 ? (
        <EmptyState
          title={t('schoolContacts.emptyTitle')}
          description={t('schoolContacts.empty')}
          action={action}
        />
      ) : page ? (
        <Stack>
          <Text size="sm" c="dimmed" role="status">
            {t('schoolContacts.count', { total: formatPageTotal(page, i18n.language) })}
          </Text>
          {isPhone ? (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {page.items.map((c) => (
                <Card key={c.id} withBorder component="li" padding="md">
                  <Stack gap={4}>
                    <Text fw={700}>{formatDateTime(c.occurredAt, i18n.language)}</Text>
                    <Text style={{ overflowWrap: 'anywhere' }}>{c.schoolName}</Text>
                    <Text size="sm">{t(`schoolContacts.dispositions.${c.disposition}`)}</Text>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {reasons(c)} · {t('schoolContacts.form.ageBandOption', { band: c.ageBand })}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('schoolContacts.form.occurredAt')}</Table.Th>
                    <Table.Th scope="col">{t('schoolContacts.form.school')}</Table.Th>
                    <Table.Th scope="col">{t('schoolContacts.form.reasonCodes')}</Table.Th>
                    <Table.Th scope="col">{t('schoolContacts.form.disposition')}</Table.Th>
                    <Table.Th scope="col">{t('schoolContacts.form.ageBand')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{formatDateTime(c.occurredAt, i18n.language)}</Table.Td>
                      <Table.Td>{c.schoolName}</Table.Td>
                      <Table.Td>{reasons(c)}</Table.Td>
                      <Table.Td>{t(`schoolContacts.dispositions.${c.disposition}`)}</Table.Td>
                      <Table.Td>{c.ageBand}</Table.Td>
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
            onChange={onPageChange}
          />
        </Stack>
      ) : null}
    </>
  );
}
