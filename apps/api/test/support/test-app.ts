import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { SessionTokens } from '@butie/contracts';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createRootLogger } from '../../src/common/logging/logger.js';
import { appUrlOf, TEST_ENV, TEST_PASSWORD, withDatabase } from './test-env.js';

export { TEST_PASSWORD };

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The app's own connection (its role: no superuser, owns nothing). */
  db: DataSource;
  /** The same database as the schema's owner (the server's superuser), for setting up what the app may not. */
  ownerUrl: string;
  /** One statement as the schema's owner: what the app's own role is not even allowed to try. */
  asOwner(sql: string, params?: unknown[]): Promise<unknown[]>;
  http: () => request.Agent;
  /** Password sign-in of a demo account; returns the session tokens. */
  login(username: string, password?: string): Promise<SessionTokens>;
  /** An Authorization header for a demo account. */
  bearer(username: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

/**
 * The real Nest application over a database of its own, copied from the migrated and seeded
 * template. `env` overrides the test configuration for what a test is about.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const serverUrl = process.env.BUTIE_TEST_SERVER_URL!;
  const database = `butie_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${process.env.BUTIE_TEST_TEMPLATE}`);
  await admin.end();

  // As the app's own role, as in production; `ownerUrl` is the server's superuser, for what the app may not do.
  const databaseUrl = appUrlOf(database);
  const ownerUrl = withDatabase(serverUrl, database);
  const config = loadConfig({ ...TEST_ENV, ...env, DATABASE_URL: databaseUrl });
  const app = await createApp({ config, logger: createRootLogger('silent'), databaseUrl });
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get<DataSource>(getDataSourceToken());
  const http = () => request.agent(app.getHttpServer());

  const login = async (username: string, password = TEST_PASSWORD): Promise<SessionTokens> => {
    const response = await http().post('/api/v1/auth/login').send({ username, password });
    if (response.status !== 200 || !response.body.accessToken) {
      throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body as SessionTokens;
  };

  return {
    app,
    config,
    db,
    ownerUrl,
    asOwner: async (sql, params = []) => {
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as unknown[];
      } finally {
        await client.end();
      }
    },
    http,
    login,
    bearer: async (username) => ({ Authorization: `Bearer ${(await login(username)).accessToken}` }),
    close: async () => {
      await app.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
