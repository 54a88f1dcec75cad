import { Stack, Text } from '@mantine/core';
import { PERMISSIONS, type CaseListQuery } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { ListPagination } from '../../../../components/ui/list-pagination';
import { formatPageTotal } from '../../../../lib/list';
import { LoadingState } from '../../../../components/ui/loading-state';
import { PageHeader } from '../../../../components/ui/page-header';
import { useStaff } from '../../../../lib/people/get-staff';
import { can, useSession } from '../../../../lib/session';
import { useCases } from '../../api/get-cases';
import type { CaseLinks } from '../case-links';
import { CaseFilters } from './case-filters';
import { CaseList } from './case-list';

interface CaseListScreenProps {
  filters: CaseListQuery;
  onFiltersChange: (next: CaseListQuery) => void;
  links: CaseLinks;
}

/** A counselor's caseload (the API returns only assigned cases) or, for a supervisor, the provider's cases. */
export function CaseListScreen({ filters, onFiltersChange, links }: CaseListScreenProps) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const supervisor = can(me, PERMISSIONS.CASE_SUPERVISE);
  const counselors = useStaff('COUNSELOR', supervisor && can(me, PERMISSIONS.USERS_READ));
  const cases = useCases(filters);
  const page = cases.data;
  const filtered = Boolean(filters.status || filters.open !== 'true' || filters.counselorId || filters.q);

  return (
    <>
      <PageHeader
        title={supervisor ? t('cases.list.titleAll') : t('cases.list.titleOwn')}
        description={supervisor ? t('cases.list.introAll') : t('cases.list.introOwn')}
      />
      <Stack>
        <CaseFilters
          value={filters}
          onChange={onFiltersChange}
          counselors={supervisor ? (counselors.data ?? []) : undefined}
        />
        {cases.isPending ? (
          <LoadingState />
        ) : cases.isError ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : page && page.items.length === 0 ? (
          <EmptyState
            title={filtered ? t('cases.list.emptyFilteredTitle') : t('cases.list.emptyTitle')}
            description={filtered ? t('cases.list.emptyFiltered') : t('cases.list.empty')}
          />
        ) : page ? (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('cases.list.count', { total: formatPageTotal(page, i18n.language) })}
            </Text>
            <CaseList items={page.items} links={links} showCounselor={supervisor} />
            <ListPagination
              total={page.total}
              capped={page.totalCapped}
              pageSize={page.pageSize}
              page={filters.page}
              onChange={(next) => onFiltersChange({ ...filters, page: next })}
            />
          </>
        ) : null}
      </Stack>
    </>
  );
}
