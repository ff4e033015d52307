import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { SandboxSmsView } from '@butie/contracts';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Butie@2026';

export type Portal = '个人登录' | '单位登录' | '管理部门登录';

export interface DemoRole {
  username: string;
  portal: Portal;
  roleLabel: string;
  landing: string;
  /** The menu this role must see, in order (a group's children show only once it is opened). */
  menu: string[];
  /** The pages of the menu, where a group hides some (首页 lists every page). Default: the menu. */
  pages?: string[];
}

const BUSINESS_MENU = ['首页', '账号管理'];

/** Every demo role, what it must see, and (by difference) what it must not. */
export const DEMO_ROLES: DemoRole[] = [
  { username: 'admin', portal: '管理部门登录', roleLabel: '系统管理员', landing: '/admin/regions', menu: ['区县与虚拟单位', '人员账号', '政策参数', '沙箱数据', '账号管理'] },
  { username: 'auditor', portal: '管理部门登录', roleLabel: '审计员', landing: '/audit/logins', menu: ['登录日志', '操作日志', '账号管理'] },
  { username: 'city_hrss', portal: '管理部门登录', roleLabel: '市人社局', landing: '/home', menu: BUSINESS_MENU },
  { username: 'city_org', portal: '管理部门登录', roleLabel: '市组织部', landing: '/home', menu: BUSINESS_MENU },
  { username: 'city_finance', portal: '管理部门登录', roleLabel: '市财政局', landing: '/home', menu: BUSINESS_MENU },
  { username: 'dongcheng_hrss', portal: '管理部门登录', roleLabel: '县区人社局', landing: '/home', menu: ['首页', '单位注册审核', '账号管理'] },
  { username: 'xicheng_org', portal: '管理部门登录', roleLabel: '县区组织部', landing: '/home', menu: BUSINESS_MENU },
  { username: 'nanhu_finance', portal: '管理部门登录', roleLabel: '县财政局', landing: '/home', menu: BUSINESS_MENU },
  { username: 'demo_unit', portal: '单位登录', roleLabel: '单位', landing: '/home', menu: ['首页', '单位信息', '人员注册审核', '账号管理'] },
  // Returned by its county: until approved a unit follows only its own registration (nobody can register under it yet).
  { username: 'unit_dongcheng_returned', portal: '单位登录', roleLabel: '单位', landing: '/unit/profile', menu: ['单位信息', '账号管理'] },
  { username: 'demo_applicant', portal: '个人登录', roleLabel: '个人', landing: '/home', menu: ['首页', '个人信息管理', '账号管理'], pages: ['首页', '维护个人信息', '维护个人材料', '维护工作经历', '账号管理'] },
];

export const ALL_MENU_LABELS = [...new Set(DEMO_ROLES.flatMap((role) => role.menu))];

export function portalPanel(page: Page, portal: Portal) {
  return page.getByRole('tabpanel', { name: portal });
}

export async function signIn(page: Page, username: string, portal: Portal, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByRole('tab', { name: portal }).click();
  const panel = portalPanel(page, portal);
  await panel.getByLabel('用户名').fill(username);
  await panel.getByLabel('密码', { exact: true }).fill(password);
  await panel.getByRole('button', { name: '登录', exact: true }).click();
}

/**
 * Signs in and waits until the app has left the login page: a `page.goto` straight after signIn
 * can otherwise overtake the sign-in and land back on /login.
 */
export async function signedIn(page: Page, username: string, portal: Portal, password = DEMO_PASSWORD) {
  await signIn(page, username, portal, password);
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

export async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByTestId('side-menu');
  await expect(menu).toBeVisible();
  return (await menu.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
}

/**
 * Clicks a button of the open dialog once it has zoomed in: a click on 确认… while the dialog is
 * still growing under the pointer can be lost, and the test would wait for a decision never sent.
 */
export async function clickInDialog(page: Page, name: string) {
  const dialog = page.locator('.ant-modal').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(dialog).not.toHaveClass(/zoom-(appear|enter)/);
  await dialog.getByRole('button', { name, exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  // A click on an item while the dropdown is still sliding in can be lost (the popup is re-laid out
  // under the pointer): wait until it has arrived.
  await expect(page.locator('.ant-dropdown').filter({ has: page.getByRole('menuitem', { name: '注销登录' }) })).not.toHaveClass(/slide-up-(appear|enter)/);
  await page.getByRole('menuitem', { name: '注销登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/**
 * The code of the sandbox SMS the login page shows (data-testid="sandbox-sms") in `scope`: what a
 * phone would have received. The page reads it by the ticket its send returned.
 */
export async function latestSandboxCode(scope: Page | Locator): Promise<string> {
  const notice = scope.getByTestId('sandbox-sms');
  await expect(notice, 'the sandbox SMS on the page').toContainText(/\b\d{6}\b/);
  const code = (await notice.innerText()).match(/\b(\d{6})\b/)?.[1];
  expect(code, 'a 6-digit code in the sandbox SMS').toBeTruthy();
  return code!;
}

/** The sandbox SMS behind a ticket, from the outbox API (by ticket only: never by phone). */
export async function sandboxSmsByTicket(request: APIRequestContext, ticket: string): Promise<SandboxSmsView> {
  const response = await request.get(`/api/v1/sandbox/sms-outbox/${encodeURIComponent(ticket)}`);
  expect(response.status(), `the outbox answers ticket ${ticket}`).toBe(200);
  return (await response.json()) as SandboxSmsView;
}
