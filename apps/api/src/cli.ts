import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { PasswordService } from './auth/password.service';
import { loadEnv } from './config/env';
import { resolveDatabase } from './database/database-url';
import { prepareDatabase } from './database/prepare-database';

/** Database commands: `migrate` (migrations + seeds) and `reset` (drop everything, then migrate). */
async function main(command: string | undefined): Promise<void> {
  const logger = new Logger('db');
  const env = loadEnv();
  if (command !== 'migrate' && command !== 'reset') throw new Error('usage: cli.js migrate|reset');
  const { url, embedded } = await resolveDatabase(env, (m) => logger.log(m));
  try {
    if (command === 'reset') {
      if (env.NODE_ENV === 'production') throw new Error('db:reset is refused with NODE_ENV=production');
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await client.end();
      logger.log('schema dropped');
    }
    await prepareDatabase(url, {
      seedDemo: env.SEED_DEMO,
      production: env.NODE_ENV === 'production',
      hashPassword: (p) => new PasswordService().hash(p),
      log: (m) => logger.log(m),
    });
  } finally {
    await embedded?.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  new Logger('db').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
