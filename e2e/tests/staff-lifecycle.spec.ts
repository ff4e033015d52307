import { expect, test, type Locator, type Page } from '@playwright/test';
import { menuLabels, signIn, signOut } from './support';

test('admin creates a county account; its first sign-in must replace the one-time password', async ({ page }) => {
  const username = `beishan_hrss_${Date.now().toString(36)}`;
  await signIn(page, 'admin', '管理部门登录');
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '人员账号' }).click();
  await expect(page).toHaveURL(/\/admin\/staff/);

  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建人员账号' });
  await chooseOption(page, dialog.getByLabel('角色'), '县区人社局');
  await chooseOption(page, dialog.getByLabel('所属区县'), '北山县');
  await dialog.getByLabel('登录名').fill(username);
  await dialog.getByLabel('姓名').fill('孙晓梅');
  await dialog.getByRole('button', { name: '创建' }).click();

  const temporaryPassword = (await page.getByTestId('temporary-password').innerText()).trim();
  expect(temporaryPassword).toMatch(/^.{12}$/);
  await page.getByRole('button', { name: '我已记下' }).click();
  await page.getByLabel('关键字').fill(username);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`keyword=${username}`));
  await signOut(page);

  await signIn(page, username, '管理部门登录', temporaryPassword);
  await expect(page).toHaveURL(/\/password-required$/);
  await page.getByLabel('当前密码（管理员提供）').fill(temporaryPassword);
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await expect(page.getByText('密码不能少于 8 位')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Beishan#2026x');
  await page.getByLabel('确认新密码').fill('Beishan#2026x');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/home$/);
  expect(await menuLabels(page)).toEqual(['首页', '账号管理']);
  await signOut(page);

  // The auditor finds both the creation and the sign-ins.
  await signIn(page, 'auditor', '管理部门登录');
  await expect(page.getByRole('cell', { name: username }).first()).toBeVisible();
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.getByRole('cell', { name: new RegExp(`新建县区人社局账号 ${username}`) })).toBeVisible();
});

test('admin adds a county, and it comes with its virtual unit', async ({ page }) => {
  const code = `e${Date.now().toString(36)}`.slice(0, 16);
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await expect(page.getByRole('cell', { name: '东城区虚拟单位' })).toBeVisible();
  await page.getByRole('button', { name: '新建区县' }).click();
  const dialog = page.getByRole('dialog', { name: '新建区县' });
  await dialog.getByLabel('区县代码').fill(code);
  await dialog.getByLabel('区县名称').fill('高新区');
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(page.getByRole('cell', { name: '高新区虚拟单位' })).toBeVisible();

  // The same name again is refused next to the field.
  await page.getByRole('button', { name: '新建区县' }).click();
  await dialog.getByLabel('区县代码').fill(`${code}x`.slice(0, 16));
  await dialog.getByLabel('区县名称').fill('高新区');
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog.getByText('该区县已存在')).toBeVisible();
});

/** Picks an option of an antd Select, retrying while its dropdown is still opening. */
async function chooseOption(page: Page, select: Locator, label: string) {
  const option = page.locator('.ant-select-dropdown').getByTitle(label, { exact: true });
  const chosen = select.locator('xpath=..').getByTitle(label, { exact: true }).or(select.locator('xpath=..').filter({ hasText: label }));
  await expect(async () => {
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 2_000 });
    await expect(chosen.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
