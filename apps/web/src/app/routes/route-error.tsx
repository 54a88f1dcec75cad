import { Button, Container } from '@mantine/core';
import { isRouteErrorResponse, Link, Navigate, useLocation, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { isApiError } from '../../lib/api-client';
import { paths, signInHref } from '../paths';
import { RouteNotFoundError } from './guards';
import { NotFoundView } from './not-found';

/** Shown when a route's loader or component fails; always offers a way back. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const location = useLocation();

  if (isApiError(error, 401)) {
    return (
      <Navigate
        to={signInHref({ expired: error.sessionExpired, next: location.pathname + location.search })}
        replace
      />
    );
  }
  if (isApiError(error, 403) && error.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') {
    return <Navigate to={paths.changePassword} replace />;
  }
  const notFound =
    error instanceof RouteNotFoundError ||
    (isRouteErrorResponse(error) && error.status === 404) ||
    isApiError(error, 404);
  const content = notFound ? (
    <NotFoundView />
  ) : (
    <>
      <PageHeader title={t('common.errors.title')} />
      <ErrorState error={error} onRetry={() => window.location.reload()}>
        <Button size="xs" component={Link} to={paths.home} variant="subtle">
          {t('common.actions.goHome')}
        </Button>
      </ErrorState>
    </>
  );
  return standalone ? (
    <Container size="sm" py="xl" component="main">
      {content}
    </Container>
  ) : (
    content
  );
}

/** A pathless route wraps the pages so their errors render inside the app layout. */
export function ErrorBoundary() {
  return <RouteError />;
}
