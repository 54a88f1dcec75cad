import 'reflect-metadata';
// Global setup runs outside jest's module mapper: resolve the workspace aliases the way tsc does.
import './register-paths';
import { PasswordService } from '../../src/auth/password.service';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { prepareDatabase } from '../../src/database/prepare-database';
import { ADMIN_URL_ENV, databaseUrl, TEMPLATE_DB, withAdmin } from './test-database';

declare global {
  var __PATHWAYS_TEST_PG__: EmbeddedDatabase | undefined;
}

/**
 * Real PostgreSQL for the integration tests: TEST_DATABASE_URL (a server where we may create databases) or an
 * embedded one under .data/test-pg. A template database is migrated and seeded once; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env[ADMIN_URL_ENV] = process.env.TEST_DATABASE_URL;
  } else {
    const pg = await startEmbeddedPostgres({
      dir: process.env.TEST_PG_DIR ?? '.data/test-pg',
      port: Number(process.env.TEST_PG_PORT ?? 54330),
      database: 'postgres',
    });
    globalThis.__PATHWAYS_TEST_PG__ = pg;
    process.env[ADMIN_URL_ENV] = pg.adminUrl;
  }
  await withAdmin(async (c) => {
    // Leftovers of an interrupted run: clones first, then the template.
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'pathways_test_%'",
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  await prepareDatabase(databaseUrl(TEMPLATE_DB), {
    seedDemo: true,
    production: false,
    hashPassword: (p) => new PasswordService().hash(p),
  });
}
