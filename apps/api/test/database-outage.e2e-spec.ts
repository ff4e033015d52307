import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';
import { createRootLogger } from '../src/common/logging/logger.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { seedDemoData } from '../src/database/seeds/demo-seed.js';
import { TEST_ENV, TEST_PASSWORD } from './support/test-env.js';
import { expectProblem } from './support/problem.js';

/**
 * The app's own PostgreSQL is stopped and started again under the running app: the process must
 * live on, answer 503 quickly meanwhile, and serve again by itself once the database is back.
 */
describe('a database restart under the running app', () => {
  let folder: string;
  let port: number;
  let database: EmbeddedPostgresHandle;
  let app: NestFastifyApplication;
  let token: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'butie-outage-'));
    port = 50000 + Math.floor(Math.random() * 4000);
    database = await startEmbeddedPostgres({ dir: path.join(folder, 'postgres'), port, database: 'butietong' });
    await runMigrations(database.url);
    const config = loadConfig({ ...TEST_ENV, DATABASE_URL: database.url, DB_CONNECT_TIMEOUT_MS: '2000' });
    app = await createApp({ config, logger: createRootLogger('silent'), databaseUrl: database.url });
    await app.getHttpAdapter().getInstance().ready();
    await seedDemoData(app, TEST_PASSWORD);
    const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: TEST_PASSWORD });
    token = login.body.accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await database?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE quickly while PostgreSQL is down, then recovers without a restart of the app', async () => {
    const http = () => request(app.getHttpServer());
    expect((await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    await database.stop();

    const started = Date.now();
    const health = await http().get('/api/health');
    expect(Date.now() - started).toBeLessThan(5000);
    const problem = expectProblem(health, 503, 'DATABASE_UNAVAILABLE');
    expect(health.headers['retry-after']).toBeDefined();
    expect(problem.detail).toContain('数据库');

    const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expectProblem(me, 503, 'DATABASE_UNAVAILABLE');
    const login = await http().post('/api/v1/auth/login').send({ username: 'admin', password: TEST_PASSWORD });
    expectProblem(login, 503, 'DATABASE_UNAVAILABLE');

    database = await startEmbeddedPostgres({ dir: path.join(folder, 'postgres'), port, database: 'butietong' });

    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await http().get('/api/health')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const again = await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(again.status).toBe(200);
    expect(again.body.username).toBe('admin');
  });
});
