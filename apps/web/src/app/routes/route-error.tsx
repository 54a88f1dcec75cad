import { Container } from '@mantine/core';
import { isRouteErrorResponse, Navigate, useLocation, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/page-title';
import { paths, signInHref } from '../paths';
import { RouteNotFoundError } from './guards';
import { NotFoundView, WayBack } from './not-found';

/** Shown when a route's loader or component fails; always offers a way back. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
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
  return notFound ? (
    <Frame standalone={standalone}>
      <NotFoundView />
    </Frame>
  ) : (
    <Frame standalone={standalone}>
      <FailureView error={error} />
    </Frame>
  );
}

function Frame({ standalone, children }: { standalone: boolean; children: ReactNode }) {
  return standalone ? (
    <Container size="sm" py="xl" component="main" id="main-content" tabIndex={-1}>
      {children}
    </Container>
  ) : (
    children
  );
}

/** Any other failure: what went wrong in words, try again, or leave for a page that works. */
function FailureView({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('common.errors.title'));
  return (
    <>
      <PageHeader title={t('common.errors.title')} />
      <ErrorState error={error} onRetry={() => window.location.reload()}>
        <WayBack />
      </ErrorState>
    </>
  );
}

/** A pathless route wraps the pages so their errors render inside the app layout. */
export function ErrorBoundary() {
  return <RouteError />;
}
