import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';

test('补贴测算 on a phone: the form and the month table fit the width, with no serious axe violation', async ({ page }) => {
  await page.goto('/estimate');
  await expect(page.getByRole('heading', { level: 1, name: '补贴测算' })).toBeVisible();
  // On a phone the month panel opens instead of the keyboard: pick from it.
  await page.getByLabel('补贴起始年月').click();
  await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-inner').first().click();
  await page.getByLabel('补贴终止年月').click();
  await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-inner').nth(5).click();
  await page.getByRole('button', { name: '测算' }).click();
  await expect(page.getByTestId('estimate-result')).toContainText('6 个月');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  await expectNoSeriousAxeViolations(page, '补贴测算 (phone)');
});
