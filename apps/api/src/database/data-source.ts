import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { MIGRATIONS } from '@pathways/migrations';
import { AuditCommitSubscriber } from '../audit/audit-commit.subscriber';
import { ENTITIES } from './entities';

/**
 * `statementTimeoutMs`: a request's statement is cancelled after 30 s; migrations pass 0 (none), since building an
 * index or backfilling a column over a million rows takes longer.
 */
export function dataSourceOptions(url: string, poolMax = 20, statementTimeoutMs = 30000): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [AuditCommitSubscriber],
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
      statement_timeout: statementTimeoutMs,
      idle_in_transaction_session_timeout: 60000,
      application_name: 'pathways-api',
    },
  };
}
