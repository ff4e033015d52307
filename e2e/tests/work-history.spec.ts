import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from './support';

/** A one-page PDF (what the API accepts by its content), with a line of text to tell it apart. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Types a day into one of the entry's date fields and leaves it (clicking the dialog's title), as a person would. */
async function setDay(dialog: Locator, field: string, day: string) {
  const input = dialog.locator(`#work-history-entry_${field}`);
  await input.click();
  await input.fill(day);
  await dialog.locator('.ant-modal-title').click();
  await expect(input).toHaveValue(day);
}

/** Picks an option of an antd Select until the Select shows it: a click while the dropdown is still sliding in can be lost. */
async function chooseOption(page: Page, select: Locator, label: string) {
  const option = page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true });
  const shown = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]').getByText(label, { exact: true });
  await expect(async () => {
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 2_000 });
    await expect(shown).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

function entryCard(page: Page, unitName: string, period: string): Locator {
  return page.getByTestId('work-history-entry').filter({ has: page.getByRole('heading', { name: unitName, exact: true }) }).filter({ hasText: period });
}

// Domain §5.2 and §5.6 rule 1: the demo applicant keeps a typed-in former unit and a current unit
// from the picker, sees whether each contract lasts 3 years (2020-07-01 to 2023-06-30 does, to
// 2023-06-29 does not), uploads and previews the contract, edits and deletes. Entries the test
// creates are deleted again, so the demo's own entries stay as they were.
test('an applicant keeps a typed-in and a picked unit, with the 3-year contract rule shown live, a previewed contract, edit and delete', async ({ page }) => {
  // Two entries written, a file uploaded and drawn twice, an edit and two deletions: longer than one page's journey.
  test.setTimeout(120_000);
  const suffix = String(Date.now()).slice(-6);
  const typedUnit = `云州市西城区星火软件工作室${suffix}`;
  const fileName = `劳动合同-星火-${suffix}.pdf`;

  await signIn(page, 'demo_applicant', '个人登录');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/profile/work-history');
  await expect(page.getByRole('heading', { level: 1, name: '维护工作经历' })).toBeVisible();
  await expect(page.getByTestId('side-menu').getByRole('menuitem', { name: '维护工作经历' })).toBeVisible();

  // A former job at a unit that is not in the system, typed in with its county.
  await page.getByTestId('add-work-history').click();
  let dialog = page.getByRole('dialog', { name: '新增工作经历' });
  await dialog.getByRole('switch', { name: '单位未在系统中注册，手动填写' }).click();
  await dialog.getByLabel('单位名称').fill(typedUnit);
  await chooseOption(page, dialog.getByLabel('所在县区'), '西城区');
  await setDay(dialog, 'startDate', '2019-07-01');
  await setDay(dialog, 'endDate', '2021-06-30');
  await setDay(dialog, 'contractStart', '2020-07-01');

  // Both days belong to the contract: ending 2023-06-29 is one day short, 2023-06-30 is 3 years.
  const note = dialog.getByTestId('contract-term-note');
  await setDay(dialog, 'contractEnd', '2023-06-29');
  await expect(note).toContainText('合同期限不满 3 年');
  await expect(note).toContainText('终止日期须不早于 2023-06-30 才满 3 年');
  await setDay(dialog, 'contractEnd', '2023-06-30');
  await expect(note).toContainText('合同期限满 3 年（2020-07-01 至 2023-06-30）');
  // One file for both is for the current job at the registered unit only.
  await expect(dialog.getByTestId('same-file')).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('contract-file-upload').click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf('LABOUR CONTRACT') });
  await expect(page.getByText(`已上传「${fileName}」（劳动合同）`)).toBeVisible();
  await expect(dialog.getByTestId('contract-file')).toContainText(fileName);
  await dialog.getByTestId('contract-file-preview').click();
  let preview = page.getByRole('dialog', { name: `劳动合同：${fileName}` });
  await expect(preview.getByTestId('pdf-pages').locator('canvas')).toHaveCount(1);
  await preview.getByRole('button', { name: '关闭' }).last().click();
  await expect(preview).toBeHidden();

  await dialog.getByTestId('work-history-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('工作经历已新增')).toBeVisible();

  const typedCard = entryCard(page, typedUnit, '2019-07-01 至 2021-06-30');
  await expect(typedCard).toHaveCount(1);
  await expect(typedCard.getByTestId('manual-unit-tag')).toHaveText('手动填写的单位');
  await expect(typedCard).toContainText('西城区');
  await expect(typedCard).toContainText('2020-07-01 至 2023-06-30');
  await expect(typedCard.getByTestId('three-years-tag')).toHaveText('合同满 3 年');
  await expect(typedCard.getByTestId('missing-files')).toContainText('证明材料');

  // The contract, previewed in the page and downloaded under its own name.
  await typedCard.getByRole('button', { name: `预览 ${fileName}` }).click();
  preview = page.getByRole('dialog', { name: `劳动合同：${fileName}` });
  await expect(preview.getByTestId('pdf-pages').locator('canvas')).toHaveCount(1);
  await preview.getByRole('button', { name: '关闭' }).last().click();
  await expect(preview).toBeHidden();
  // The name the browser saves under is the answer's Content-Disposition. Playwright's
  // suggestedFilename is Chromium's guess as the download begins, and in a long run Chromium has
  // guessed its placeholder "download" although the answer named the file (a download is not seen
  // by request routing either): so the link's own answer is read again, as the browser got it.
  const linked = page.waitForResponse((response) => response.url().endsWith('/download-link'));
  const downloading = page.waitForEvent('download');
  await typedCard.getByRole('button', { name: `下载 ${fileName}` }).click();
  const link = (await (await linked).json()) as { url: string };
  const download = await downloading;
  const answer = await page.request.get(link.url);
  const disposition = answer.headers()['content-disposition'] ?? '';
  const savedAs = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  // Saved as an attachment under its own name, and it is the PDF (a refusal would be saved too, as JSON: say which).
  const saved = await readFile(await download.path());
  expect({
    url: new URL(download.url()).pathname + new URL(download.url()).search,
    attachment: disposition.startsWith('attachment;'),
    name: savedAs && decodeURIComponent(savedAs),
    start: saved.subarray(0, 200).toString('utf8'),
  }).toEqual({ url: link.url, attachment: true, name: fileName, start: expect.stringMatching(/^%PDF-1\.4/) });

  // A former job at an approved unit from the picker (filtered by county), under an open-ended contract, with the same contract file chosen again.
  await page.getByTestId('add-work-history').click();
  dialog = page.getByRole('dialog', { name: '新增工作经历' });
  await chooseOption(page, dialog.getByLabel('按区县筛选单位'), '西城区');
  await dialog.getByTestId('unit-picker').click();
  const firstUnit = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await expect(firstUnit).toContainText('西城区');
  const pickedUnit = (await firstUnit.getAttribute('title'))!;
  expect(pickedUnit).toBeTruthy();
  await firstUnit.click();
  await expect(dialog.getByTestId('picked-county')).toContainText('所在县区：西城区');
  await setDay(dialog, 'startDate', '2022-03-01');
  await setDay(dialog, 'contractStart', '2022-03-01');
  await dialog.getByTestId('contract-open-ended').click();
  await expect(dialog.getByTestId('contract-term-note')).toContainText('无固定期限劳动合同，视为合同期限满 3 年');
  await chooseOption(page, dialog.getByLabel('选择已上传的劳动合同'), fileName);
  // Left without an end it would be a second current job beside the demo's: refused on the field, naming that job.
  await dialog.getByTestId('work-history-save').click();
  await expect(dialog.getByText(/已有在职的工作经历（.+），只能有一份目前在职的工作/)).toBeVisible();
  await setDay(dialog, 'endDate', '2024-02-29');
  await dialog.getByTestId('work-history-save').click();
  await expect(dialog).toBeHidden();

  const pickedCard = entryCard(page, pickedUnit, '2022-03-01 至 2024-02-29');
  await expect(pickedCard).toHaveCount(1);
  await expect(pickedCard.getByTestId('manual-unit-tag')).toHaveCount(0);
  await expect(pickedCard).toContainText('2022-03-01 起，无固定期限');
  await expect(pickedCard.getByTestId('three-years-tag')).toHaveText('合同满 3 年');
  await expect(pickedCard.getByTestId('material-item')).toContainText(fileName);

  // 修改: the form opens as saved; a contract a day short of 3 years is tagged as such.
  await typedCard.getByRole('button', { name: `修改「${typedUnit}」的工作经历` }).click();
  dialog = page.getByRole('dialog', { name: '修改工作经历' });
  await expect(dialog.getByRole('switch', { name: '单位未在系统中注册，手动填写' })).toBeChecked();
  await expect(dialog.getByLabel('单位名称')).toHaveValue(typedUnit);
  await expect(dialog.getByTestId('contract-file')).toContainText(fileName);
  await setDay(dialog, 'contractEnd', '2023-06-29');
  await expect(dialog.getByTestId('contract-term-note')).toContainText('合同期限不满 3 年');
  await dialog.getByTestId('work-history-save').click();
  await expect(dialog).toBeHidden();
  await expect(typedCard.getByTestId('three-years-tag')).toHaveText('合同不满 3 年');
  await expect(typedCard).toContainText('2020-07-01 至 2023-06-29');

  // 删除, confirmed; the demo's own entries stay.
  for (const [card, unit] of [[typedCard, typedUnit], [pickedCard, pickedUnit]] as const) {
    await card.getByRole('button', { name: `删除「${unit}」的工作经历` }).click();
    const confirm = page.getByRole('dialog', { name: `删除「${unit}」的工作经历？` });
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect(confirm).toBeHidden();
    await expect(card).toHaveCount(0);
  }
});

