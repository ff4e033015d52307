import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

export interface ConnectedDatabase {
  url: string;
  /** The embedded server, when the app started one; null with DATABASE_URL. */
  embedded: EmbeddedPostgresHandle | null;
}

/** DATABASE_URL's server, or the app's own embedded one; migrated either way. */
export async function connectDatabase(config: AppConfig, logger: Logger): Promise<ConnectedDatabase> {
  let embedded: EmbeddedPostgresHandle | null = null;
  let url = config.database.url;
  if (!url) {
    logger.info({ dir: config.database.embeddedDir, port: config.database.embeddedPort }, 'starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dir: config.database.embeddedDir,
      port: config.database.embeddedPort,
      database: 'butietong',
      log: (message) => logger.debug({ component: 'postgres' }, message),
    });
    url = embedded.url;
  }
  try {
    const applied = await runMigrations(url, config.database.connectTimeoutMs);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  return { url, embedded };
}
