import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { EmbeddedPostgresHandle } from '../../src/database/embedded-postgres.js';

declare global {
  var __EMBEDDED_PG__: EmbeddedPostgresHandle | undefined;
  var __EMBEDDED_PG_FOLDER__: string | undefined;
}

/**
 * Once per run: a real PostgreSQL (the machine's, through DATABASE_URL, or an embedded one in a
 * temporary folder), and a template database with the migrations and the demo data. Each test
 * file then copies the template into a database of its own.
 */
// Jest runs global setup as CommonJS, outside its ESM runtime: require() is the only way in here.
/* eslint-disable @typescript-eslint/no-require-imports */
export default async function globalSetup(): Promise<void> {
  // Jest loads this file outside its ESM runtime, as CommonJS: resolve our `.js` import
  // specifiers to the TypeScript sources, and the contracts package to its source.
  resolveTypeScriptSources();
  const { startEmbeddedPostgres } = require('../../src/database/embedded-postgres.js') as typeof import('../../src/database/embedded-postgres.js');
  const { runMigrations } = require('../../src/database/migrate.js') as typeof import('../../src/database/migrate.js');
  const { createApp } = require('../../src/app.factory.js') as typeof import('../../src/app.factory.js');
  const { loadConfig } = require('../../src/config/app-config.js') as typeof import('../../src/config/app-config.js');
  const { createRootLogger } = require('../../src/common/logging/logger.js') as typeof import('../../src/common/logging/logger.js');
  const { TEST_ENV, TEST_PASSWORD, withDatabase, withRole } = require('./test-env.js') as typeof import('./test-env.js');
  const { seedDemoData } = require('../../src/database/seeds/demo-seed.js') as typeof import('../../src/database/seeds/demo-seed.js');
  const { grantAppRights } = require('../../src/database/app-role.js') as typeof import('../../src/database/app-role.js');
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'butie-test-pg-'));
    globalThis.__EMBEDDED_PG_FOLDER__ = dir;
    const port = 55000 + Math.floor(Math.random() * 4000);
    globalThis.__EMBEDDED_PG__ = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), port, database: 'postgres' });
    serverUrl = globalThis.__EMBEDDED_PG__.url;
  }
  const template = `butie_template_${process.pid}`;
  // The role the app runs as, as in production: no superuser, owns nothing. One per run (roles
  // are shared by every database of the server, and another run may be going on beside this one).
  const appRole = `butie_app_${process.pid}_${randomBytes(3).toString('hex')}`;
  const appPassword = randomBytes(18).toString('base64url');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.query(`CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${appPassword}'`);
  await admin.end();

  // The demo materials' files: a folder of this run (removed at teardown), shared with every test
  // app (TEST_ENV), so that the demo's files are there for the copies of the template too.
  const attachmentDir = await mkdtemp(path.join(os.tmpdir(), 'butie-test-attachments-'));
  process.env.BUTIE_TEST_ATTACHMENT_DIR = attachmentDir;

  const templateUrl = withDatabase(serverUrl, template);
  await runMigrations(templateUrl);
  await grantAppRights(templateUrl, appRole);
  const appUrl = withRole(templateUrl, appRole, appPassword);
  const config = loadConfig({ ...TEST_ENV, ATTACHMENT_DIR: attachmentDir, DATABASE_URL: appUrl });
  const app = await createApp({ config, logger: createRootLogger('silent'), databaseUrl: appUrl });
  await seedDemoData(app, TEST_PASSWORD);
  await app.close();

  process.env.BUTIE_TEST_SERVER_URL = serverUrl;
  process.env.BUTIE_TEST_TEMPLATE = template;
  process.env.BUTIE_TEST_APP_ROLE = appRole;
  process.env.BUTIE_TEST_APP_PASSWORD = appPassword;
}


function resolveTypeScriptSources(): void {
  const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const contracts = path.resolve(__dirname, '../../../../libs/contracts/src/index.ts');
  const original = Module._resolveFilename;
  Module._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request === '@butie/contracts') return contracts;
    try {
      return original.call(this, request, ...rest);
    } catch (error) {
      if (request.startsWith('.') && request.endsWith('.js')) return original.call(this, `${request.slice(0, -3)}.ts`, ...rest);
      throw error;
    }
  };
}
