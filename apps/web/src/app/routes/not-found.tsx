import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../paths';

export function NotFoundView() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('common.errors.notFoundTitle')} />
      <EmptyState
        title={t('common.errors.notFoundTitle')}
        description={t('common.errors.notFound')}
        action={
          <Button component={Link} to={paths.home}>
            {t('common.actions.goHome')}
          </Button>
        }
      />
    </>
  );
}

export { NotFoundView as Component };
