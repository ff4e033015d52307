import { expect, test } from '@playwright/test';
import { portalPanel, signIn } from './support';

/**
 * A host name that is not localhost, as on an intranet (http://10.0.0.5:3000/, http://butie.ycrs/):
 * Chromium treats localhost and 127.0.0.1 as secure and forgives what would break anywhere else.
 * Chromium itself resolves the name to the app, so no DNS or /etc/hosts is involved.
 */
const HOST = 'butie.test';

test.use({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ baseURL }, use) => {
    const url = new URL(baseURL!);
    url.hostname = HOST;
    await use(url.origin);
  },
});

test('the app opened by a host name over plain HTTP loads its scripts and signs in', async ({ page }) => {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));

  await page.goto('/login');
  expect(new URL(page.url())).toMatchObject({ protocol: 'http:', hostname: HOST });
  await expect(portalPanel(page, '个人登录'), 'the login page renders: its scripts were fetched over http').toBeVisible();

  await signIn(page, 'demo_applicant', '个人登录');
  await expect(page).toHaveURL(new RegExp(`^http://${HOST.replace('.', '\\.')}:\\d+/home$`));
  await expect(page.getByTestId('user-name')).toHaveText('林雨桐');
  expect(failed, 'no request of the page failed').toEqual([]);
});
