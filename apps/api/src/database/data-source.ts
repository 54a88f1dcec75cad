import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { MIGRATIONS } from '@pathways/migrations';
import { ENTITIES } from './entities';

export function dataSourceOptions(url: string, poolMax = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: {
      max: poolMax,
      // Fail fast when the database is unreachable instead of queueing requests forever.
      connectionTimeoutMillis: 3000,
      statement_timeout: 30000,
      idle_in_transaction_session_timeout: 60000,
      application_name: 'pathways-api',
    },
  };
}
