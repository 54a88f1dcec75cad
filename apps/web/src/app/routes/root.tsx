import { Outlet, ScrollRestoration } from 'react-router';
import { useFocusOnNavigation } from '../use-focus-on-navigation';
import { RouteError } from './route-error';

export function Component() {
  useFocusOnNavigation();
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
