import { Button, Stack, Text } from '@mantine/core';
import { PERMISSIONS, type ReferralListQuery } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ListPagination } from '../../../../components/ui/list-pagination';
import { formatPageTotal } from '../../../../lib/list';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { PageHeader } from '../../../../components/ui/page-header';
import { useSchools } from '../../../../lib/catalog/get-schools';
import { can, useSession } from '../../../../lib/session';
import { useReferrals } from '../../api/get-referrals';
import type { ReferralLinks } from '../referral-links';
import { ReferralFilters } from './referral-filters';
import { ReferralList } from './referral-list';

interface ReferralListScreenProps {
  filters: ReferralListQuery;
  onFiltersChange: (next: ReferralListQuery) => void;
  links: ReferralLinks;
}

export function ReferralListScreen({ filters, onFiltersChange, links }: ReferralListScreenProps) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const referrals = useReferrals(filters);
  const schools = useSchools();
  const canCreate = can(me, PERMISSIONS.REFERRAL_CREATE);
  const provider = can(me, PERMISSIONS.REFERRAL_WORK);
  const page = referrals.data;
  const filtered = Boolean(
    filters.status || filters.pathway || filters.schoolId || filters.q || filters.from || filters.to,
  );
  const referAction = canCreate ? (
    <Button component={Link} to={links.newReferral}>
      {t('referrals.list.refer')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={canCreate ? t('referrals.list.titleOwn') : t('referrals.list.titleAgency')}
        description={
          canCreate
            ? t('referrals.list.introOwn')
            : provider
              ? t('referrals.list.introProvider')
              : t('referrals.list.introAgency')
        }
        actions={referAction}
      />
      <Stack>
        <ReferralFilters value={filters} schools={schools.data} onChange={onFiltersChange} />
        {referrals.isPending ? (
          <LoadingState />
        ) : referrals.isError ? (
          <ErrorState error={referrals.error} onRetry={() => void referrals.refetch()} />
        ) : page && page.items.length === 0 ? (
          <EmptyState
            title={filtered ? t('referrals.list.emptyFilteredTitle') : t('referrals.list.emptyTitle')}
            description={
              filtered
                ? t('referrals.list.emptyFiltered')
                : canCreate
                  ? t('referrals.list.empty')
                  : provider
                    ? t('referrals.list.emptyProvider')
                    : t('referrals.list.emptyAgency')
            }
            action={filtered ? undefined : referAction}
          />
        ) : page ? (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('referrals.list.count', { total: formatPageTotal(page, i18n.language) })}
            </Text>
            <ReferralList items={page.items} links={links} />
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
