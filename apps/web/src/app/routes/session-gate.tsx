import { Outlet, redirect, type LoaderFunctionArgs } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state';
import { UnsavedChangesProvider } from '../../components/ui/unsaved-changes';
import { meQueryOptions, useMe } from '../../features/auth/api/get-me';
import { isApiError } from '../../lib/api-client';
import { i18n } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { SessionProvider } from '../../lib/session';
import { loadWorkspaceTranslations } from '../../lib/workspace-i18n';
import { SessionExpiryWarning } from '../layout/session-expiry-warning';
import { paths, signInHref } from '../paths';

let localeAppliedFor: string | null = null;

/** Every signed-in route sits below this one: no session, no screen. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  let me;
  try {
    // The strings every signed-in screen shares load alongside the session.
    [me] = await Promise.all([queryClient.ensureQueryData(meQueryOptions()), loadWorkspaceTranslations()]);
  } catch (error) {
    if (isApiError(error, 401)) {
      return redirect(signInHref({ expired: error.sessionExpired, next: url.pathname + url.search }));
    }
    throw error;
  }
  if (me.mustChangePassword && url.pathname !== paths.changePassword) return redirect(paths.changePassword);
  // The organization requires two-step verification: nothing else until it is set up (the API refuses it too).
  if (!me.mustChangePassword && me.mfaSetupRequired && url.pathname !== paths.accountSecurity)
    return redirect(paths.accountSecurity);
  // The account's language wins once per session; later switches are the person's own choice.
  if (localeAppliedFor !== me.id) {
    localeAppliedFor = me.id;
    if (i18n.language !== me.locale) await i18n.changeLanguage(me.locale);
  }
  return null;
}

export function Component() {
  const { data: me } = useMe();
  if (!me) return <LoadingState />;
  return (
    <SessionProvider me={me}>
      {/* One guard for unsaved input on every signed-in screen, and one warning before the session ends. */}
      <UnsavedChangesProvider>
        <Outlet />
        <SessionExpiryWarning />
      </UnsavedChangesProvider>
    </SessionProvider>
  );
}
