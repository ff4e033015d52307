import { expect, type Page } from '@playwright/test';
import { creditCodeCheckChar, residentIdCheckChar } from '@butie/contracts';
import { expectNoSeriousAxeViolations } from './axe';
import { disguisedExecutable, samplePdf, samplePng } from './files';
import { clickInDialog, DEMO_PASSWORD, latestSandboxCode, signedIn, signOut } from './support';

/** Numbers and names no other run of the suite uses (the same database serves a whole run). */
export function freshIdentity(tag: string) {
  const serial = `${Date.now()}`.slice(-7) + tag;
  const creditBody = `91530100MA${serial.slice(-7)}`;
  // A real birth date whatever the digits: month 01–12, day 10–19.
  const month = String((Number(serial.slice(0, 2)) % 12) + 1).padStart(2, '0');
  const day = `1${serial.slice(-1)}`;
  const idBody = `1101011998${month}${day}${serial.slice(-4, -1)}`;
  return {
    unitName: `云州市测试科技${serial}有限公司`,
    creditCode: creditBody + creditCodeCheckChar(creditBody)!,
    unitUsername: `unit_e2e_${serial}`,
    unitPhone: `137${serial}`,
    graduateUsername: `grad_e2e_${serial}`,
    graduatePhone: `135${serial}`,
    graduatePassword: 'Grad#2026ok',
    idNumber: idBody + residentIdCheckChar(idBody)!,
    birthDate: `1998-${month}-${day}`,
  };
}

/**
 * Chooses `option` in the antd Select labelled `label`, until the Select shows it: a click on an
 * option while the dropdown is still sliding in can be lost.
 */
