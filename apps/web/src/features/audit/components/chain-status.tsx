import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditChainStatus } from '../api/verify-audit-chain';

/** Whether the hash chain of the audit trail is intact (recomputed by the server on request). */
export function ChainStatus() {
  const { t } = useTranslation();
  const status = useAuditChainStatus();
  const recheck = (
    <Button size="xs" variant="default" loading={status.isFetching} onClick={() => void status.refetch()}>
      {t('auditConsole.chain.recheck')}
    </Button>
  );
  if (status.isPending)
    return (
      <Alert variant="light" color="gray" title={t('auditConsole.chain.title')}>
        {t('auditConsole.chain.checking')}
      </Alert>
    );
  if (status.isError)
    return (
      <Alert variant="light" color="red" title={t('auditConsole.chain.title')} role="alert">
        <Group justify="space-between">
          <Text size="sm">{t('auditConsole.chain.failed')}</Text>
          {recheck}
        </Group>
      </Alert>
    );
  // `count` is a number, so the sentence agrees with it ("1 event", "2 events"); the strings format it.
  const { ok, checked, firstBrokenSeq } = status.data;
  return (
    <Alert
      variant="light"
      color={ok ? 'green' : 'red'}
      title={ok ? t('auditConsole.chain.okTitle') : t('auditConsole.chain.brokenTitle')}
      role={ok ? 'status' : 'alert'}
      data-testid="chain-status"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm">
          {ok
            ? t('auditConsole.chain.ok', { count: checked })
            : t('auditConsole.chain.broken', { count: checked, seq: firstBrokenSeq ?? '?' })}
        </Text>
        {recheck}
      </Group>
    </Alert>
  );
}
