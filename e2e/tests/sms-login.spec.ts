import { expect, test, type Page } from '@playwright/test';
import type { SmsSendResult } from '@butie/contracts';
import { latestSandboxCode, portalPanel, sandboxSmsByTicket } from './support';

/** The answer to the 发送验证码 the page is about to make. */
function nextSend(page: Page): Promise<SmsSendResult> {
  return page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/sms/send') && response.request().method() === 'POST').then((response) => response.json());
}

test('an applicant signs in by SMS: 发送验证码, the code the sandbox shows, 登录', async ({ page }) => {
  await page.goto('/login');
  const panel = portalPanel(page, '个人登录');
  await panel.getByRole('tab', { name: '短信登录' }).click();
  await panel.getByLabel('手机号码').fill('13800000001');
  const sent = nextSend(page);
  await panel.getByTestId('send-code').click();
  const { sandboxTicket } = await sent;
  expect(sandboxTicket, 'the sandbox gives a ticket for the message').toBeTruthy();

  // The button counts down 60 seconds before another code can be asked for.
  await expect(panel.getByTestId('send-code')).toBeDisabled();
  await expect(panel.getByTestId('send-code')).toContainText(/\d+ 秒后重发/);
  await expect(panel.getByText('验证码已发送至 138****0001')).toBeVisible();

  // The demo shows what arrived on the phone; the outbox, read by the page's ticket, says the same.
  await expect(panel.getByTestId('sandbox-sms')).toContainText('您的登录验证码为');
  const code = await latestSandboxCode(panel);
  const message = await sandboxSmsByTicket(page.request, sandboxTicket!);
  expect(message.phoneMasked).toBe('138****0001');
  expect(message.content).toContain(code);

  await panel.getByPlaceholder('6 位验证码').fill(code);
  await panel.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByTestId('user-name')).toHaveText('林雨桐');
});

test('a wrong SMS code is refused with the tries left', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('tab', { name: '单位登录' }).click();
  const panel = portalPanel(page, '单位登录');
  await panel.getByRole('tab', { name: '短信登录' }).click();
  await panel.getByLabel('手机号码').fill('13700000001');
  await panel.getByTestId('send-code').click();
  const code = await latestSandboxCode(panel);
  const wrong = code === '000000' ? '111111' : '000000';
  await panel.getByPlaceholder('6 位验证码').fill(wrong);
  await panel.getByRole('button', { name: '登录', exact: true }).click();
  await expect(panel.getByText('验证码错误')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('the form says what is missing before anything is sent, next to the field', async ({ page }) => {
  await page.goto('/login');
  const panel = portalPanel(page, '个人登录');
  await panel.getByRole('tab', { name: '短信登录' }).click();
  await panel.getByLabel('手机号码').fill('1380000');
  await panel.getByTestId('send-code').click();
  const phone = panel.getByLabel('手机号码');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toBeFocused();
  await expect(panel.getByRole('alert')).toHaveText(/手机号/);
  await expect(panel.getByTestId('send-code')).toBeEnabled();

  await panel.getByRole('button', { name: '登录', exact: true }).click();
  await expect(panel.getByLabel('验证码')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('请输入验证码')).toBeVisible();
});
