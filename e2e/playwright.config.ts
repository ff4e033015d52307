import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// One throwaway data folder per run, decided once in the main process and inherited by workers.
process.env.BUTIE_E2E_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'butie-e2e-'));
const port = Number(process.env.BUTIE_E2E_PORT ?? 3100);
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
      EMBEDDED_PG_PORT: process.env.BUTIE_E2E_PG_PORT ?? '54431',
      WEB_DIST_DIR: path.resolve(import.meta.dirname, '../apps/web/dist'),
      DEMO_DATA: 'true',
      JWT_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuv',
      AUTH_RATE_LIMIT_PER_IP: '100000',
      AUTH_RATE_LIMIT_PER_ACCOUNT: '100000',
      LOG_LEVEL: 'warn',
    },
  },
});
