import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordService } from '../src/auth/password.service';
import { dataSourceOptions } from '../src/database/data-source';
import { prepareDatabase } from '../src/database/prepare-database';
import { databaseUrl, TEMPLATE_DB, withAdmin } from './support/test-database';

/** A throwaway database: a clone of the migrated template, or an empty one. */
async function scratch(fromTemplate: boolean): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pathways_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await withAdmin((c) =>
    c.query(`CREATE DATABASE "${name}"${fromTemplate ? ` TEMPLATE "${TEMPLATE_DB}"` : ''}`),
  );
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

const hashPassword = (p: string) => new PasswordService().hash(p);

describe('database preparation', () => {
  it('refuses to start in production when demo accounts exist', async () => {
    const db = await scratch(true);
    try {
      await expect(
        prepareDatabase(db.url, { seedDemo: false, production: true, hashPassword }),
      ).rejects.toThrow(/demo accounts exist/);
    } finally {
      await db.drop();
    }
  });

  it('refuses to seed demo accounts in production', async () => {
    const db = await scratch(false);
    try {
      await expect(
        prepareDatabase(db.url, { seedDemo: true, production: true, hashPassword }),
      ).rejects.toThrow(/Refusing to seed demo accounts/);
    } finally {
      await db.drop();
    }
  });

  it('migrates an empty database, seeds catalogs without demo data, and is idempotent', async () => {
    const db = await scratch(false);
    const ds = new DataSource(dataSourceOptions(db.url, 1));
    try {
      await prepareDatabase(db.url, { seedDemo: false, production: true, hashPassword });
      await prepareDatabase(db.url, { seedDemo: false, production: true, hashPassword });
      await ds.initialize();
      const [{ schools, users }] = await ds.query(
        'SELECT (SELECT count(*)::int FROM schools) AS schools, (SELECT count(*)::int FROM users) AS users',
      );
      expect({ schools, users }).toEqual({ schools: 79, users: 0 });
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });

  it('reverts every migration with its down and applies them again', async () => {
    const db = await scratch(false);
    const ds = new DataSource(dataSourceOptions(db.url, 1));
    try {
      await ds.initialize();
      const applied = await ds.runMigrations();
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
      const [{ tables }] = await ds.query(
        `SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toBe(0);
      expect((await ds.runMigrations()).length).toBe(applied.length);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
