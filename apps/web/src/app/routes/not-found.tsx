import { Button, Group } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../paths';

/** Back where the person came from, when they came from inside the app; home always. */
export function WayBack() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The first entry of this tab's history in the app has the key "default": there is no "back" inside the app.
  const canGoBack = useLocation().key !== 'default';
  return (
    <Group gap="sm" justify="center">
      {canGoBack ? (
        <Button variant="default" onClick={() => void navigate(-1)}>
          {t('common.actions.goBack')}
        </Button>
      ) : null}
      <Button component={Link} to={paths.home}>
        {t('common.actions.goHome')}
      </Button>
    </Group>
  );
}

/** An unknown address, a record that does not exist or may not be seen (ACCESS.md: the same answer). */
export function NotFoundView() {
  const { t } = useTranslation();
  usePageTitle(t('common.errors.notFoundTitle'));
  return (
    <>
      <PageHeader title={t('common.errors.notFoundTitle')} />
      <EmptyState
        title={t('common.errors.notFoundTitle')}
        description={t('common.errors.notFound')}
        action={<WayBack />}
      />
    </>
  );
}

export { NotFoundView as Component };
