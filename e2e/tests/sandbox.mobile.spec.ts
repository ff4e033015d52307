import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { signIn } from './support';

const overflow = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('沙箱数据 on a phone: both lists are cards that fit the width, the record form too, with no serious axe violation', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  for (const path of ['/admin/sandbox', '/admin/sandbox/degrees']) {
    await page.goto(path);
    await expect(page.getByRole('list', { name: /沙箱.*记录/ })).toBeVisible();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    expect(await overflow(page), `${path} fits 390 px`).toBeLessThanOrEqual(1);
    await expectNoSeriousAxeViolations(page, path);
  }
  await page.getByRole('button', { name: '新增记录' }).click();
  await expect(page.getByRole('dialog', { name: '新增学历记录' })).toBeVisible();
  expect(await overflow(page), 'the form fits 390 px').toBeLessThanOrEqual(1);
  await expectNoSeriousAxeViolations(page, '新增学历记录');
});
