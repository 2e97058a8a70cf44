import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { browserAvailable, newPage, screenshot, SCREENSHOTS, signIn, startHarness, type Harness } from './harness.js';
import { fiscalYearOf, todayInBangkok } from '../src/i18n/dates.js';

/** Picks a fiscal year by its name, as a person does. */
async function chooseYear(page: Page, testId: string, year: number) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: `ปีงบประมาณ พ.ศ. ${year}`, exact: true }).click();
}

describe.runIf(browserAvailable)('documents in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it('opens on the current fiscal year and keeps the year chosen, also one without a plan, after a reload', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@phasi-charoen.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตภาษีเจริญ' }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).click();
    const current = fiscalYearOf(todayInBangkok());
    await expect.poll(() => page.getByTestId('documents-year').inputValue()).toBe(`ปีงบประมาณ พ.ศ. ${current}`);
    await chooseYear(page, 'documents-year', current + 1);
    await page.getByTestId('memo-summary-collection').waitFor();
    expect(await page.getByTestId('documents-year').inputValue()).toBe(`ปีงบประมาณ พ.ศ. ${current + 1}`);
    await page.reload();
    await page.getByTestId('memo-summary-collection').waitFor();
    expect(await page.getByTestId('documents-year').inputValue()).toBe(`ปีงบประมาณ พ.ศ. ${current + 1}`);
    await context.close();
  });

  it('offers a municipality its memo to every กอง alone, with no district wording and no memo to schools it does not have', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@nakhon-nonthaburi.demo');
    await page.getByRole('heading', { name: 'เทศบาลนครนนทบุรี' }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).click();
    await page.getByTestId('memo-summary-collection').waitFor();
    const card = await page.getByTestId('document-memo-collection').textContent();
    expect(card).toContain('บันทึกข้อความแจ้งทุกกอง');
    expect(card).toContain('ถึงนายกเทศมนตรีนครนนทบุรี');
    expect(card).not.toMatch(/ฝ่ายปกครอง|ผู้อำนวยการเขต/);
    expect(await page.getByTestId('document-memo-schools').count()).toBe(0);
    await context.close();
  });

  it("speaks of a municipality's and an อบต.'s units as กอง on the overview and the task-sheet card", async () => {
    const sao = await newPage(harness);
    await signIn(sao.page, harness, 'admin@ko-kret.demo');
    await sao.page.getByRole('heading', { name: 'องค์การบริหารส่วนตำบลเกาะเกร็ด' }).waitFor();
    await sao.page.getByRole('heading', { name: 'กองในหน่วยงาน', exact: true }).waitFor();
    await expect.poll(() => sao.page.getByText(/^\d+ กอง$/).count()).toBe(1);
    expect(await sao.page.getByText('ฝ่ายในหน่วยงาน').count()).toBe(0);
    await sao.context.close();

    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@nakhon-pak-kret.demo');
    await page.getByRole('heading', { name: 'เทศบาลนครปากเกร็ด' }).waitFor();
    await page.getByRole('heading', { name: 'กองในหน่วยงาน', exact: true }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).click();
    const tasks = () => page.getByTestId('document-tasks').textContent();
    await expect.poll(tasks).toContain('งานที่ยังค้างส่งรายกอง');
    expect(await tasks()).toContain('กองละหนึ่งหน้า: หลักฐาน OIT รายงานความก้าวหน้า และขั้นตอนที่กองรับผิดชอบ');
    expect(await tasks()).not.toContain('ฝ่าย');
    await page.getByText('English', { exact: true }).first().click();
    await expect.poll(tasks).toContain('What each division still owes');
    expect(await tasks()).toContain('One page per division:');
    await page.getByText('ไทย', { exact: true }).first().click();
    await expect.poll(tasks).toContain('งานที่ยังค้างส่งรายกอง');
    await context.close();
  });

  it("speaks of a district office's units as ฝ่าย, as before, on the overview and the task-sheet card", async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@phasi-charoen.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตภาษีเจริญ' }).waitFor();
    await page.getByRole('heading', { name: 'ฝ่ายในหน่วยงาน', exact: true }).waitFor();
    await expect.poll(() => page.getByText(/^\d+ ฝ่าย$/).count()).toBe(1);
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).click();
    await page.getByTestId('memo-summary-collection').waitFor();
    const tasks = () => page.getByTestId('document-tasks').textContent();
    expect(await tasks()).toContain('งานที่ยังค้างส่งรายฝ่าย');
    expect(await tasks()).toContain('ฝ่ายละหนึ่งหน้า: หลักฐาน OIT รายงานความก้าวหน้า และขั้นตอนที่ฝ่ายรับผิดชอบซึ่งยังไม่เสร็จ พร้อมกำหนดส่ง');
    expect(await tasks()).not.toContain('กอง');
    await context.close();
  });

  it("words a district office's memo cards as before, and names the memos in English for English readers", async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@phasi-charoen.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตภาษีเจริญ' }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).click();
    await page.getByTestId('memo-summary-collection').waitFor();
    const collection = () => page.getByTestId('document-memo-collection').textContent();
    const schools = () => page.getByTestId('document-memo-schools').textContent();
    expect(await collection()).toContain('บันทึกข้อความแจ้งทุกฝ่าย (ฝ่ายปกครอง)');
    expect(await collection()).toContain('ถึงผู้อำนวยการเขต: เครื่องมือและน้ำหนัก');
    expect(await schools()).toContain('บันทึกข้อความถึงโรงเรียนในสังกัด (ฝ่ายการศึกษา)');
    await page.getByText('English', { exact: true }).first().click();
    await expect.poll(collection).toContain('Memo to every division (administration)');
    expect(await collection()).toContain('To the district director:');
    expect(await collection()).not.toContain('บันทึกข้อความ');
    expect(await schools()).toContain('Memo to the schools (education division)');
    await page.getByText('ไทย', { exact: true }).first().click();
    await expect.poll(collection).toContain('บันทึกข้อความแจ้งทุกฝ่าย (ฝ่ายปกครอง)');
    await context.close();
  });

  it('makes the FY2567 measures document with a progress bar and offers the download', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).click();
    await chooseYear(page, 'documents-year', 2567);
    const card = page.getByTestId('document-measures');
    await card.getByTestId('make-PDF').click();
    await card.getByTestId('download-PDF').waitFor({ timeout: 20_000 });
    const href = await card.getByTestId('download-PDF').getAttribute('href');
    const response = await page.request.get(`${harness.url}${href}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, '20-documents');
    await context.close();
  });

  it("writes Bang Sue's FY2569 committee from last year's, and makes its order", async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-sue.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางซื่อ' }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).click();
    await chooseYear(page, 'documents-year', 2569);
    const summary = page.getByTestId('committee-summary');
    await summary.getByText('ยังไม่ได้บันทึกคณะกรรมการของปีนี้').waitFor();
    await summary.getByTestId('committee-edit').click();
    const editor = page.getByTestId('committee-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('committee-source').textContent()).toContain('ปีงบประมาณ พ.ศ. 2568');
    expect(await editor.getByTestId('committee-save').isDisabled()).toBe(true);
    expect(await editor.getByTestId('committee-missing').textContent()).toContain('เลขที่คำสั่ง');
    await editor.getByTestId('committee-order-number').fill('๓๑/๒๕๖๙');
    await editor.getByTestId('committee-signed-date').fill('15/1/2569');
    await editor.getByTestId('committee-signed-date').press('Tab');
    await editor.getByTestId('committee-from-accounts').click();
    await page.getByRole('option').first().click();
    expect(await editor.getByTestId('committee-members').locator('tbody tr').count()).toBe(11);
    await page.getByRole('dialog').screenshot({ path: `${SCREENSHOTS}21-committee-editor.png` });
    await editor.getByTestId('committee-save').click();
    await summary.getByText('บันทึกแล้ว: คำสั่งที่ ๓๑/๒๕๖๙ กรรมการ 11 คน').waitFor();
    // The Garuda is uploaded once; until then the order leaves its space.
    expect(await summary.getByTestId('emblem-state').textContent()).toContain('ยังไม่มีตราครุฑ');
    const emblem = join(tmpdir(), 'prongsai-garuda.png');
    writeFileSync(
      emblem,
      await sharp({ create: { width: 300, height: 330, channels: 3, background: '#7a1414' } })
        .png()
        .toBuffer(),
    );
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), summary.getByTestId('emblem-upload').click()]);
    await chooser.setFiles(emblem);
    await expect.poll(() => summary.getByTestId('emblem-state').textContent()).toBe('มีตราครุฑแล้ว');
    const card = page.getByTestId('document-order');
    await card.getByTestId('make-PDF').click();
    await card.getByTestId('download-PDF').waitFor({ timeout: 20_000 });
    const response = await page.request.get(`${harness.url}${await card.getByTestId('download-PDF').getAttribute('href')}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, '22-documents-committee-saved');
    await context.close();
  });
});
