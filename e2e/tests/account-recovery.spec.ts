import { expect, test, type Page } from '@playwright/test';
import { residentIdCheckChar } from '@butie/contracts';
import { latestSandboxCode, sandboxSmsByTicket, signIn, signOut } from './support';

/** A fresh applicant made through the public API, so that no demo account's password changes. */
async function registerApplicant(page: Page) {
  const serial = `${Date.now()}`.slice(-8);
  const idBody = `11010119970${(Number(serial.slice(0, 1)) % 9) + 1}1${serial.slice(-1)}${serial.slice(-4, -1)}`;
  const account = { username: `recover_${serial}`, password: 'First#2026ok', fullName: '陈思远', phone: `136${serial}` };
  const [unit] = ((await (await page.request.get('/api/v1/units/picker?limit=1')).json()) as { items: { id: string }[] }).items;
  const sent = (await (await page.request.post('/api/v1/auth/sms/registration', { data: { phone: account.phone } })).json()) as { sandboxTicket: string };
  const phoneCode = (await sandboxSmsByTicket(page.request, sent.sandboxTicket)).content.match(/验证码为 (\d{6})/)![1];
  const response = await page.request.post('/api/v1/persons/registrations', {
    data: {
      account: { ...account, phoneCode },
      basic: {
        idType: 'RESIDENT_ID',
        idNumber: idBody + residentIdCheckChar(idBody)!,
        birthDate: `1997-0${idBody.slice(11, 12)}-1${idBody.slice(13, 14)}`,
        gender: Number(idBody[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
        school: '云州大学',
        major: '统计学',
        education: 'BACHELOR',
        degree: 'BACHELOR',
        ethnicity: '汉族',
        selfEmployed: false,
        unitId: unit.id,
      },
      agreedToNotice: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

test('忘记密码: a code to the registered phone, a new password under the rules, then sign-in with it', async ({ page }) => {
  const account = await registerApplicant(page);
  await page.goto('/login');
  await page.getByTestId('forgot-PERSONAL').click();
  await expect(page.getByRole('heading', { level: 1, name: '忘记密码' })).toBeVisible();
  await page.getByLabel('手机号码').fill(account.phone);
  await page.getByTestId('send-reset-code').click();
  const code = await latestSandboxCode(page);
  await page.getByLabel('验证码').fill(code);
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await expect(page.getByText('密码不能少于 8 位')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Second#2026ok');
  await page.getByLabel('确认新密码').fill('Second#2026ok');
  await page.getByTestId('reset-password').click();
  await expect(page.getByText('密码已重置')).toBeVisible();

  await signIn(page, account.username, '个人登录', account.password);
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await signIn(page, account.username, '个人登录', 'Second#2026ok');
  await expect(page).toHaveURL(/\/registration$/);
});

// The query cache holds one account's data: the next person at a shared computer must not see the
// last one's list, not even while their own is loading.
test('after sign-out, the next account on the same screen never sees the previous account\'s list', async ({ page }) => {
  const registrantNames = async () => (await page.locator('td:first-child a').allInnerTexts()).map((name) => name.trim());
  await signIn(page, 'demo_unit', '单位登录');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/unit/registrations');
  await expect(page.locator('td:first-child a').first()).toBeVisible();
  const previous = await registrantNames();
  await signOut(page);

  // The next unit's list is held back at the network: meanwhile nothing of the last list may show.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/persons/registrations?*', async (route) => {
    await held;
    await route.continue();
  });
  await signIn(page, 'unit_xicheng_1', '单位登录');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/unit/registrations');
  await expect(page.getByRole('heading', { level: 1, name: '人员注册审核' })).toBeVisible();
  for (const name of previous) await expect(page.getByText(name, { exact: true })).toHaveCount(0);
  release();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  expect((await registrantNames()).filter((name) => previous.includes(name))).toEqual([]);
});
