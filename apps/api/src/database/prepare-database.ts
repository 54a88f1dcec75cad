import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { seedBusinessDays } from './seed/seed-business-days';
import { seedCatalogs } from './seed/seed-catalogs';
import { DEMO_DOMAIN, seedDemo } from './seed/seed-demo';

export interface PrepareOptions {
  seedDemo: boolean;
  production: boolean;
  hashPassword: (p: string) => Promise<string>;
  log?: (message: string) => void;
}

/** Migrates, seeds the catalogs and, when asked, the demo data. Refuses demo accounts in production. */
export async function prepareDatabase(url: string, options: PrepareOptions): Promise<void> {
  if (options.production && options.seedDemo)
    throw new Error('Refusing to seed demo accounts with NODE_ENV=production (unset SEED_DEMO).');
  // No statement timeout: a migration over a large database may build indexes for minutes.
  const ds = new DataSource(dataSourceOptions(url, 2, 0));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    options.log?.(`migrations: ${ran.length} applied`);
    await seedCatalogs(ds);
    await seedBusinessDays(ds);
    if (options.production) {
      const demo: unknown[] = await ds.query(`SELECT 1 FROM users WHERE email LIKE $1 AND active LIMIT 1`, [
        `%@${DEMO_DOMAIN}`,
      ]);
      if (demo.length)
        throw new Error('Refusing to start with NODE_ENV=production: demo accounts exist in this database.');
    }
    if (options.seedDemo) {
      await seedDemo(ds, options.hashPassword);
      options.log?.('demo data: seeded');
    }
  } finally {
    await ds.destroy();
  }
}
