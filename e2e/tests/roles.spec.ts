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
