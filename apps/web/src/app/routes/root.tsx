import { Outlet, ScrollRestoration } from 'react-router';
import { useFocusOnNavigation } from '../use-focus-on-navigation';
import { useRouteTitle } from '../use-route-title';
import { RouteError } from './route-error';

export function Component() {
  useFocusOnNavigation();
  useRouteTitle();
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

/** Last resort, outside any layout: a page that failed before its layout could render. */
export function ErrorBoundary() {
  return <RouteError standalone />;
}
