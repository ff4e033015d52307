import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { DEMO_ROLES, signIn } from './support';

/** Waits until the page shows its content: its heading, and no table or list still loading. */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

test('the login page has no serious or critical axe violation', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('tab').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page, '/login');
});

for (const role of DEMO_ROLES) {
  test(`every page of ${role.roleLabel} (${role.username}) has no serious or critical axe violation`, async ({ page }) => {
    await signIn(page, role.username, role.portal);
    await expect(page).toHaveURL(new RegExp(`${role.landing}$`));
    for (const label of role.menu) {
      await page.getByTestId('side-menu').getByRole('menuitem', { name: label }).click();
      await settled(page);
      await expectNoSeriousAxeViolations(page, `${role.username} · ${label}`);
    }
    // The header's account menu, open.
    await page.getByTestId('user-menu').click();
    await expect(page.getByRole('menuitem', { name: '注销登录' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${role.username} · 账号菜单`);
  });
}

test('the administrator\'s dialogs have no serious or critical axe violation', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await page.getByRole('button', { name: '新建区县' }).click();
  await page.getByRole('dialog', { name: '新建区县' }).getByRole('button', { name: '新建' }).click();
  await expect(page.getByText('请输入区县代码')).toBeVisible();
  await expectNoSeriousAxeViolations(page, '新建区县 with its field errors');
  await page.keyboard.press('Escape');

  await page.getByTestId('side-menu').getByRole('menuitem', { name: '人员账号' }).click();
  await settled(page);
  await page.getByRole('button', { name: '新建账号' }).click();
  await page.getByRole('dialog', { name: '新建人员账号' }).getByRole('button', { name: '创建' }).click();
  await expect(page.getByText('请选择角色')).toBeVisible();
  await expectNoSeriousAxeViolations(page, '新建人员账号 with its field errors');
});

test('the log table can be scrolled and read by keyboard: it is a named, focusable region', async ({ page }) => {
  await signIn(page, 'auditor', '管理部门登录');
  await settled(page);
  const region = page.getByRole('region', { name: '登录日志' });
  await expect(region).toBeVisible();
  await region.focus();
  await expect(region).toBeFocused();
});

test('icons are not read out: every icon is hidden from screen readers or named in Chinese', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).not.toHaveURL(/\/login$/);
  for (const label of ['区县与虚拟单位', '人员账号']) {
    await page.getByTestId('side-menu').getByRole('menuitem', { name: label }).click();
    await settled(page);
    const spoken = await page.evaluate(() =>
      [...document.querySelectorAll('[role="img"][aria-label]')]
        .filter((icon) => !icon.closest('[aria-hidden="true"]'))
        .map((icon) => icon.getAttribute('aria-label'))
        .filter((name) => name && /[A-Za-z]/.test(name)),
    );
    expect(spoken, label).toEqual([]);
  }
});
