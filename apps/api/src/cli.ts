import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MOBILE_PHONE_PATTERN } from '@butie/contracts';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { createRootLogger } from './common/logging/logger.js';
import { DatabaseSetupError } from './database/app-role.js';
import { connectDatabase } from './database/connect.js';
import { AlreadyBootstrappedError, bootstrapCity } from './database/seeds/bootstrap.js';
import { LoginLockService } from './modules/accounts/auth/login-lock.service.js';
import { AuditLogsRepository } from './modules/audit/audit-logs.repository.js';

const USAGE = `usage: node apps/api/dist/cli.js bootstrap --city-code <code> --city-name <name> [--admin-phone <phone>] [--auditor-phone <phone>]
       node apps/api/dist/cli.js unlock <username>

unlock lifts the sign-in lock of an account (5 wrong passwords lock it for 15 minutes, whether or not
it exists): the way back in for the administrator and the auditor, whom nobody else may unlock.
Written to the operation log.

bootstrap sets up an empty database for real use (DEMO_DATA off): the city, an administrator "admin" and an
auditor "auditor", each with a one-time password printed here once. Uses DATABASE_URL, or the
embedded PostgreSQL like npm start (with DATABASE_URL, DATABASE_OWNER_URL migrates first). Staff sign-in asks for an SMS code when STAFF_SMS_2FA is on
(the default outside demo mode): give the phones then.`;

/** Operator commands that are not HTTP endpoints: they run before anyone can sign in. */
async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'unlock') return unlock(rest);
  if (command !== 'bootstrap') {
    console.error(USAGE);
    return command ? 1 : 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      'city-code': { type: 'string' },
      'city-name': { type: 'string' },
      'admin-phone': { type: 'string' },
      'auditor-phone': { type: 'string' },
    },
  });
  const cityCode = values['city-code'];
  const cityName = values['city-name'];
  const phones = [values['admin-phone'], values['auditor-phone']];
  if (!cityCode || !/^[a-z][a-z0-9]{1,15}$/.test(cityCode) || !cityName || phones.some((p) => p !== undefined && !MOBILE_PHONE_PATTERN.test(p))) {
    console.error(`${USAGE}\n\n--city-code: 2–16 lower-case letters or digits, starting with a letter; phones: 11-digit mobile numbers.`);
    return 1;
  }

  return withApp(async (app) => {
    const result = await bootstrapCity(app, { cityCode, cityName, adminPhone: phones[0] ?? null, auditorPhone: phones[1] ?? null });
    console.log(`\n${cityName} is set up. One-time passwords (shown only now; changed at first sign-in):`);
    for (const account of result.accounts) console.log(`  ${account.role.padEnd(8)} ${account.username.padEnd(8)} ${account.temporaryPassword}`);
    console.log('\nSign in at 管理部门登录 as admin to add the counties and the staff accounts.\n');
    return 0;
  }).catch((error: unknown) => {
    if (!(error instanceof AlreadyBootstrappedError)) throw error;
    console.error(error.message);
    return 1;
  });
}

async function unlock(args: string[]): Promise<number> {
  const [username] = args;
  if (!username || args.length !== 1) {
    console.error(USAGE);
    return 1;
  }
  return withApp(async (app) => {
    const locks = app.get(LoginLockService);
    const lockedUntil = await locks.lockedUntil(username);
    if (!lockedUntil) {
      console.log(`${username} is not locked.`);
      return 0;
    }
    await locks.clear(username);
    // No signed-in actor and no request: filed under 'cli'.
    await app.get(AuditLogsRepository).insertOperation({
      actorId: null,
      actorUsername: 'cli',
      actorRole: null,
      action: 'STAFF_UNLOCK',
      targetType: 'USERNAME',
      targetId: username.slice(0, 64),
      summary: `命令行解锁账号 ${username}（原锁定至 ${lockedUntil.toISOString()}）`,
      ip: null,
      requestId: null,
    });
    console.log(`${username} is unlocked.`);
    return 0;
  });
}

/** The app over the configured database (migrated, as at start-up), for one command, then stopped. */
async function withApp(work: (app: NestFastifyApplication) => Promise<number>): Promise<number> {
  const config = loadConfig({ ...process.env, DEMO_DATA: 'false' }, process.cwd(), { command: true });
  const logger = createRootLogger('warn');
  const database = await connectDatabase(config, logger);
  try {
    const app = await createApp({ config, logger, databaseUrl: database.url });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DatabaseSetupError ? error.message : error);
    process.exit(1);
  },
);
