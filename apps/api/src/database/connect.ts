import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { DatabaseSetupError, grantAppRights, leastPrivilegeProblems, pendingMigrations, roleOf } from './app-role.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

export interface ConnectedDatabase {
  /** What the app connects as: a role that cannot erase the logs. */
  url: string;
  /** The embedded server, when the app started one; null with DATABASE_URL. */
  embedded: EmbeddedPostgresHandle | null;
}

/**
 * DATABASE_URL's server, or the app's own embedded one. The schema's owner (the embedded
 * superuser, or DATABASE_OWNER_URL) migrates and grants; the app runs as a role that owns nothing
 * and may only add to the logs, and refuses to start as anything more.
 */
export async function connectDatabase(config: AppConfig, logger: Logger): Promise<ConnectedDatabase> {
  let embedded: EmbeddedPostgresHandle | null = null;
  let url = config.database.url;
  let ownerUrl = config.database.ownerUrl;
  if (!url) {
    logger.info({ dir: config.database.embeddedDir, port: config.database.embeddedPort }, 'starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dir: config.database.embeddedDir,
      port: config.database.embeddedPort,
      database: 'butietong',
      log: (message) => logger.debug({ component: 'postgres' }, message),
    });
    url = embedded.appUrl;
    ownerUrl = embedded.url;
  }
  try {
    if (ownerUrl) {
      const applied = await runMigrations(ownerUrl, config.database.connectTimeoutMs);
      if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
      await grantAppRights(ownerUrl, await roleOf(url));
    } else {
      const pending = await pendingMigrations(url);
      if (pending.length > 0) {
        throw new DatabaseSetupError(
          `The database lacks ${pending.length} migration(s) (${pending.join(', ')}). Set DATABASE_OWNER_URL to the schema owner's ` +
            'connection beside DATABASE_URL: the app then migrates and grants its own role what it needs at start-up.',
        );
      }
    }
    const problems = await leastPrivilegeProblems(url);
    if (problems.length > 0) {
      throw new DatabaseSetupError(
        `DATABASE_URL must connect as a role that cannot erase the append-only logs, but ${problems.join('; ')}.\n` +
          'Connect as a role that is no superuser and owns no table (see README, "Running against an existing PostgreSQL"), ' +
          'and give the owner as DATABASE_OWNER_URL.',
      );
    }
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  return { url, embedded };
}
