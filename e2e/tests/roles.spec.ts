import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ALL_MENU_LABELS, DEMO_ROLES, menuLabels, signIn, signOut } from './support';

for (const role of DEMO_ROLES) {
  test(`${role.roleLabel} (${role.username}) signs in at ${role.portal}, lands on its page and sees only its own menu`, async ({ page }) => {
    await signIn(page, role.username, role.portal);
    await expect(page).toHaveURL(new RegExp(`${role.landing}$`));
    await expect(page.getByTestId('user-role')).toContainText(role.roleLabel);

    expect(await menuLabels(page)).toEqual(role.menu);
    for (const label of ALL_MENU_LABELS.filter((l) => !role.menu.includes(l))) {
      await expect(page.getByTestId('side-menu').getByRole('menuitem', { name: label })).toHaveCount(0);
    }
    await signOut(page);
    await expect(page.getByTestId('signout-reason')).toContainText('您已安全退出');
  });
}

test('a page of another role is not shown, and its API refuses', async ({ page }) => {
  await signIn(page, 'city_hrss', '管理部门登录');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/admin/staff');
  await expect(page.getByText('页面不存在', { exact: true })).toBeVisible();
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('butie.session')!).accessToken as string);
  const response = await page.request.get('/api/v1/staff', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(403);
  expect((await response.json()).code).toBe('FORBIDDEN');
});

test('an account used at the wrong entry is told which entry to use', async ({ page }) => {
  await signIn(page, 'demo_applicant', '管理部门登录');
  await expect(page.getByTestId('login-error')).toContainText('请从「个人登录」入口登录');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password is refused without telling whether the account exists', async ({ page }) => {
  await signIn(page, 'city_org', '管理部门登录', 'Wrong@password1');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  const known = await page.getByTestId('login-error').innerText();
  await signIn(page, 'no_such_user_e2e', '管理部门登录', 'Wrong@password1');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  expect(await page.getByTestId('login-error').innerText()).toBe(known);
});

for (const role of DEMO_ROLES.filter((r) => r.landing === '/home')) {
  test(`首页 of ${role.roleLabel} names only what exists: the pages of its menu`, async ({ page }) => {
    await signIn(page, role.username, role.portal);
    await expect(page).toHaveURL(/\/home$/);
    const available = page.getByTestId('available-pages');
    // Every page named is one of the menu's.
    await expect(available.getByRole('link')).toHaveText((role.pages ?? role.menu).filter((label) => label !== '首页'));
    // No duty of a later stage (申报, 拨付…) is described before its page exists.
    await expect(page.getByTestId('welcome-card')).not.toContainText(/申报|拨付|汇总|公示|评审/);
    await available.getByRole('link', { name: '账号管理' }).click();
    await expect(page).toHaveURL(/\/account$/);
  });
}

test.describe('the auditor\'s sign-in log', () => {
  test('a failed sign-in names the account and its role; the browser is told in words, the header on hover', async ({ page }) => {
    await page.request.post('/api/v1/auth/login', { data: { username: 'city_org', password: 'Wrong#Pass1' } });
    await signIn(page, 'auditor', '管理部门登录');
    await expect(page).not.toHaveURL(/\/login$/);
    await page.getByLabel('账号').fill('city_org');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/username=city_org/);
    const failed = page.getByRole('row', { name: /失败/ }).first();
    await expect(failed.getByRole('cell', { name: '吴志强' })).toBeVisible();
    await expect(failed.getByRole('cell', { name: '市组织部' })).toBeVisible();
    await expect(failed.getByText('密码错误')).toBeVisible();
    const browser = failed.locator('.user-agent');
    await expect(browser).toHaveText(/^(Chrome|Playwright|未知浏览器).*$/);
    await browser.hover();
    await expect(page.getByRole('tooltip')).toContainText('Mozilla/5.0');
    await expect(page.getByTestId('log-total')).toHaveText(/^共 \d+ 条$/);
  });

  test('filters and the page survive a reload; a page of another search starts at page 1', async ({ page }) => {
    for (let i = 0; i < 22; i++) await page.request.post('/api/v1/auth/login', { data: { username: 'e2e_paging_probe', password: 'Wrong#Pass1' } });
    await signIn(page, 'auditor', '管理部门登录');
    await expect(page).not.toHaveURL(/\/login$/);
    await page.goto('/audit/logins?username=e2e_paging_probe&success=false');
    await expect(page.getByTestId('log-total')).toHaveText('共 22 条');
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(page.getByText('第 2 页')).toBeVisible();
    await expect(page).toHaveURL(/cursor=/);
    const firstOnPage2 = await page.getByRole('row').nth(1).getAttribute('data-row-key');

    await page.reload();
    await expect(page.getByText('第 2 页')).toBeVisible();
    await expect(page.getByLabel('账号')).toHaveValue('e2e_paging_probe');
    await expect(page.getByRole('row').nth(1)).toHaveAttribute('data-row-key', firstOnPage2!);
    await expect(page.getByRole('row')).toHaveCount(1 + 2);

    await page.goBack();
    await expect(page.getByText('第 1 页')).toBeVisible();
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).not.toHaveURL(/cursor=/);
  });

  test('exports the filtered log as an Excel file', async ({ page }) => {
    await signIn(page, 'auditor', '管理部门登录');
    await expect(page).not.toHaveURL(/\/login$/);
    await page.goto('/audit/logins?username=admin');
    const downloading = page.waitForEvent('download');
    const answered = page.waitForResponse((response) => response.url().includes('/api/v1/audit/login-events/export?username=admin'));
    await page.getByRole('button', { name: '导出 Excel' }).click();
    // The page names the saved file after the server's Content-Disposition. Playwright now and then
    // reports a blob download's name as "download" (seen only under load), so the name is read here.
    const disposition = (await answered).headers()['content-disposition'];
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1])).toMatch(/^登录日志-\d{8}-\d{4}\.xlsx$/);
    const download = await downloading;
    const bytes = await readFile(await download.path());
    // An .xlsx is a zip archive.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('a hand-edited address never shows English or 「Invalid Date」; a reversed range is refused on the date field', async ({ page }) => {
    await signIn(page, 'auditor', '管理部门登录');
    await expect(page).not.toHaveURL(/\/login$/);
    await page.goto('/audit/logins?from=garbage&success=yes');
    await expect(page.getByTestId('ignored-filters')).toHaveText('地址中的结果、起始日期无效，已忽略');
    await expect(page.locator('body')).not.toContainText('Invalid Date');
    await expect(page.locator('body')).not.toContainText('success');

    await page.goto('/audit/operations?from=2025-03-11&to=2025-03-10');
    await expect(page.getByRole('alert').filter({ hasText: '早于起始日期' })).toBeVisible();
    await expect(page.getByText('截止日期不能早于起始日期', { exact: true })).toBeVisible();
  });
});
