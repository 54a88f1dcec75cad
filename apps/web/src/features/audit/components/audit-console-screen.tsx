import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { ListPagination } from '../../../components/ui/list-pagination';
import { formatPageTotal } from '../../../lib/list';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import {
  AUDIT_PAGE_SIZE,
  auditExportHref,
  toAuditQuery,
  useAuditEvents,
  type AuditFilters,
} from '../api/get-audit-events';
import { AuditEventList } from './audit-event-list';
import { AuditFiltersForm } from './audit-filters-form';
import { ChainStatus } from './chain-status';

interface AuditConsoleScreenProps {
  filters: AuditFilters;
  onFiltersChange: (next: AuditFilters) => void;
  reviewHref: string;
}

/** The AUDITOR's console: search the own organization's trail, export it, check the chain. */
export function AuditConsoleScreen({ filters, onFiltersChange, reviewHref }: AuditConsoleScreenProps) {
  const { t, i18n } = useTranslation();
  const events = useAuditEvents(toAuditQuery(filters));
  return (
    <>
      <PageHeader
        title={t('auditConsole.title')}
        description={t('auditConsole.intro')}
        actions={
          <>
            <Button component={Link} to={reviewHref} variant="default">
              {t('auditConsole.review.link')}
            </Button>
            <Button component="a" href={auditExportHref(filters)} download data-testid="audit-export">
              {t('auditConsole.export')}
            </Button>
          </>
        }
      />
      <Stack>
        <ChainStatus />
        {/* Keyed by the applied filters, so "clear" and the back button reset the inputs too. */}
        <AuditFiltersForm
          key={JSON.stringify({ ...filters, page: 0 })}
          value={filters}
          onChange={onFiltersChange}
        />
        {events.isPending ? (
          <LoadingState />
        ) : events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : events.data.items.length === 0 ? (
          <EmptyState title={t('auditConsole.emptyTitle')} description={t('auditConsole.empty')} />
        ) : (
          // The previous search's rows stay on screen while the new one loads: marked busy and dimmed until then.
          <Stack
            gap="md"
            aria-busy={events.isPlaceholderData}
            data-testid="audit-results"
            style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}
          >
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('auditConsole.count', {
                total: formatPageTotal(events.data, i18n.language),
              })}
            </Text>
            <AuditEventList events={events.data.items} caption={t('auditConsole.title')} />
            <ListPagination
              total={events.data.total}
              capped={events.data.totalCapped}
              pageSize={AUDIT_PAGE_SIZE}
              page={filters.page}
              onChange={(page) => onFiltersChange({ ...filters, page })}
            />
          </Stack>
        )}
      </Stack>
    </>
  );
}
