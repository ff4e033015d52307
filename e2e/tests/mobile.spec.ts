import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('on a phone the menu opens from the header and the pages fit the width', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '人员账号' }).click();
  await expect(page).toHaveURL(/\/admin\/staff$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
