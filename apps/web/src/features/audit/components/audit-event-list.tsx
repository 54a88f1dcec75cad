import { Badge, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditEventView } from '@pathways/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

const OUTCOME_COLOR = { SUCCESS: 'green', DENIED: 'orange', ERROR: 'red' } as const;

export function entityTypeLabel(t: TFunction, type: string): string {
  return t(`auditConsole.entityTypes.${type}` as 'auditConsole.entityTypes.user', { defaultValue: type });
}

/** A short id for reading; the whole id is in the title and the export. */
const shortId = (id: string | null) => (id ? id.slice(0, 8) : '—');

function actorText(t: TFunction, e: AuditEventView): string {
  if (!e.actorId) return t('auditConsole.system');
  const role = e.actorRole ? t(`common.roles.${e.actorRole}`) : '';
  return [e.actorName ?? shortId(e.actorId), role].filter(Boolean).join(' · ');
}

/** Audit events: a table on wide screens, cards on a phone. Ids and field names only, as stored. */
export function AuditEventList({ events, caption }: { events: AuditEventView[]; caption?: string }) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const when = (e: AuditEventView) => formatDateTime(e.at, i18n.language) ?? e.at;
  const outcome = (e: AuditEventView) => (
    <Badge variant="light" color={OUTCOME_COLOR[e.outcome]} style={{ minWidth: 'max-content' }}>
      {t(`auditConsole.outcomes.${e.outcome}`)}
    </Badge>
  );

  if (isPhone)
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={caption}>
        {events.map((e) => (
          <Card key={e.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{t(`auditConsole.actions.${e.action}`)}</Text>
              {outcome(e)}
            </Group>
            <Text size="sm">{when(e)}</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {actorText(t, e)}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {entityTypeLabel(t, e.entityType)}{' '}
              {e.entityId ? <Code title={e.entityId}>{shortId(e.entityId)}</Code> : null}
            </Text>
            {e.changedFields.length ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {e.changedFields.join(', ')}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
    );

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs" fz="sm">
        {caption ? (
          <caption
            style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
          >
            {caption}
          </caption>
        ) : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('auditConsole.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('auditConsole.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('auditConsole.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('auditConsole.columns.record')}</Table.Th>
            <Table.Th scope="col">{t('auditConsole.columns.outcome')}</Table.Th>
            <Table.Th scope="col">{t('auditConsole.columns.fields')}</Table.Th>
            <Table.Th scope="col">{t('auditConsole.columns.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="audit-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e)}</Table.Td>
              <Table.Td>{actorText(t, e)}</Table.Td>
              <Table.Td>{t(`auditConsole.actions.${e.action}`)}</Table.Td>
              <Table.Td>
                {entityTypeLabel(t, e.entityType)}{' '}
                {e.entityId ? <Code title={e.entityId}>{shortId(e.entityId)}</Code> : null}
              </Table.Td>
              <Table.Td>{outcome(e)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.changedFields.join(', ')}</Table.Td>
              <Table.Td>{e.ip ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
