import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/ui/error-message';
import type { CsvDownloadState, DownloadProgress } from '../api/download-outcome-csv';

function bytes(n: number, locale: string): string {
  const mb = n >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? n / 1_000_000 : Math.max(1, n / 1000));
}

function ProgressText({ progress }: { progress: DownloadProgress }) {
  const { t, i18n } = useTranslation();
  const loaded = bytes(progress.loaded, i18n.language);
  if (progress.total === null) return <>{t('reports.csv.progressUnknown', { loaded })}</>;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(
    progress.loaded / progress.total,
  );
  return <>{t('reports.csv.progress', { loaded, total: bytes(progress.total, i18n.language), percent })}</>;
}

export function CsvDownloadButton({ state, onStart }: { state: CsvDownloadState; onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      className="no-print"
      onClick={onStart}
      loading={state.status === 'downloading'}
      loaderProps={{ type: 'dots' }}
      data-testid="report-csv"
    >
      {t('reports.csv.download')}
    </Button>
  );
}

/** The download's progress (a bar with bytes read, and a percentage when the size is known), result or error. */
export function CsvDownloadStatus({
  state,
  onCancel,
  onRetry,
  onDismiss,
}: {
  state: CsvDownloadState;
  onCancel: () => void;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status" aria-live="polite" className="no-print">
        {state.status === 'downloading' ? (
          <Paper withBorder radius="md" p="sm" mb="md" data-testid="csv-progress">
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">
                  <ProgressText progress={state.progress} />
                </Text>
                <Button size="compact-sm" variant="subtle" onClick={onCancel}>
                  {t('reports.csv.cancel')}
                </Button>
              </Group>
              <Progress
                aria-label={t('reports.csv.progressLabel')}
                value={
                  state.progress.total === null
                    ? 100
                    : Math.min(100, Math.round((state.progress.loaded / state.progress.total) * 100))
                }
                striped={state.progress.total === null}
                animated={state.progress.total === null}
              />
            </Stack>
          </Paper>
        ) : state.status === 'done' ? (
          <Text size="sm" mb="md" c="teal.9" data-testid="csv-done">
            {t('reports.csv.saved', { filename: state.filename })}
          </Text>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <Alert
          color="red"
          variant="light"
          mb="md"
          role="alert"
          title={t('reports.csv.failed')}
          data-testid="csv-error"
          className="no-print"
          withCloseButton
          closeButtonLabel={t('common.actions.close')}
          onClose={onDismiss}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(state.error, t)}</Text>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.actions.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
    </>
  );
}
