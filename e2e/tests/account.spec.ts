import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, latestSandboxCode, signIn } from './support';

async function changePhone(page: Page, newPhone: string): Promise<void> {
  await page.getByRole('button', { name: '更换', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '更换手机号码' });
  await dialog.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await dialog.getByLabel('新手机号码').fill(newPhone);
  await dialog.getByTestId('send-phone-change-code').click();
  await expect(dialog.getByTestId('sandbox-sms')).toContainText('更换为本号码');
  await dialog.getByLabel('短信验证码').fill(await latestSandboxCode(dialog));
  await dialog.getByRole('button', { name: '确认更换' }).click();
  await expect(dialog).toBeHidden();
}

// Finding 4: a new phone needs the current password and the code sent to the new number.
// xicheng_hrss (139****0103): no other journey signs in by its phone, whose SMS limits this uses.
test('a user moves the account to a new phone with the password and the code sent to it, and back', async ({ page }) => {
  await signIn(page, 'xicheng_hrss', '管理部门登录');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/account');
  await expect(page.getByTestId('my-phone')).toHaveText('139****0103');

  // Nothing is sent without the right password, and the form says so next to the field.
  await page.getByRole('button', { name: '更换', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '更换手机号码' });
  await dialog.getByLabel('新手机号码').fill('13955550002');
  await dialog.getByTestId('send-phone-change-code').click();
  await expect(dialog.getByText('请输入当前密码，确认是本人操作')).toBeVisible();
  await dialog.getByLabel('当前密码').fill('Wrong#Password1');
  await dialog.getByTestId('send-phone-change-code').click();
  await expect(dialog.getByText('当前密码不正确')).toBeVisible();
  await expect(dialog.getByTestId('sandbox-sms')).toHaveCount(0);
  await dialog.getByRole('button', { name: '取消' }).click();

  await changePhone(page, '13955550002');
  await expect(page.getByText('手机号码已更换，原号码将收到变更通知短信')).toBeVisible();
  await expect(page.getByTestId('my-phone')).toHaveText('139****0002');

  // And back to the demo's number.
  await changePhone(page, '13900000103');
  await expect(page.getByTestId('my-phone')).toHaveText('139****0103');
});
