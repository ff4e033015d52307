import { expect, test } from '@playwright/test';
import { clickInDialog, signIn } from './support';

// A move the server refuses because the record moved on since the page read it (409) leaves the
// page showing the record as it is now, not the stale form or buttons that led to the refusal.
test('a refused move (409: the record moved on) shows the current status at once, with the reason', async ({ page }) => {
  await signIn(page, 'unit_nanhu_returned', '单位登录');
  await expect(page).toHaveURL(/\/unit\/profile$/);
  await expect(page.getByTestId('review-opinion')).toBeVisible();

  // The same unit resubmits from elsewhere (another tab, an integration) while this page still shows the form.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('butie.session')!).accessToken as string);
  const elsewhere = await page.request.post('/api/v1/units/registrations/mine/resubmit', { headers: { authorization: `Bearer ${token}` } });
  expect(elsewhere.status()).toBe(200);

  await page.getByTestId('action-resubmit').click();
  await expect(page.locator('.ant-message')).toContainText('待审核');
  await expect(page.getByText('注册信息已提交，正在等待所属区县人社局审核，审核期间不能修改。')).toBeVisible();
  await expect(page.getByTestId('action-resubmit')).toHaveCount(0);
  await expect(page.getByTestId('review-opinion')).toHaveCount(0);
});

test('a reviewer who decides on a registration another has just decided is told 已被他人处理, and the buttons go', async ({ page }) => {
  await signIn(page, 'nanhu_hrss', '管理部门登录');
  await expect(page).toHaveURL(/\/home$/);
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('butie.session')!).accessToken as string);
  const headers = { authorization: `Bearer ${token}` };
  const queue = await page.request.get('/api/v1/units/registrations', { headers, params: { status: 'PENDING' } });
  const [pending] = (await queue.json()).items as { id: string; name: string }[];
  expect(pending, 'the demo leaves a pending unit in 南湖区').toBeDefined();

  await page.goto(`/county/unit-registrations/${pending.id}`);
  await expect(page.getByRole('heading', { level: 1, name: pending.name })).toBeVisible();
  // A colleague approves it first.
  expect((await page.request.post(`/api/v1/units/registrations/${pending.id}/approve`, { headers })).status()).toBe(200);

  await page.getByTestId('action-approve').click();
  await clickInDialog(page, '确认审核通过');
  const notice = page.getByRole('dialog', { name: '已被他人处理' });
  await expect(notice).toContainText('审核通过');
  await notice.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByTestId('action-approve')).toHaveCount(0);
  await expect(page.getByTestId('action-return')).toHaveCount(0);
});
