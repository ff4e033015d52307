import { expect, test, type Locator } from '@playwright/test';
import { clickInDialog, signIn } from './support';

const typeMonth = async (field: Locator, month: string) => {
  await field.click();
  await field.fill(month);
  await field.press('Tab');
  await expect(field).toHaveValue(month);
};

test('沙箱数据: the administrator finds a demo record, adds one (the API names the broken period at its field), and deletes it', async ({ page }) => {
  await signIn(page, 'admin', '管理部门登录');
  await expect(page).toHaveURL(/\/admin\/regions$/);
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '沙箱数据' }).click();
  await expect(page).toHaveURL(/\/admin\/sandbox$/);
  await expect(page.getByRole('heading', { level: 1, name: '沙箱数据' })).toBeVisible();

  await page.getByLabel('编号开头').fill('530102199603');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/prefix=530102199603/);
  const applicant = page.getByRole('row', { name: /林雨桐/ });
  await expect(applicant).toContainText('正常参保');
  await expect(applicant).toContainText('2019-07');
  await expect(page.getByRole('row')).toHaveCount(2); // the header and 林雨桐

  // 新增 with a number that has a record: refused at the field, the record left as it was.
  await page.getByRole('button', { name: '新增记录' }).click();
  const dialog = page.getByRole('dialog', { name: '新增社保记录' });
  await dialog.getByLabel('证件号码').fill('530102199603150028');
  await dialog.getByLabel('姓名').fill('覆盖测试');
  await typeMonth(dialog.getByLabel('最早缴费年月'), '2021-07');
  await clickInDialog(page, '保存');
  await expect(dialog.getByText('证件号码 530102199603150028 已有沙箱社保记录，请在列表中编辑它')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(applicant).toContainText('林雨桐');

  await page.getByRole('button', { name: '新增记录' }).click();
  await dialog.getByLabel('证件号码').fill('530102200001010046');
  await dialog.getByLabel('姓名').fill('测试沙箱');
  await typeMonth(dialog.getByLabel('最早缴费年月'), '2021-07');
  await dialog.getByRole('button', { name: '添加缴费期间' }).click();
  await typeMonth(dialog.getByLabel('第 1 段 起始年月'), '2021-07');
  await typeMonth(dialog.getByLabel('第 1 段 终止年月'), '2021-05');
  await dialog.getByLabel('说明').fill('端到端测试');
  await clickInDialog(page, '保存');
  await expect(dialog.getByText('终止年月 2021-05 早于起始年月 2021-07')).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('请按提示修改标红的内容');

  await typeMonth(dialog.getByLabel('第 1 段 终止年月'), '2026-06');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('编号开头').fill('530102200001010046');
  await page.getByRole('button', { name: '查询' }).click();
  const added = page.getByRole('row', { name: /测试沙箱/ });
  await expect(added).toContainText('2021-07 至 2026-06');
  await expect(added).toContainText('端到端测试');

  await added.getByRole('button', { name: '删除 530102200001010046' }).click();
  await clickInDialog(page, '删除');
  await expect(page.getByText('没有沙箱社保记录')).toBeVisible();

  await page.getByRole('navigation', { name: '沙箱类别' }).getByRole('link', { name: '学历证书记录' }).click();
  await expect(page).toHaveURL(/\/admin\/sandbox\/degrees$/);
  await expect(page.getByRole('row', { name: /林雨桐/ })).toContainText('硕士研究生');
  await expect(page.getByRole('row', { name: /模拟不可用/ })).toHaveCount(1);
});
