import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Ports nobody listens on now, chosen by the system: a fixed port fails the whole run when anything
 * else on the machine has it. All are held open together, so they differ from each other.
 */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

// One throwaway data folder and two ports per run (the app's, its embedded PostgreSQL's), decided
// once in the main process and inherited by the workers through the environment. Ports given in
// BUTIE_E2E_PORT / BUTIE_E2E_PG_PORT win.
process.env.BUTIE_E2E_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'butie-e2e-'));
if (!process.env.BUTIE_E2E_PORT || !process.env.BUTIE_E2E_PG_PORT) {
  const [appPort, postgresPort] = await freePorts(2);
  process.env.BUTIE_E2E_PORT ||= String(appPort);
  process.env.BUTIE_E2E_PG_PORT ||= String(postgresPort);
}
const port = Number(process.env.BUTIE_E2E_PORT);
export const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/**
 * Browser journeys by role against the built SPA served by the built API (one port), with its own
 * embedded PostgreSQL and demo data. Debian's Chromium, never a downloaded browser.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'desktop', testIgnore: /mobile\.spec\.ts/, use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 }, launchOptions: chromium } },
    { name: 'phone', testMatch: /mobile\.spec\.ts/, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, launchOptions: chromium } },
  ],
  webServer: {
    command: 'node --max-semi-space-size=32 ../apps/api/dist/main.js',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_DIR: path.join(process.env.BUTIE_E2E_DIR, 'postgres'),
      // The materials' files (the demo's and the journeys' uploads) beside the database, not in e2e/data.
      ATTACHMENT_DIR: path.join(process.env.BUTIE_E2E_DIR, 'attachments'),
      EMBEDDED_PG_PORT: process.env.BUTIE_E2E_PG_PORT,
      WEB_DIST_DIR: path.resolve(import.meta.dirname, '../apps/web/dist'),
      DEMO_DATA: 'true',
      JWT_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuv',
      AUTH_RATE_LIMIT_PER_IP: '100000',
      AUTH_RATE_LIMIT_PER_ACCOUNT: '100000',
      LOG_LEVEL: 'warn',
    },
  },
});
