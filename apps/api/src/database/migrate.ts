import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

const MIGRATION_LOCK = 7260_2026;

/**
 * Applies pending migrations before the app serves anything. One connection and an advisory lock,
 * so that replicas starting together take turns instead of racing.
 */
export async function runMigrations(url: string, connectTimeoutMs = 5000): Promise<string[]> {
  const source = new DataSource(dataSourceOptions({ url, poolSize: 1, connectTimeoutMs, statementTimeoutMs: 600_000 }));
  await source.initialize();
  try {
    await source.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await source.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await source.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await source.destroy();
  }
}
