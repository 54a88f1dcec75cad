import { Group, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ListPaginationProps {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
  /** The API stopped counting at `total` (LIST_COUNT_CAP): say that the pages hold the first matches only. */
  capped?: boolean;
}

/** Page numbers with spoken names for every control (previous, next, each page); nothing when one page fits. */
export function ListPagination({ total, pageSize, page, onChange, capped }: ListPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const pagination = (
    <Group justify="center">
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        siblings={0}
        getControlProps={(control) => ({
          'aria-label':
            control === 'previous'
              ? t('common.pagination.previous')
              : control === 'next'
                ? t('common.pagination.next')
                : control === 'first'
                  ? t('common.pagination.first')
                  : t('common.pagination.last'),
        })}
        getItemProps={(n) => ({
          'aria-label': t('common.pagination.page', { n }),
          'aria-current': n === page ? 'page' : undefined,
        })}
      />
    </Group>
  );
  if (!capped) return pagination;
  return (
    <Stack gap="xs" align="center">
      {pagination}
      <Text size="sm" c="dimmed">
        {t('common.pagination.capped', { cap: total })}
      </Text>
    </Stack>
  );
}
