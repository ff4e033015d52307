import { expect, test } from '@playwright/test';
import { latestSandboxCode, portalPanel } from './support';

test('an applicant signs in by SMS: 发送验证码, the code from the sandbox outbox, 登录', async ({ page }) => {
  await page.goto('/login');
  const panel = portalPanel(page, '个人登录');
  await panel.getByText('短信登录').click();
  await panel.getByLabel('手机号码').fill('13800000001');
  await panel.getByTestId('send-code').click();

  // The button counts down 60 seconds before another code can be asked for.
  await expect(panel.getByTestId('send-code')).toBeDisabled();
  await expect(panel.getByTestId('send-code')).toContainText(/\d+ 秒后重发/);

  // The demo shows what arrived on the phone; the outbox API says the same.
  await expect(panel.getByTestId('sandbox-sms')).toContainText('您的登录验证码为');
  const code = await latestSandboxCode(page.request, '13800000001');
  await expect(panel.getByTestId('sandbox-sms')).toContainText(code);

  await panel.getByPlaceholder('6 位验证码').fill(code);
  await panel.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByTestId('user-name')).toHaveText('林雨桐');
});

test('a wrong SMS code is refused with the tries left', async ({ page }) => {
  await page.goto('/login');
  const panel = portalPanel(page, '单位登录');
  await page.getByRole('tab', { name: '单位登录' }).click();
  await panel.getByText('短信登录').click();
  await panel.getByLabel('手机号码').fill('13700000001');
  await panel.getByTestId('send-code').click();
  await expect(panel.getByTestId('sandbox-sms')).toContainText('您的登录验证码为');
  const code = await latestSandboxCode(page.request, '13700000001');
  const wrong = code === '000000' ? '111111' : '000000';
  await panel.getByPlaceholder('6 位验证码').fill(wrong);
  await panel.getByRole('button', { name: '登录', exact: true }).click();
  await expect(panel.getByText('验证码错误')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});