export async function choose(page: Page, label: string, option: string) {
  const select = page.getByLabel(label, { exact: true });
  const item = page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true });
  const shown = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]').getByText(option, { exact: true });
  await expect(async () => {
    if (!(await item.isVisible())) await select.click();
    await item.click({ timeout: 2_000 });
    await expect(shown).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Opens a page of the signed-in menu: on a phone through the header's drawer. */
export async function openMenu(page: Page, phone: boolean, ...labels: string[]) {
  if (phone) await page.getByRole('button', { name: '打开菜单' }).click();
  const menu = page.getByTestId('side-menu');
  for (const label of labels) await menu.getByRole('menuitem', { name: label }).click();
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Issue 6's journey, as the people do it: a unit registers → its county's HRSS approves → a
 * graduate registers under it with materials → the unit returns it with an opinion → the graduate
 * reads it, fixes and resubmits → the unit approves → the graduate sees the full menu and keeps a
 * work-history entry → the unit reads it on the graduate's record. Every page
 * is checked for overflow and serious axe findings on the way.
 */
export async function registrationJourney(page: Page, { phone }: { phone: boolean }) {
  const who = freshIdentity(phone ? '2' : '1');
  const checkPage = async (what: string) => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    expect(await horizontalOverflow(page), `${what} fits the width`).toBeLessThanOrEqual(1);
    await expectNoSeriousAxeViolations(page, what);
  };

  // 单位注册 (public), in 北山县.
  await page.goto('/login');
  await page.getByRole('tab', { name: '单位登录' }).click();
  await page.getByTestId('register-UNIT').click();
  await expect(page).toHaveURL(/\/register\/unit$/);
  await page.getByLabel('单位名称').fill(who.unitName);
  await page.getByLabel('统一社会信用代码').fill(who.creditCode.slice(0, 17) + (who.creditCode[17] === '0' ? '1' : '0'));
  await page.getByLabel('单位地址').click();
  await expect(page.getByText('统一社会信用代码校验位不正确')).toBeVisible();
  await page.getByLabel('统一社会信用代码').fill(who.creditCode);
  await choose(page, '所属区县', '北山县');
  await page.getByLabel('单位地址').fill('北山县迎宾路 8 号');
  await page.getByLabel('联系人').fill('周立');
  await page.getByLabel('联系电话').fill(who.unitPhone);
  // The account's phone is proven with a code (the demo shows the sandbox's message on the page).
  await expect(page.getByLabel('账号手机号码')).toHaveValue(who.unitPhone);
  await page.getByTestId('send-registration-code').click();
  await page.getByLabel('短信验证码').fill(await latestSandboxCode(page));
  await page.getByLabel('用户名').fill(who.unitUsername);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('确认密码').fill(DEMO_PASSWORD);
  await checkPage('单位注册');
  await page.getByTestId('unit-register-submit').click();
  await expect(page.getByText('注册信息已提交')).toBeVisible();

  // 北山县人社局 approves it.
  await signedIn(page, 'beishan_hrss', '管理部门登录');
  await expect(page).toHaveURL(/\/home$/);
  await openMenu(page, phone, '单位注册审核');
  await page.getByLabel('关键字').fill(who.unitName);
  await page.getByRole('button', { name: '查询' }).click();
  await checkPage('单位注册审核');
  await page.getByRole('link', { name: who.unitName }).first().click();
  await page.getByTestId('action-approve').click();
  await clickInDialog(page, '确认审核通过');
  await expect(page.getByTestId('action-approve')).toHaveCount(0);
  await checkPage('单位注册详情');
  await signOut(page);

  // 个人注册 under the new unit: 用户须知, the form, then materials and 注册并上报.
  await page.getByRole('tab', { name: '个人登录' }).click();
  await page.getByTestId('register-PERSONAL').click();
  await checkPage('个人注册 · 用户须知');
  await page.getByTestId('agree-notice').click();
  await page.getByLabel('用户名').fill(who.graduateUsername);
  await page.getByLabel('用户姓名').fill('林书言');
  await page.getByLabel('密码', { exact: true }).fill(who.graduatePassword);
  await page.getByLabel('确认密码').fill(who.graduatePassword);
  await page.getByLabel('手机号码', { exact: true }).fill(who.graduatePhone);
  await page.getByTestId('send-registration-code').click();
  await page.getByLabel('短信验证码').fill(await latestSandboxCode(page));
  await page.getByLabel('证件号码').fill(who.idNumber.slice(0, 17) + (who.idNumber[17] === '1' ? '2' : '1'));
  await page.getByLabel('毕业院校').click();
  await expect(page.getByText('证件号码校验位不正确')).toBeVisible();
  await page.getByLabel('证件号码').fill(who.idNumber);
  // A resident ID says the birth date.
  await expect(page.getByLabel('出生日期')).toHaveValue(who.birthDate);
  await page.getByLabel('毕业院校').fill('云州大学');
  await page.getByLabel('专业').fill('会计学');
  await choose(page, '学历', '硕士研究生');
  await choose(page, '学位', '硕士');
  await choose(page, '民族', '汉族');
  await page.getByLabel('单位名称', { exact: true }).fill(who.unitName.slice(0, 12));
  await page.locator('.ant-select-dropdown:visible').getByText(who.unitName).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await checkPage('个人注册 · 表单');
  await page.getByTestId('person-register-submit').click();
  await expect(page).toHaveURL(/\/registration$/);
  await expect(page.getByTestId('registration-draft')).toBeVisible();

  const upload = async (kind: string, file: ReturnType<typeof samplePdf>) => {
    await choose(page, '附件类型', kind);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-file').click();
    await (await chooser).setFiles(file);
  };
  await upload('其他', disguisedExecutable('毕业证书.pdf'));
  await expect(page.getByText(/只接受 PDF、JPEG、PNG 文件.*EXE/)).toBeVisible();
  await upload('学位证书', samplePdf('硕士学位证书.pdf', 'Master degree certificate'));
  await expect(page.getByTestId('material-item').filter({ hasText: '硕士学位证书.pdf' })).toBeVisible();
  await upload('身份证复印件正反面', samplePng('身份证正反面.png'));
  await expect(page.getByTestId('material-item').filter({ hasText: '身份证正反面.png' })).toBeVisible();
  await expect(page.getByTestId('material-item')).toHaveCount(2);
  await checkPage('注册状态 · 未上报');
  await page.getByRole('button', { name: '预览 硕士学位证书.pdf' }).click();
  await expect(page.getByRole('img', { name: '硕士学位证书.pdf 第 1 页' })).toBeVisible();
  await closePreview(page);
  await page.getByTestId('registration-draft-submit').click();
  await expect(page.getByTestId('registration-pending')).toContainText(who.unitName);
  expect(await menuOf(page, phone)).toEqual(['注册状态', '账号管理']);
  await signOut(page);

  // The unit returns it with an opinion, after looking at the materials.
  await signedIn(page, who.unitUsername, '单位登录');
  await openMenu(page, phone, '人员注册审核');
  await checkPage('人员注册审核');
  await page.getByRole('link', { name: '林书言' }).first().click();
  await expect(page.getByTestId('material-item')).toHaveCount(2);
  await page.getByRole('button', { name: '预览 身份证正反面.png' }).click();
  await expect(page.getByTestId('preview-image')).toBeVisible();
  await closePreview(page);
  await checkPage('人员注册详情');
  await page.getByTestId('action-return').click();
  await clickInDialog(page, '确认退回');
  await expect(page.getByText('请填写审核意见')).toBeVisible();
  await page.getByLabel('审核意见').fill('请补充学历证书电子注册备案表，并核对专业名称。');
  await clickInDialog(page, '确认退回');
  await expect(page.getByText('已退回，等待本人修改后重新提交')).toBeVisible();
  await signOut(page);

  // The graduate reads the opinion, fixes and resubmits.
  await signedIn(page, who.graduateUsername, '个人登录', who.graduatePassword);
  await expect(page).toHaveURL(/\/registration$/);
  await expect(page.getByTestId('review-opinion')).toContainText('请补充学历证书电子注册备案表');
  await upload('学历证书电子注册备案表', samplePdf('备案表.pdf', 'Education record'));
  await expect(page.getByTestId('material-item')).toHaveCount(3);
  await page.getByLabel('专业').fill('会计学（注册会计师方向）');
  await checkPage('注册状态 · 退回');
  await page.getByTestId('registration-returned-submit').click();
  await expect(page.getByTestId('registration-pending')).toBeVisible();
  await signOut(page);

  // The unit approves.
  await signedIn(page, who.unitUsername, '单位登录');
  await page.goto('/unit/registrations?status=PENDING');
  await page.getByRole('link', { name: '林书言' }).first().click();
  await expect(page.getByText('会计学（注册会计师方向）')).toBeVisible();
  await page.getByTestId('action-approve').click();
  await clickInDialog(page, '确认审核通过');
  await expect(page.getByTestId('action-approve')).toHaveCount(0);
  await signOut(page);

  // The graduate now sees the full applicant menu.
  await signedIn(page, who.graduateUsername, '个人登录', who.graduatePassword);
  await expect(page).toHaveURL(/\/home$/);
  expect(await menuOf(page, phone)).toEqual(expect.arrayContaining(['首页', '个人信息管理', '账号管理']));
  await page.goto('/profile/info');
  await checkPage('维护个人信息');
  await page.goto('/profile/materials');
  await expect(page.getByTestId('material-item')).toHaveCount(3);
  await checkPage('维护个人材料');

  // 维护工作经历: the current job at the registered unit, its contract uploaded and previewed.
  await openMenu(page, phone, '维护工作经历');
  await page.getByTestId('add-work-history').click();
  const dialog = page.getByRole('dialog', { name: '新增工作经历' });
  await dialog.getByTestId('unit-picker').locator('input').fill(who.unitName.slice(0, 12));
  await page.locator('.ant-select-dropdown:visible').getByText(who.unitName).click();
  await expect(dialog.getByTestId('picked-county')).toContainText('北山县');
  for (const [field, day] of [['startDate', '2021-07-01'], ['contractStart', '2021-07-01'], ['contractEnd', '2024-06-30']]) {
    const input = dialog.locator(`#work-history-entry_${field}`);
    if (phone) await pickDay(page, input, day);
    else {
      await input.click();
      await input.fill(day);
      await dialog.locator('.ant-modal-title').click();
    }
    await expect(input).toHaveValue(day);
  }
  await expect(dialog.getByTestId('contract-term-note')).toContainText('合同期限满 3 年');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('contract-file-upload').click();
  await (await chooser).setFiles(samplePdf('劳动合同-林书言.pdf', 'Labour contract'));
  await expect(dialog.getByTestId('contract-file')).toContainText('劳动合同-林书言.pdf');
  await dialog.getByTestId('same-file').click();
  await dialog.getByTestId('work-history-save').click();
  await expect(dialog).toBeHidden();
  const entry = page.getByTestId('work-history-entry').filter({ hasText: who.unitName });
  await expect(entry.getByTestId('three-years-tag')).toHaveText('合同满 3 年');
  await entry.getByRole('button', { name: '预览 劳动合同-林书言.pdf' }).click();
  await expect(page.getByRole('img', { name: '劳动合同-林书言.pdf 第 1 页' })).toBeVisible();
  await closePreview(page);
  await checkPage('维护工作经历');
  await signOut(page);

  // Its unit reads the entry on the graduate's record (domain §5.2), with nothing to change there.
  await signedIn(page, who.unitUsername, '单位登录');
  await page.goto('/unit/registrations?status=APPROVED');
  await page.getByRole('link', { name: '林书言' }).first().click();
  const history = page.getByTestId('person-work-history');
  await expect(history.getByRole('heading', { name: '工作经历（1）' })).toBeVisible();
  await expect(history.getByTestId('work-history-entry')).toContainText(who.unitName);
  await expect(history.getByTestId('three-years-tag')).toHaveText('合同满 3 年');
  await expect(history.getByRole('button', { name: /修改|删除/ })).toHaveCount(0);
  await history.getByRole('button', { name: '预览 劳动合同-林书言.pdf' }).click();
  await expect(page.getByRole('img', { name: '劳动合同-林书言.pdf 第 1 页' })).toBeVisible();
  await closePreview(page);
  await checkPage('人员注册详情 · 工作经历');
  return who;
}

/**
 * Picks a day the way a phone does (the field takes no typing there): year, month, then day in
 * the calendar's panels, going back a decade at a time to reach the year.
 */
async function pickDay(page: Page, input: ReturnType<Page['locator']>, day: string) {
  const [year, month] = day.split('-');
  await input.click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  await panel.locator('.ant-picker-year-btn').click();
  for (let i = 0; i < 10 && !(await panel.locator(`td[title="${year}"]`).isVisible()); i++) {
    await panel.locator(Number(year) < new Date().getFullYear() ? '.ant-picker-header-super-prev-btn' : '.ant-picker-header-super-next-btn').click();
  }
  await panel.locator(`td[title="${year}"]`).click();
  await panel.locator(`td[title="${year}-${month}"]`).click();
  await panel.locator(`td[title="${day}"]`).click();
  await expect(panel).toBeHidden();
}

/** Closes the preview and waits until it has gone (a closing dialog is still in the page for axe). */
async function closePreview(page: Page) {
  const preview = page.locator('.attachment-preview');
  await preview.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();
}

async function menuOf(page: Page, phone: boolean): Promise<string[]> {
  if (phone) await page.getByRole('button', { name: '打开菜单' }).click();
  const menu = page.getByTestId('side-menu');
  await expect(menu).toBeVisible();
  const labels = (await menu.locator(':scope > li[role="menuitem"], :scope > li.ant-menu-submenu > [role="menuitem"]').allInnerTexts()).map((text) => text.trim());
  if (phone) await page.keyboard.press('Escape');
  return labels;
}
