import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CaseDetail, ContactResult, ContactView } from '@pathways/contracts';
import { useState } from 'react';
import { serviceEnrollmentName } from '../../../../lib/catalog/get-service-types';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { formatDateTime } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { useCaseContacts } from '../../api/get-case-contacts';
import { useServices } from '../../api/get-services';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { SessionForm } from './session-form';
import { TabSection } from './tab-section';

/** Scheduled sessions that count for attendance: held, missed, or cancelled by the family. */
const SCHEDULED: readonly ContactResult[] = ['COMPLETED', 'NO_SHOW', 'CANCELLED_FAMILY'];

/** Sessions and other contacts with attendance, newest first, and the attendance rate so far. */
export function SessionsTab({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const contacts = useCaseContacts(detail.id);
  const services = useServices(detail.id);
  const [adding, setAdding] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const writable = detail.abilities.write && detail.status !== 'CLOSED';
  const serviceName = new Map(
    (services.data ?? []).map((s) => [s.id, serviceEnrollmentName(s, i18n.language)]),
  );
  const items = [...(contacts.data ?? [])].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const scheduled = items.filter((c) => SCHEDULED.includes(c.result));
  const attended = scheduled.filter((c) => c.result === 'COMPLETED').length;
  const service = (c: ContactView) => (c.serviceEnrollmentId ? serviceName.get(c.serviceEnrollmentId) : null);
  const when = (c: ContactView) => (
    <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt, i18n.language)}</time>
  );

  return (
    <TabSection
      id="sessions-heading"
      title={t('cases.tabs.sessions')}
      action={writable ? <Button onClick={() => setAdding(true)}>{t('cases.sessions.add')}</Button> : null}
    >
      {contacts.isPending ? (
        <LoadingState />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('cases.sessions.emptyTitle')} description={t('cases.sessions.empty')} />
      ) : (
        <>
          <Text size="sm" data-testid="attendance">
            {t('cases.sessions.attendanceSummary', { attended, scheduled: scheduled.length })}
          </Text>
          {isPhone ? (
            <Stack
              gap="sm"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              data-testid="session-list"
            >
              {items.map((c) => (
                <Card key={c.id} withBorder component="li" p="sm">
                  <Stack gap={2}>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Text fw={600}>{t(`cases.contactTypes.${c.contactType}`)}</Text>
                      <Text size="sm" fw={600}>
                        {t(`cases.results.${c.result}`)}
                      </Text>
                    </Group>
                    <Text size="sm">{when(c)}</Text>
                    <Text size="sm" c="dimmed">
                      {[
                        t(`cases.modalities.${c.modality}`),
                        c.durationMin !== null ? t('cases.sessions.minutes', { count: c.durationMin }) : null,
                        service(c),
                        c.createdByName,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="xs" data-testid="session-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('cases.contact.occurredAt')}</Table.Th>
                    <Table.Th scope="col">{t('cases.contact.contactType')}</Table.Th>
                    <Table.Th scope="col">{t('cases.contact.modality')}</Table.Th>
                    <Table.Th scope="col">{t('cases.sessions.attendance')}</Table.Th>
                    <Table.Th scope="col">{t('cases.contact.durationMin')}</Table.Th>
                    <Table.Th scope="col">{t('cases.sessions.service')}</Table.Th>
                    <Table.Th scope="col">{t('cases.contact.by')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{when(c)}</Table.Td>
                      <Table.Td>{t(`cases.contactTypes.${c.contactType}`)}</Table.Td>
                      <Table.Td>{t(`cases.modalities.${c.modality}`)}</Table.Td>
                      <Table.Td>{t(`cases.results.${c.result}`)}</Table.Td>
                      <Table.Td>{c.durationMin ?? '—'}</Table.Td>
                      <Table.Td>{service(c) ?? '—'}</Table.Td>
                      <Table.Td>{c.createdByName ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('cases.sessions.addTitle')}>
        <SessionForm
          detail={detail}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            notify({ color: 'green', message: t('cases.sessions.saved') });
          }}
        />
      </FormModal>
    </TabSection>
  );
}
