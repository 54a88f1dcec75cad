import { Client } from 'pg';

/** Names shared by the global setup (which builds the template) and each test file (which clones it). */
export const TEMPLATE_DB = 'pathways_test_template';
export const ADMIN_URL_ENV = 'PATHWAYS_TEST_ADMIN_URL';

export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error(`${ADMIN_URL_ENV} is not set: run integration tests through jest.int.config.cjs`);
  return url;
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
