import { BASE_URL, DEMO_PASSWORD } from './env';

/** A demo account's e-mail (API.md "Demo accounts"). */
export const demo = (name: string): string => `${name}@demo.pathways.local`;

/** A call to the app's API with a bearer token (no cookie, so no CSRF header), failing on any non-2xx answer. */
export async function api<T>(
  path: string,
  init: { token?: string; method?: 'GET' | 'POST' | 'PATCH'; body?: unknown } = {},
): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      connection: 'close',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A session token for a demo account (a session of its own, beside any the browser holds). */
export async function apiToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const { token } = await api<{ token: string }>('/auth/login', { body: { email, password } });
  return token;
}

/** The account's remembered language: the browser's next page load in any of its sessions shows it. */
export async function setAccountLocale(token: string, locale: 'en' | 'es'): Promise<void> {
  await api('/auth/me', { token, method: 'PATCH', body: { locale } });
}
