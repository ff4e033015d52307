import { expect, test, type Locator, type Page } from '@playwright/test';
import { menuLabels, signIn, signOut } from './support';

test('admin creates a county account; its first sign-in must replace the one-time password', async ({ page }) => {
  const username = `beishan_hrss_${Date.now().toString(36)}`;
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '人员账号' }).click();
  await expect(page).toHaveURL(/\/admin\/staff/);

  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建人员账号' });
  await chooseOption(page, dialog.getByLabel('角色'), '县区人社局');
  await chooseOption(page, dialog.getByLabel('所属区县'), '北山县');
  await dialog.getByLabel('登录名').fill(username);
  await dialog.getByLabel('姓名').fill('孙晓梅');
  await dialog.getByRole('button', { name: '创建' }).click();

  const temporaryPassword = (await page.getByTestId('temporary-password').getAttribute('data-password'))!;
  // Easy to read out: no 0/O, 1/l/I and the like, no symbols; shown in groups of four.
  expect(temporaryPassword).toMatch(/^[abdefhjmntACEFHJKLMNPRTUVWXY2-9]{12}$/);
  await expect(page.getByTestId('temporary-password')).toHaveText(temporaryPassword.match(/.{4}/g)!.join(' '));
  await page.getByRole('button', { name: '我已记下' }).click();
  await expect(page.getByRole('dialog', { name: '账号已创建' })).toBeHidden();
  await page.getByLabel('关键字').fill(username);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`keyword=${username}`));
  await page.reload();
  await expect(page.getByRole('cell', { name: username, exact: true })).toBeVisible();
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
  expect(await menuLabels(page)).toEqual(['首页', '单位注册审核', '账号管理']);
  await signOut(page);

  // The auditor finds both the creation and the sign-ins.
  await signIn(page, 'auditor', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
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

test('the one-time password dialog asks before it closes until the password was copied or noted', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
  await page.goto('/admin/staff?keyword=nanhu_org');
  await page.getByRole('row', { name: /nanhu_org/ }).getByRole('button', { name: '重置密码' }).click();
  await page.getByRole('dialog', { name: '重置 nanhu_org 的密码？' }).getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog', { name: '密码已重置' });
  await expect(dialog).toBeVisible();
  const password = (await dialog.getByTestId('temporary-password').getAttribute('data-password'))!;

  const ask = page.getByRole('dialog', { name: '一次性密码还没有复制' });
  // A click beside the dialog does nothing; Esc and × ask first, and 返回 keeps the password shown.
  await page.mouse.click(5, 400);
  await expect(dialog).toBeVisible();
  await expect(ask).toBeHidden();
  await dialog.getByRole('button', { name: '我已记下' }).focus();
  await page.keyboard.press('Escape');
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '返回' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '返回' }).click();
  await expect(dialog.getByTestId('temporary-password')).toBeVisible();

  // Once copied, it closes at once; the clipboard holds the password without the spaces.
  await dialog.getByRole('button', { name: '复制' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog).toBeHidden();
});

test('a locked account shows the lock and its end, and the administrator unlocks it (logged)', async ({ page }) => {
  for (let i = 0; i < 5; i++) await page.request.post('/api/v1/auth/login', { data: { username: 'xicheng_finance', password: 'Wrong#Pass1' } });
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
  await page.goto('/admin/staff?keyword=xicheng_finance');
  const row = page.getByRole('row', { name: /xicheng_finance/ });
  await expect(row.getByText(/^锁定至 (\d{2}-\d{2} )?\d{2}:\d{2}$/)).toBeVisible();
  await expect(row.getByText('启用', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: '解锁' }).click();
  await page.getByRole('dialog', { name: '解锁账号 xicheng_finance？' }).getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('已解锁')).toBeVisible();
  await expect(row.getByText(/锁定至/)).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'xicheng_finance', '管理部门登录');
  await expect(page).toHaveURL(/\/home$/);
  await signOut(page);
  await signIn(page, 'auditor', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
  await page.goto('/audit/operations?action=STAFF_UNLOCK');
  await expect(page.getByRole('cell', { name: /解锁账号 xicheng_finance/ })).toBeVisible();
});

test('submitting the empty 新建区县 and 新建人员账号 forms shows what is missing, with no error in the page', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await page.getByRole('button', { name: '新建区县' }).click();
  const county = page.getByRole('dialog', { name: '新建区县' });
  await county.getByRole('button', { name: '新建' }).click();
  await expect(county.getByText('请输入区县代码')).toBeVisible();
  await expect(county.getByText('请输入区县名称')).toBeVisible();
  // Enter in a field submits as well.
  await county.getByLabel('区县代码').press('Enter');
  await county.getByRole('button', { name: '取消' }).click();

  await page.goto('/admin/staff');
  await page.getByRole('button', { name: '新建账号' }).click();
  const staff = page.getByRole('dialog', { name: '新建人员账号' });
  await staff.getByRole('button', { name: '创建' }).click();
  await expect(staff.getByText('请选择角色')).toBeVisible();
  await expect(staff.getByText('请输入登录名')).toBeVisible();
  await page.waitForTimeout(500);
  expect(problems).toEqual([]);
});

test('with the staff SMS second factor on, the new-account form requires a phone', async ({ page }) => {
  await page.route('**/api/v1/app-info', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), staffSmsSecondFactor: true } });
  });
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
  await page.goto('/admin/staff');
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建人员账号' });
  await chooseOption(page, dialog.getByLabel('角色'), '市财政局');
  await dialog.getByLabel('登录名').fill('city_finance_2fa');
  await dialog.getByLabel('姓名').fill('钱多多');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByText('已开启短信二次验证，管理部门账号必须登记手机号码')).toBeVisible();
  await expect(dialog).toBeVisible();
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
