import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { useCaseloads } from '../../api/get-caseloads';

/** Open work per counselor, lightest first, so the supervisor can balance assignments. */
export function CaseloadPanel() {
  const { t, i18n } = useTranslation();
  const caseloads = useCaseloads();
  const n = (value: number) => value.toLocaleString(i18n.language);
  const rows = [...(caseloads.data ?? [])].sort(
    (a, b) =>
      a.openReferrals + a.openCases - (b.openReferrals + b.openCases) ||
      a.displayName.localeCompare(b.displayName),
  );
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="caseloads-heading">
      <Title order={2} size="h4" id="caseloads-heading" mb="xs">
        {t('intake.caseloads.title')}
      </Title>
      {caseloads.isPending ? (
        <LoadingState />
      ) : caseloads.isError ? (
        <ErrorState error={caseloads.error} onRetry={() => void caseloads.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('intake.caseloads.empty')}</Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="caseloads">
          <Table.Caption>{t('intake.caseloads.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('intake.caseloads.counselor')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('intake.caseloads.openReferrals')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('intake.caseloads.openCases')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.counselorId}>
                <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {row.displayName}
                </Table.Th>
                <Table.Td ta="right">{n(row.openReferrals)}</Table.Td>
                <Table.Td ta="right">{n(row.openCases)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
