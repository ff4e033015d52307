import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signedIn, signIn, signOut } from './support';

test('an access token the server no longer accepts is renewed silently with the refresh token', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('butie.session')!);
    session.accessToken = `${session.accessToken.slice(0, -4)}AAAA`;
    localStorage.setItem('butie.session', JSON.stringify(session));
  });
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200);
  await page.reload();
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '人员账号' }).click();
  await refreshed;
  await expect(page.getByRole('cell', { name: 'city_hrss' })).toBeVisible();
});

test('a session ended elsewhere sends the user back to the login page with a message', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('butie.session')!).accessToken as string);
  const logout = await page.request.post('/api/v1/auth/logout', { headers: { authorization: `Bearer ${token}` } });
  expect(logout.status()).toBe(204);
  // The page still holds the tokens; its next call to the API learns that the session is over.
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('signout-reason')).toContainText('登录已失效');
});

test('after 28 idle minutes a warning offers 继续使用; at 30 the session ends', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'auditor', '管理部门登录');
  await expect(page).toHaveURL(/\/audit\/logins$/);
  // The signed-in frame (and its idle timer) loads as a chunk of its own after the URL changes.
  await expect(page.getByTestId('side-menu')).toBeVisible();

  await page.clock.fastForward('28:05');
  const dialog = page.getByRole('dialog', { name: '即将超时退出' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '继续使用' }).click();
  await expect(dialog).toBeHidden();

  await page.clock.fastForward('28:05');
  await expect(dialog).toBeVisible();
  await page.clock.fastForward('02:05');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('signout-reason')).toContainText('长时间未操作');
});

test('账号管理 changes the name shown at the top right', async ({ page }) => {
  await signIn(page, 'dongcheng_finance', '管理部门登录');
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-account').click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByLabel('用户姓名').fill('张立新（东城财政）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('user-name')).toHaveText('张立新（东城财政）');
});

test('账号管理 changes the email only with the current password', async ({ page }) => {
  await signedIn(page, 'dongcheng_org', '管理部门登录');
  await page.goto('/account');
  await page.getByRole('button', { name: '修改' }).click();
  const dialog = page.getByRole('dialog', { name: '修改电子邮箱' });
  await dialog.getByLabel('电子邮箱').fill('not-an-email');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('电子邮箱格式不正确')).toBeVisible();
  await expect(dialog.getByText('请输入当前密码，确认是本人操作')).toBeVisible();

  await dialog.getByLabel('电子邮箱').fill('dc.org@dongcheng.example.gov.cn');
  await dialog.getByLabel('当前密码').fill('Not#The-password1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('当前密码不正确')).toBeVisible();

  await dialog.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('my-email')).toHaveText('dc.org@dongcheng.example.gov.cn');
});

test('two tabs share one session: a refresh in one does not end the other, and signing out in one signs out both', async ({ context }) => {
  const first = await context.newPage();
  await signIn(first, 'admin', '管理部门登录');
  await expect(first).toHaveURL(/\/admin\/regions$/);
  const second = await context.newPage();
  await second.goto('/admin/staff');
  await expect(second.getByRole('cell', { name: 'city_hrss' })).toBeVisible();

  // The first tab renews the tokens (its access token no longer passes).
  await first.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('butie.session')!);
    session.accessToken = `${session.accessToken.slice(0, -4)}AAAA`;
    localStorage.setItem('butie.session', JSON.stringify(session));
  });
  const refreshed = first.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200);
  await first.reload();
  await first.getByTestId('side-menu').getByRole('menuitem', { name: '人员账号' }).click();
  await refreshed;

  // The second tab goes on with the renewed session instead of replaying the used refresh token.
  await second.getByTestId('side-menu').getByRole('menuitem', { name: '区县与虚拟单位' }).click();
  await expect(second.getByRole('cell', { name: '东城区虚拟单位' })).toBeVisible();

  await signOut(first);
  await expect(second).toHaveURL(/\/login$/);
});