test('the form checks dates as the API does before sending anything', async ({ page }) => {
  await signIn(page, 'demo_applicant', '个人登录');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/profile/work-history');
  await page.getByTestId('add-work-history').click();
  const dialog = page.getByRole('dialog', { name: '新增工作经历' });
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/work-histories')) posts++;
  });

  await dialog.getByTestId('work-history-save').click();
  await expect(dialog.getByText('请从单位列表中选择单位；列表中没有时，请打开上方的「手动填写」')).toBeVisible();
  await expect(dialog.getByText('请选择入职日期')).toBeVisible();
  await expect(dialog.getByText('请填写劳动合同终止日期，或选择无固定期限')).toBeVisible();

  // The calendars offer no end before the start; a start moved past the end is caught on the end.
  await setDay(dialog, 'endDate', '2021-06-30');
  await setDay(dialog, 'startDate', '2021-07-01');
  await expect(dialog.getByText('离职日期不能早于入职日期')).toBeVisible();
  await setDay(dialog, 'contractEnd', '2021-06-30');
  await setDay(dialog, 'contractStart', '2021-07-01');
  await expect(dialog.getByText('劳动合同终止日期不能早于起始日期')).toBeVisible();
  // 无固定期限 and an end date exclude each other.
  await dialog.getByTestId('contract-open-ended').click();
  await expect(dialog.locator('#work-history-entry_contractEnd')).toHaveValue('');
  await expect(dialog.getByText('劳动合同终止日期不能早于起始日期')).toHaveCount(0);

  await dialog.getByTestId('work-history-save').click();
  await expect(dialog).toBeVisible();
  expect(posts).toBe(0);
});

// The demo applicant has entries; an account without any sees the manual's guidance. The list's
// answer is replaced here (and nothing else), so that the demo data stays as it is.
test('with no entries the page tells cross-county bachelors to keep both units, and a failed load offers 重试', async ({ page }) => {
  let fail = true;
  await page.route('**/api/v1/work-histories', (route) =>
    fail
      ? route.fulfill({ status: 503, contentType: 'application/problem+json', json: { status: 503, code: 'INTERNAL', detail: '服务暂时不可用，请稍后重试' } })
      : route.fulfill({ json: { items: [] } }),
  );
  await signIn(page, 'demo_applicant', '个人登录');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/profile/work-history');
  await expect(page.getByText('工作经历未能加载')).toBeVisible();
  await expect(page.getByText('服务暂时不可用，请稍后重试')).toBeVisible();
  fail = false;
  await page.getByRole('button', { name: '重试' }).click();
  const empty = page.getByTestId('work-history-empty');
  await expect(empty).toContainText('还没有登记工作经历');
  await expect(empty).toContainText('存在跨区县的本科生的请维护原单位和现单位，选择具体的区县；若不存在跨区县的本科生则只维护现单位即可。');
  await expect(page.getByTestId('add-work-history')).toBeVisible();
});
