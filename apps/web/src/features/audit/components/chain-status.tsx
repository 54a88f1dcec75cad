import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditChainStatus } from '../api/verify-audit-chain';

/** Whether the hash chain of the audit trail is intact (recomputed by the server on request). */
export function ChainStatus() {
  const { t, i18n } = useTranslation();
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
  const { ok, checked, firstBrokenSeq } = status.data;
  const count = new Intl.NumberFormat(i18n.language).format(checked);
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
            ? t('auditConsole.chain.ok', { count })
            : t('auditConsole.chain.broken', { count, seq: firstBrokenSeq ?? '?' })}
        </Text>
        {recheck}
      </Group>
    </Alert>
  );
}
