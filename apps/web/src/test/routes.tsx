import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { handleSessionExpiry, routes } from '../app/route-config';
import { errorBody, mockFetch, type FakeResponse } from './render';

/** Fake API answers by `METHOD /path` (no query string). */
export type FakeApi = Record<string, (init: RequestInit, url: string) => FakeResponse>;

/**
 * The real routes (lazy modules, loaders, guards) at `path` over a fake API. A request the API map does not name
 * answers 404, or, with `emptyGets`, an empty list when it is a GET (screens around the one under test).
 */
export function startRoutes(path: string, api: FakeApi, options: { emptyGets?: boolean } = {}) {
  const fetchMock = mockFetch((url, init) => {
    const handler = api[`${init.method ?? 'GET'} ${url.split('?')[0]}`];
    if (handler) return handler(init, url);
    if (options.emptyGets && (init.method ?? 'GET') === 'GET') return { status: 200, body: [] };
    return { status: 404, body: errorBody(404, 'Not Found', 'Not found') };
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  handleSessionExpiry(router);
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  /** The URLs requested so far that start with `prefix`. */
  const calls = (prefix: string) =>
    fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith(prefix));
  return { router, fetchMock, calls };
}
