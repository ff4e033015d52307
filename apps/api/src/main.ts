import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ROLE_LABELS } from '@butie/contracts';
import { createApp } from './app.factory.js';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { createRootLogger } from './common/logging/logger.js';
import { connectDatabase } from './database/connect.js';
import { DatabaseSetupError } from './database/app-role.js';
import { EmbeddedPostgresError, type EmbeddedPostgresHandle } from './database/embedded-postgres.js';
import { demoStaffAccounts, DEMO_APPLICANT, DEMO_UNIT, DEMO_UNITS } from './database/seeds/demo-data.js';
import { seedDemoData } from './database/seeds/demo-seed.js';

/**
 * Starts everything on one port: PostgreSQL (embedded unless DATABASE_URL is set), the migrations,
 * the demo data, the API and the built SPA. Ctrl-C or SIGTERM stops all of it.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const logger = createRootLogger(config.logLevel);
  let embedded: EmbeddedPostgresHandle | null = null;
  let app: NestFastifyApplication | null = null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    // Ctrl-C under npm reaches the app twice (from the terminal and forwarded by scripts/run.mjs):
    // a second signal must not cut the orderly stop short and leave PostgreSQL running.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app?.close().catch((error) => logger.error({ err: error }, 'error while closing the app'));
    await embedded?.stop().catch((error) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  // embedded-postgres installs SIGINT/SIGTERM handlers that stop its server and exit at once, racing
  // the app's own close; the app stops in order instead: HTTP first, then PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, () => void shutdown(signal));
  }

  try {
    const database = await connectDatabase(config, logger);
    embedded = database.embedded;
    const databaseUrl = database.url;
    app = await createApp({ config, logger, databaseUrl });
    if (config.sms.provider === 'sandbox' && !config.demo.enabled) {
      logger.warn('SMS sandbox outside demo mode (ALLOW_SANDBOX_OUTSIDE_DEMO=true): SMS codes of applicants and units are readable by whoever asks; test environments only');
    }
    if (config.demo.enabled && (await seedDemoData(app, config.demo.password))) logger.info('demo data created');
    await app.listen({ port: config.port, host: config.host });
    printWelcome(config, app);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError || error instanceof DatabaseSetupError) {
      console.error(`\n${error.message}\n`);
    } else {
      logger.fatal({ err: error }, 'start-up failed');
    }
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

function printWelcome(config: AppConfig, app: NestFastifyApplication): void {
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  补贴通 is running: ${url}`,
    `  API docs:          ${url}/api/docs`,
    `  Database:          ${config.database.url ? 'DATABASE_URL' : `embedded PostgreSQL, data in ${config.database.embeddedDir}`}`,
  ];
  if (config.auth.jwtSecretEphemeral) lines.push('  JWT_SECRET is not set: a random one was made, so sessions end when the app restarts.');
  if (config.demo.enabled) {
    lines.push('', `  Demo accounts (password ${config.demo.password}):`);
    const byRole = new Map<string, string[]>();
    for (const account of demoStaffAccounts()) {
      const label = `${ROLE_LABELS[account.role]}（管理部门登录）`;
      byRole.set(label, [...(byRole.get(label) ?? []), account.username]);
    }
    const approvedUnits = DEMO_UNITS.filter((unit) => unit.status === 'APPROVED').map((unit) => unit.username);
    byRole.set(`${ROLE_LABELS.UNIT}（单位登录）`, [DEMO_UNIT.account.username, `${approvedUnits[0]} … ${approvedUnits[approvedUnits.length - 1]}`, 'unit_<county>_pending / _returned']);
    byRole.set(`${ROLE_LABELS.APPLICANT}（个人登录）`, [
      `${DEMO_APPLICANT.username} (approved; or SMS login with ${DEMO_APPLICANT.phone})`,
      'demo_person_1 … demo_person_15 (every registration status)',
    ]);
    for (const [role, usernames] of byRole) lines.push(`    ${role.padEnd(16, '　')} ${usernames.join(', ')}`);
    if (config.sms.provider === 'sandbox') lines.push('', '  SMS is the sandbox: codes appear on the login page (沙箱短信); nothing leaves the machine.');
  }
  if (config.sms.provider === 'sandbox' && !config.demo.enabled) {
    lines.push('', '  ⚠ SMS SANDBOX OUTSIDE DEMO MODE (ALLOW_SANDBOX_OUTSIDE_DEMO=true): codes for applicants and units can be read', '    by whoever asks for them. For test environments only; never for real people.');
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
