import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import { latestSandboxCode, signIn } from './support';

/**
 * The demo runs with STAFF_SMS_2FA=false; these journeys need it on, so they get an app of their
 * own: the same build and settings as playwright.config.ts's web server, with the second factor on,
 * its own embedded PostgreSQL and ports the system chose.
 */
const test = base.extend<object, { secondFactorApp: string }>({
  secondFactorApp: [
    // Playwright reads which fixtures a fixture needs from this pattern: this one needs none.
    // eslint-disable-next-line no-empty-pattern -- the empty pattern is Playwright's way of saying so
    async ({}, use) => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'butie-e2e-mfa-'));
      const [port, postgresPort] = await Promise.all([freePort(), freePort()]);
      const app = spawn(process.execPath, ['--max-semi-space-size=32', path.resolve(import.meta.dirname, '../../apps/api/dist/main.js')], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          EMBEDDED_PG_DIR: path.join(folder, 'postgres'),
          EMBEDDED_PG_PORT: String(postgresPort),
          WEB_DIST_DIR: path.resolve(import.meta.dirname, '../../apps/web/dist'),
          DEMO_DATA: 'true',
          STAFF_SMS_2FA: 'true',
          JWT_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuv',
          AUTH_RATE_LIMIT_PER_IP: '100000',
          AUTH_RATE_LIMIT_PER_ACCOUNT: '100000',
          LOG_LEVEL: 'warn',
        },
      });
      let stderr = '';
      app.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
      const exited = new Promise((resolve) => app.once('exit', resolve));
      const url = `http://127.0.0.1:${port}`;
      try {
        await expect
          .poll(async () => {
            if (app.exitCode !== null) throw new Error(`the second-factor app stopped (exit ${app.exitCode}):\n${stderr}`);
            return fetch(`${url}/api/health`).then((response) => response.ok, () => false);
          }, { timeout: 120_000, intervals: [300] })
          .toBe(true);
        await use(url);
      } finally {
        app.kill('SIGTERM');
        await exited;
        await rm(folder, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ secondFactorApp }, use) => use(secondFactorApp),
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('the demo shows the second-factor code on the page, as SMS sign-in does', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');

  await expect(page.getByRole('heading', { name: '短信二次验证' })).toBeVisible();
  await expect(page.getByText('验证码已发送至 139****0001')).toBeVisible();
  // What arrived on the admin's phone, on the page: no API address, no full phone number needed.
  await expect(page.getByTestId('sandbox-sms')).toContainText('139****0001');
  await expect(page.getByText('/api/v1/sandbox')).toHaveCount(0);
  const code = await latestSandboxCode(page);

  await page.getByPlaceholder('6 位验证码').fill(code);
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await expect(page.getByTestId('user-name')).toHaveText('系统管理员');
});

test('with the second factor on, staff have no SMS-only sign-in', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('tab', { name: '管理部门登录' }).click();
  const panel = page.getByRole('tabpanel', { name: '管理部门登录' });
  await expect(panel.getByLabel('用户名')).toBeVisible();
  await expect(panel.getByRole('tab', { name: '短信登录' })).toHaveCount(0);
});
