import { expect, test, type Locator } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';

const typeMonth = async (field: Locator, month: string) => {
  await field.click();
  await field.fill(month);
  await field.press('Tab');
  await expect(field).toHaveValue(month);
};

test('补贴测算 without signing in: a bachelor\'s three months at 500 元, half city and half county, month by month', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('estimate-link').click();
  await expect(page).toHaveURL(/\/estimate$/);
  await expect(page.getByRole('heading', { level: 1, name: '补贴测算' })).toBeVisible();

  await page.getByRole('button', { name: '测算' }).click();
  await expect(page.getByText('请选择起始年月')).toBeVisible();

  await typeMonth(page.getByLabel('补贴起始年月'), '2027-01');
  await typeMonth(page.getByLabel('补贴终止年月'), '2027-03');
  await page.getByRole('button', { name: '测算' }).click();
  const result = page.getByTestId('estimate-result');
  await expect(result).toContainText('3 个月（2027-01 至 2027-03）');
  await expect(result).toContainText('1,500.00 元');
  await expect(result).toContainText('其中市级承担750.00 元');
  await expect(result.getByRole('row', { name: /2027-02 500\.00 元 500\.00 元/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, '补贴测算');

  // 硕士: 1,000 元 a month, all from the city.
  await page.getByText('硕士研究生', { exact: true }).click();
  await page.getByRole('button', { name: '测算' }).click();
  await expect(result).toContainText('3,000.00 元');
  await expect(result).toContainText('其中县区承担0.00 元');

  // A changed question clears the old answer.
  await page.getByText('博士研究生', { exact: true }).click();
  await expect(result).toBeHidden();
  // Text that is no month empties the field rather than leaving the last month behind it.
  await page.getByLabel('补贴起始年月').fill('abcd');
  await page.getByLabel('补贴起始年月').press('Tab');
  await page.getByRole('button', { name: '测算' }).click();
  await expect(page.getByText('请选择起始年月')).toBeVisible();
  await expect(result).toBeHidden();

  // The server's refusal lands at its field: more than 36 months.
  await typeMonth(page.getByLabel('补贴起始年月'), '2020-01');
  await typeMonth(page.getByLabel('补贴终止年月'), '2023-06');
  await page.getByRole('button', { name: '测算' }).click();
  await expect(page.getByText(/每人累计最多补贴 36 个月/)).toBeVisible();
});
