import { TEMPLATE_DB, withAdmin } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`));
  await globalThis.__PATHWAYS_TEST_PG__?.stop();
}
