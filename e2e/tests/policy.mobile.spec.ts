import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { signIn } from './support';

const overflow = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('政策参数 on a phone: the standards, the parameters, the history and both edit forms fit the width, with no serious axe violation', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await page.goto('/admin/policy');
  await expect(page.getByText(/当前为第 \d+ 版/)).toBeVisible();
  await expect(page.getByRole('list', { name: '修改历史' })).toBeVisible();
  expect(await overflow(page), 'the page fits 390 px').toBeLessThanOrEqual(1);
  await expectNoSeriousAxeViolations(page, '政策参数');

  await page.getByRole('button', { name: '修改补贴标准' }).click();
  await expect(page.getByLabel('第 1 段 学历')).toBeVisible();
  expect(await overflow(page), 'the standards form fits 390 px').toBeLessThanOrEqual(1);
  await expectNoSeriousAxeViolations(page, '修改补贴标准');
  await page.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '修改参数' }).click();
  await expect(page.getByLabel('公示工作日数')).toBeVisible();
  expect(await overflow(page), 'the parameters form fits 390 px').toBeLessThanOrEqual(1);
  await expectNoSeriousAxeViolations(page, '修改参数');
});
