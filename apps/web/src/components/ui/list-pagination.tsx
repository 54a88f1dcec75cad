import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ListPaginationProps {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}

/** Page numbers with spoken names for every control (previous, next, each page); nothing when one page fits. */
export function ListPagination({ total, pageSize, page, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
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
}
