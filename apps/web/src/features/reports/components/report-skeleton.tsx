import { Paper, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The report's shape while it loads: headline cards, then sections of a chart and a table. */
export function ReportSkeleton({ cards = 6, sections = 3 }: { cards?: number; sections?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="status" aria-live="polite" aria-busy="true" data-testid="report-skeleton">
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {t('reports.loading')}
      </span>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          <Paper key={i} withBorder radius="md" p="md">
            <Skeleton height={12} width="70%" mb="sm" />
            <Skeleton height={28} width="50%" />
          </Paper>
        ))}
      </SimpleGrid>
      {Array.from({ length: sections }, (_, i) => (
        <Paper key={i} withBorder radius="md" p="md" aria-hidden="true">
          <Skeleton height={18} width="30%" mb="md" />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Skeleton height={200} />
            <Stack gap="xs">
              {Array.from({ length: 6 }, (__, row) => (
                <Skeleton key={row} height={16} />
              ))}
            </Stack>
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
