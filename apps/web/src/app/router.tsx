import { createBrowserRouter } from 'react-router';
import { meQueryOptions } from '../features/auth/api/get-me';
import { isApiError } from '../lib/api-client';
import { queryClient } from '../lib/query-client';
import { paths, signInHref } from './paths';
import { type AppRouter, handleSessionExpiry, routes } from './route-config';

export type { AppRouter };

/** The screens anyone may open: no session is asked for before showing them. */
const PUBLIC_PATHS: readonly string[] = [paths.signIn, paths.publicResources, paths.publicDashboard];

/**
 * The router, created once the session is known. React Router downloads the code of every route a URL matches as
 * soon as it starts, so a signed-out visit to `/` fetched the app shell and the home screen before the session gate
 * sent it to sign-in (QUALITY.md: ≤ 250 KB before the sign-in screen is usable). Asking for the session first (the
 * gate's loader then reuses the cached answer) sends a signed-out visit straight to sign-in with only its own code.
 */
export async function createAppRouter(): Promise<AppRouter> {
  const { pathname, search } = window.location;
  if (!PUBLIC_PATHS.includes(pathname)) {
    try {
      await queryClient.fetchQuery(meQueryOptions());
    } catch (error) {
      // Any other failure is left to the gate, which asks again and shows it.
      if (isApiError(error, 401))
        window.history.replaceState(
          null,
          '',
          signInHref({ expired: error.sessionExpired, next: pathname + search }),
        );
    }
  }
  const router = createBrowserRouter(routes);
  handleSessionExpiry(router);
  return router;
}
