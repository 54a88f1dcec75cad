import type { createBrowserRouter, RouteObject } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { onUnauthorized } from '../lib/api-client';
import { queryClient } from '../lib/query-client';
import { paths, signInHref } from './paths';

/** Every screen is its own chunk, so the sign-in screen downloads only what it shows. */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    lazy: () => import('./routes/root'),
    hydrateFallbackElement: <LoadingState />,
    children: [
      { path: paths.signIn.slice(1), lazy: () => import('./routes/sign-in') },
      { path: paths.publicResources.slice(1), lazy: () => import('./routes/public-resources') },
      { path: paths.publicDashboard.slice(1), lazy: () => import('./routes/public-dashboard') },
      {
        id: 'session',
        lazy: () => import('./routes/session-gate'),
        children: [
          { path: paths.changePassword.slice(1), lazy: () => import('./routes/change-password') },
          {
            lazy: () => import('./routes/app-layout'),
            children: [
              {
                lazy: () => import('./routes/route-error'),
                children: [
                  { index: true, lazy: () => import('./routes/home') },
                  { path: paths.resources.slice(1), lazy: () => import('./routes/resources') },
                  { path: paths.accountSecurity.slice(1), lazy: () => import('./routes/account-security') },
                  { path: paths.adminUsers.slice(1), lazy: () => import('./routes/admin-users') },
                  { path: paths.adminUserNew.slice(1), lazy: () => import('./routes/admin-user-new') },
                  { path: paths.audit.slice(1), lazy: () => import('./routes/audit') },
                  { path: paths.auditReview.slice(1), lazy: () => import('./routes/audit-review') },
                  {
                    path: paths.adminOrganization.slice(1),
                    lazy: () => import('./routes/admin-organization'),
                  },
                  { path: paths.adminRetention.slice(1), lazy: () => import('./routes/admin-retention') },
                  { path: paths.adminCatalogs.slice(1), lazy: () => import('./routes/admin-catalogs') },
                  { path: 'admin/catalogs/:kind', lazy: () => import('./routes/admin-catalogs') },
                  { path: 'referrals', lazy: () => import('./routes/referrals') },
                  { path: 'referrals/new', lazy: () => import('./routes/referral-new') },
                  { path: 'referrals/:id', lazy: () => import('./routes/referral-detail') },
                  { path: 'referrals/:id/edit', lazy: () => import('./routes/referral-edit') },
                  { path: 'referrals/:id/print', lazy: () => import('./routes/referral-print') },
                  {
                    path: 'referrals/:id/family-sheet',
                    lazy: () => import('./routes/referral-family-sheet'),
                  },
                  { path: 'school-contacts', lazy: () => import('./routes/school-contacts') },
                  { path: 'school-contacts/new', lazy: () => import('./routes/school-contact-new') },
                  { path: 'community-events', lazy: () => import('./routes/community-events') },
                  { path: 'community-events/new', lazy: () => import('./routes/community-event-new') },
                  { path: 'community-events/:id/edit', lazy: () => import('./routes/community-event-edit') },
                  { path: paths.intake.slice(1), lazy: () => import('./routes/intake') },
                  { path: paths.cases.slice(1), lazy: () => import('./routes/cases') },
                  { path: 'cases/:id', lazy: () => import('./routes/case-detail') },
                  { path: paths.tasks.slice(1), lazy: () => import('./routes/tasks') },
                  { path: paths.notices.slice(1), lazy: () => import('./routes/notices') },
                  { path: 'notices/:id/print', lazy: () => import('./routes/notice-print') },
                  { path: paths.reports.slice(1), lazy: () => import('./routes/reports') },
                  { path: '*', lazy: () => import('./routes/not-found') },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * A 401 on any call but login means the server ended the session (idle or absolute timeout, revoked):
 * go to sign-in, then drop every cached record of the previous session.
 */
export function handleSessionExpiry(router: AppRouter): void {
  onUnauthorized(({ sessionExpired }) => {
    const { location } = router.state;
    if (location.pathname === paths.signIn) return;
    const target = signInHref({ expired: sessionExpired, next: location.pathname + location.search });
    void router.navigate(target, { replace: true }).then(() => queryClient.removeQueries());
  });
}
