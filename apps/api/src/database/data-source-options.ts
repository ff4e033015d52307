import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseConnectionSettings {
  url: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

/**
 * TypeORM over pg with a small pool that gives up connecting after a few seconds and a statement
 * timeout, so that a database outage turns into quick 503s instead of requests that hang.
 */
export function dataSourceOptions(settings: DatabaseConnectionSettings): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    // No entity classes: repositories query tables by name (docs/adding-a-module.md).
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    poolSize: settings.poolSize,
    applicationName: 'butietong',
    extra: {
      connectionTimeoutMillis: settings.connectTimeoutMs,
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: settings.statementTimeoutMs * 3,
      idleTimeoutMillis: 30000,
      keepAlive: true,
    },
  };
}
