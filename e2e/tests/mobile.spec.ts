import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { DEMO_PASSWORD, signIn } from './support';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A row for the operation log, made through the API as the administrator. */
async function createCounty(page: Page, code: string) {
  const login = await page.request.post('/api/v1/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await page.request.post('/api/v1/regions/counties', { headers: { authorization: `Bearer ${accessToken}` }, data: { code, name: `手机区${code.slice(-4)}` } });
  expect(created.status()).toBe(201);
}

async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

test('on a phone the menu opens from the header and the pages fit the width', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '人员账号' }).click();
  await expect(page).toHaveURL(/\/admin\/staff$/);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
});

test('人员账号 on a phone: each account is a card showing its name, role, county, status and actions', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
  await page.goto('/admin/staff?keyword=dongcheng_org');
  const card = page.getByRole('article', { name: '账号 dongcheng_org' });
  await expect(card).toBeVisible();
  for (const text of ['李静怡', '县区组织部 · 东城区', '启用']) await expect(card.getByText(text, { exact: true })).toBeInViewport();
  await card.getByRole('button', { name: '编辑' }).click();
  await expect(page.getByRole('dialog', { name: '编辑账号 dongcheng_org' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
});

for (const [username, path, label] of [
  ['admin', '/admin/regions', '区县列表'],
  ['admin', '/admin/staff', '人员账号列表'],
  ['auditor', '/audit/logins', '登录日志'],
  ['auditor', '/audit/operations', '操作日志'],
] as const) {
  test(`${path} on a phone is a list of cards that fits the width, with no serious axe violation`, async ({ page }) => {
    if (path === '/audit/operations') await createCounty(page, `m${Date.now().toString(36)}`);
    await signIn(page, username, '管理部门登录');
    await expect(page).not.toHaveURL(/\/login$/);
    await page.goto(path);
    await settled(page);
    await expect(page.getByRole('list', { name: label })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await expectNoSeriousAxeViolations(page, `${path} at 390 px`);
  });
}

test('首页 and 账号管理 on a phone have no serious axe violation', async ({ page }) => {
  await signIn(page, 'dongcheng_hrss', '管理部门登录');
  await settled(page);
  await expectNoSeriousAxeViolations(page, '首页 at 390 px');
  await page.goto('/account');
  await settled(page);
  await expectNoSeriousAxeViolations(page, '账号管理 at 390 px');
});

test('log dates can be chosen on a phone: one month at a time, inside the screen, earlier months reachable', async ({ page }) => {
  await signIn(page, 'auditor', '管理部门登录');
  await settled(page);
  await page.getByPlaceholder('起始日期').click();
  // One dropdown per picker, in the order the pickers were first opened.
  const panel = page.locator('.ant-picker-dropdown').nth(0);
  await expect(panel).toBeVisible();
  const box = (await panel.locator('.ant-picker-panel-container').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const monthBefore = await panel.locator('.ant-picker-header-view').innerText();
  await panel.locator('.ant-picker-header-prev-btn').click();
  await panel.locator('.ant-picker-header-prev-btn').click();
  await expect(panel.locator('.ant-picker-header-view')).not.toHaveText(monthBefore);
  await panel.locator('.ant-picker-cell-in-view').filter({ hasText: /^15$/ }).click();
  await page.getByPlaceholder('截止日期').click();
  const endPanel = page.locator('.ant-picker-dropdown').nth(1);
  await expect(endPanel).toBeVisible();
  const endBox = (await endPanel.locator('.ant-picker-panel-container').boundingBox())!;
  expect(endBox.x + endBox.width).toBeLessThanOrEqual(390);
  await endPanel.locator('.ant-picker-cell-in-view').filter({ hasText: /^20$/ }).click();
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-15&to=\d{4}-\d{2}-20/);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
});
