import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { UnsavedChangesProvider } from '../components/ui/unsaved-changes';
import { createQueryClient } from '../lib/query-client';

/** Renders one element inside the app's providers and a memory router, with a fresh query cache. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/' }: { route?: string } = {},
): RenderResult {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  // The app's one navigation guard sits below the session gate; screens tested alone get it here.
  const router = createMemoryRouter(
    [{ path: '*', element: <UnsavedChangesProvider>{ui}</UnsavedChangesProvider> }],
    { initialEntries: [route] },
  );
  return render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

/** Replaces `fetch` for one test; the handler sees the URL and init of each call. */
export function mockFetch(handler: (url: string, init: RequestInit) => FakeResponse): jest.Mock {
  const mock = jest.fn((input: string, init: RequestInit = {}) => {
    const { status, body } = handler(input, init);
    const text = body === undefined ? '' : JSON.stringify(body);
    return Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      json: () => Promise.resolve(JSON.parse(text) as unknown),
      text: () => Promise.resolve(text),
    } as Response);
  });
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}

export function errorBody(
  statusCode: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return { statusCode, error, message, ...extra };
}
