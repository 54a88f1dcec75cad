import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { OrganizationAdminView, RetentionReport, RetentionRunView } from '@pathways/contracts';
import { RETENTION_BOUNDS } from '@pathways/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { errorMessage } from '../../../components/ui/error-message';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useOrganization } from '../api/get-organization';
import { useRetention, useRetentionDryRun } from '../api/get-retention';
import { useRunRetention } from '../api/run-retention';
import { SettingsSectionForm, type SettingField, type SettingValue } from './settings-section-form';

/** The retention schedule, what the job would do now (dry run), running it, and its recent runs. */
export function RetentionScreen() {
  const { t } = useTranslation();
  const organization = useOrganization();
  const overview = useRetention();
  if (organization.isPending || overview.isPending) return <LoadingState />;
  if (organization.isError || overview.isError)
    return (
      <ErrorState
        error={organization.error ?? overview.error}
        onRetry={() => {
          void organization.refetch();
          void overview.refetch();
        }}
      />
    );
  const org = organization.data;
  return (
    <>
      <PageHeader
        title={t('administration.retention.title')}
        description={t('administration.retention.intro')}
      />
      <Stack gap="lg">
        <ScheduleForm key={org.version} org={org} />
        <DryRunPanel />
        <RunHistory runs={overview.data.runs} />
      </Stack>
    </>
  );
}

function ScheduleForm({ org }: { org: OrganizationAdminView }) {
  const { t } = useTranslation();
  const b = RETENTION_BOUNDS;
  const provider = org.kind === 'SERVICE_PROVIDER';
  const fields: SettingField[] = [
    ...(provider
      ? ([
          {
            key: 'closedCaseMonths',
            kind: 'number',
            label: t('administration.retention.fields.closedCaseMonths'),
            help: t('administration.retention.fields.closedCaseHelp'),
            ...b.closedCaseMonths,
            unit: t('administration.units.months'),
          },
          {
            key: 'endedReferralMonths',
            kind: 'number',
            label: t('administration.retention.fields.endedReferralMonths'),
            ...b.endedReferralMonths,
            unit: t('administration.units.months'),
          },
        ] satisfies SettingField[])
      : []),
    {
      key: 'sessionDays',
      kind: 'number',
      label: t('administration.retention.fields.sessionDays'),
      ...b.sessionDays,
      unit: t('administration.units.days'),
    },
    {
      key: 'idempotencyKeyHours',
      kind: 'number',
      label: t('administration.retention.fields.idempotencyKeyHours'),
      ...b.idempotencyKeyHours,
      unit: t('administration.units.hours'),
    },
  ];
  return (
    <SettingsSectionForm
      section="retention"
      title={t('administration.retention.scheduleTitle')}
      description={t('administration.retention.scheduleIntro')}
      fields={fields}
      values={org.retention as unknown as Record<string, SettingValue>}
      defaults={org.defaults.retention as unknown as Record<string, SettingValue>}
      version={org.version}
    />
  );
}

function ReportTable({ report, caption }: { report: RetentionReport; caption: string }) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  // Three columns, the cut-off under each kind: it fits a phone without scrolling sideways.
  return (
    <Table verticalSpacing="xs" striped>
      <caption style={{ captionSide: 'top', textAlign: 'left' }}>
        <Text size="sm" c="dimmed" component="span">
          {caption}
        </Text>
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('administration.retention.columns.kind')}</Table.Th>
          <Table.Th scope="col">{t('administration.retention.columns.action')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('administration.retention.columns.count')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.items.map((item) => (
          <Table.Tr key={item.kind}>
            <Table.Th scope="row" fw={500}>
              {t(`administration.retention.kinds.${item.kind}`)}
              <Text size="xs" c="dimmed" fw={400}>
                {t('administration.retention.olderThan', { at: formatDateTime(item.cutoff, i18n.language) })}
              </Text>
            </Table.Th>
            <Table.Td>{t(`administration.retention.actions.${item.action}`)}</Table.Td>
            <Table.Td ta="right" data-testid={`retention-count-${item.kind}`}>
              {count(item.count)}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row" fw={500}>
            {t('administration.retention.youth')}
            <Text size="xs" c="dimmed" fw={400}>
              {t('administration.retention.youthHelp')}
            </Text>
          </Table.Th>
          <Table.Td>{t('administration.retention.actions.DEIDENTIFY')}</Table.Td>
          <Table.Td ta="right">{count(report.youthDeidentified)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function DryRunPanel() {
  const { t, i18n } = useTranslation();
  const dryRun = useRetentionDryRun();
  const run = useRunRetention();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RetentionReport | null>(null);

  const onRun = async () => {
    try {
      const report = await run.mutateAsync();
      setResult(report);
      notify({ color: 'green', message: t('administration.retention.done') });
      void dryRun.refetch();
    } catch (error) {
      notify({
        color: isApiError(error, 409) ? 'orange' : 'red',
        message: isApiError(error, 409) ? t('administration.retention.busy') : errorMessage(error, t),
      });
    }
    setConfirming(false);
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="retention-dry-run">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h3" id="retention-dry-run">
              {t('administration.retention.dryRunTitle')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('administration.retention.dryRunIntro')}
            </Text>
          </div>
          <Group gap="sm">
            <Button variant="default" loading={dryRun.isFetching} onClick={() => void dryRun.refetch()}>
              {t('administration.retention.refresh')}
            </Button>
            <Button color="red" onClick={() => setConfirming(true)} disabled={!dryRun.data}>
              {t('administration.retention.run')}
            </Button>
          </Group>
        </Group>
        {dryRun.isPending ? (
          <LoadingState />
        ) : dryRun.isError ? (
          <ErrorState error={dryRun.error} onRetry={() => void dryRun.refetch()} />
        ) : (
          <ReportTable
            report={dryRun.data}
            caption={t('administration.retention.asOf', {
              at: formatDateTime(dryRun.data.asOf, i18n.language),
            })}
          />
        )}
        {result ? (
          <Alert color="green" variant="light" role="status" data-testid="retention-result">
            {t('administration.retention.result', {
              total: result.items.reduce((n, i) => n + i.count, 0) + result.youthDeidentified,
            })}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('administration.retention.auditKept')}
        </Text>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        destructive
        loading={run.isPending}
        title={t('administration.retention.confirmTitle')}
        body={t('administration.retention.confirmBody')}
        confirmLabel={t('administration.retention.run')}
        onConfirm={() => void onRun()}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}

function RunHistory({ runs }: { runs: RetentionRunView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="retention-runs">
      <Stack>
        <Title order={2} size="h3" id="retention-runs">
          {t('administration.retention.runsTitle')}
        </Title>
        {runs.length === 0 ? (
          <Text c="dimmed">{t('administration.retention.noRuns')}</Text>
        ) : (
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {runs.map((r) => (
              <li key={r.id}>
                <Group gap="xs" mb={4}>
                  <Text fw={600}>{formatDateTime(r.startedAt, i18n.language)}</Text>
                  <Badge variant="light" color={r.trigger === 'MANUAL' ? 'blue' : 'gray'}>
                    {t(`administration.retention.triggers.${r.trigger}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {r.items
                    .map(
                      (i) =>
                        `${t(`administration.retention.kinds.${i.kind}`)}: ${new Intl.NumberFormat(i18n.language).format(i.count)}`,
                    )
                    .join(' · ')}
                  {' · '}
                  {t('administration.retention.youth')}:{' '}
                  {new Intl.NumberFormat(i18n.language).format(r.youthDeidentified)}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
