import type { createBrowserRouter, RouteObject } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { onUnauthorized } from '../lib/api-client';
import { suspendUnsavedChangesGuards } from '../lib/leave-guard';
import { queryClient } from '../lib/query-client';
import { paths, signInHref } from './paths';
import type { PageTitleKey, RouteHandle } from './use-route-title';

/** Every screen names itself (the browser tab, its history); route-titles.spec.ts holds every route to it. */
const title = (key: PageTitleKey): RouteHandle => ({ title: key });

/** Every screen is its own chunk, so the sign-in screen downloads only what it shows. */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    lazy: () => import('./routes/root'),
    hydrateFallbackElement: <LoadingState />,
    children: [
      { path: paths.signIn.slice(1), lazy: () => import('./routes/sign-in'), handle: title('signIn') },
      {
        path: paths.publicResources.slice(1),
        lazy: () => import('./routes/public-resources'),
        handle: title('publicResources'),
      },
      {
        path: paths.publicDashboard.slice(1),
        lazy: () => import('./routes/public-dashboard'),
        handle: title('publicDashboard'),
      },
      {
        id: 'session',
        lazy: () => import('./routes/session-gate'),
        children: [
          {
            path: paths.changePassword.slice(1),
            lazy: () => import('./routes/change-password'),
            handle: title('changePassword'),
          },
          {
            lazy: () => import('./routes/app-layout'),
            children: [
              {
                lazy: () => import('./routes/route-error'),
                children: [
                  { index: true, lazy: () => import('./routes/home'), handle: title('home') },
                  {
                    path: paths.resources.slice(1),
                    lazy: () => import('./routes/resources'),
                    handle: title('resources'),
                  },
                  {
                    path: paths.accountSecurity.slice(1),
                    lazy: () => import('./routes/account-security'),
                    handle: title('accountSecurity'),
                  },
                  {
                    path: paths.adminUsers.slice(1),
                    lazy: () => import('./routes/admin-users'),
                    handle: title('adminUsers'),
                  },
                  {
                    path: paths.adminUserNew.slice(1),
                    lazy: () => import('./routes/admin-user-new'),
                    handle: title('adminUserNew'),
                  },
                  {
                    path: paths.audit.slice(1),
                    lazy: () => import('./routes/audit'),
                    handle: title('audit'),
                  },
                  {
                    path: paths.auditReview.slice(1),
                    lazy: () => import('./routes/audit-review'),
                    handle: title('auditReview'),
                  },
                  {
                    path: paths.adminOrganization.slice(1),
                    lazy: () => import('./routes/admin-organization'),
                    handle: title('adminOrganization'),
                  },
                  {
                    path: paths.adminRetention.slice(1),
                    lazy: () => import('./routes/admin-retention'),
                    handle: title('adminRetention'),
                  },
                  {
                    path: paths.adminCatalogs.slice(1),
                    lazy: () => import('./routes/admin-catalogs'),
                    handle: title('adminCatalogs'),
                  },
                  {
                    path: 'admin/catalogs/:kind',
                    lazy: () => import('./routes/admin-catalogs'),
                    handle: title('adminCatalogs'),
                  },
                  { path: 'referrals', lazy: () => import('./routes/referrals'), handle: title('referrals') },
                  {
                    path: 'referrals/new',
                    lazy: () => import('./routes/referral-new'),
                    handle: title('referralNew'),
                  },
                  {
                    path: 'referrals/:id',
                    lazy: () => import('./routes/referral-detail'),
                    handle: title('referral'),
                  },
                  {
                    path: 'referrals/:id/edit',
                    lazy: () => import('./routes/referral-edit'),
                    handle: title('referralEdit'),
                  },
                  {
                    path: 'referrals/:id/print',
                    lazy: () => import('./routes/referral-print'),
                    handle: title('referralPrint'),
                  },
                  {
                    path: 'referrals/:id/family-sheet',
                    lazy: () => import('./routes/referral-family-sheet'),
                    handle: title('referralFamilySheet'),
                  },
                  {
                    path: 'school-contacts',
                    lazy: () => import('./routes/school-contacts'),
                    handle: title('schoolContacts'),
                  },
                  {
                    path: 'school-contacts/new',
                    lazy: () => import('./routes/school-contact-new'),
                    handle: title('schoolContactNew'),
                  },
                  {
                    path: 'community-events',
                    lazy: () => import('./routes/community-events'),
                    handle: title('communityEvents'),
                  },
                  {
                    path: 'community-events/new',
                    lazy: () => import('./routes/community-event-new'),
                    handle: title('communityEventNew'),
                  },
                  {
                    path: 'community-events/:id/edit',
                    lazy: () => import('./routes/community-event-edit'),
                    handle: title('communityEventEdit'),
                  },
                  {
                    path: paths.intake.slice(1),
                    lazy: () => import('./routes/intake'),
                    handle: title('intake'),
                  },
                  {
                    path: paths.cases.slice(1),
                    lazy: () => import('./routes/cases'),
                    handle: title('cases'),
                  },
                  { path: 'cases/:id', lazy: () => import('./routes/case-detail'), handle: title('case') },
                  {
                    path: paths.tasks.slice(1),
                    lazy: () => import('./routes/tasks'),
                    handle: title('tasks'),
                  },
                  {
                    path: paths.notices.slice(1),
                    lazy: () => import('./routes/notices'),
                    handle: title('notices'),
                  },
                  {
                    path: 'notices/:id/print',
                    lazy: () => import('./routes/notice-print'),
                    handle: title('noticePrint'),
                  },
                  {
                    path: paths.reports.slice(1),
                    lazy: () => import('./routes/reports'),
                    handle: title('reports'),
                  },
                  { path: '*', lazy: () => import('./routes/not-found'), handle: title('notFound') },
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
    // Unsaved input cannot be saved without a session: the way to sign-in is not held up by a question about it.
    suspendUnsavedChangesGuards();
    const target = signInHref({ expired: sessionExpired, next: location.pathname + location.search });
    void router.navigate(target, { replace: true }).then(() => queryClient.removeQueries());
  });
}
