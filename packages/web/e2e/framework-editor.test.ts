import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

describe.runIf(browserAvailable)('the framework editor in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it("lets a central admin make a new year's set from an earlier one, and a district then run its OIT checklist and an IIT round on it", async () => {
    // The demo has the current year's set already (made through the same editor): this one is for the next year.
    const bangkok = new Date(Date.now() + 7 * 3600_000);
    const year = bangkok.getUTCFullYear() + 543 + (bangkok.getUTCMonth() >= 9 ? 1 : 0) + 1;
    const id = `bma-district-${year}`;
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByTestId('oit-readiness').waitFor();
    await page.goto(`${harness.url}/admin/frameworks`);
    await page.getByTestId('framework-new').click();
    await page.getByTestId('editor-from').click();
    await page.getByRole('option', { name: /^bma-district-2566/ }).click();
    // The id offered is the first year without a set.
    expect(await page.getByTestId('editor-new-id').inputValue()).toBe(id);
    await page.getByTestId('editor-start').click();
    await page.getByRole('heading', { name: `แก้ไขชุดคำถาม ${id}` }).waitFor();

    // The year it serves, typed in Thai digits.
    await page.getByTestId('editor-years').fill(String(year).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!));
    // A weight that no longer adds up is named in Thai, and publishing waits; undo puts it back.
    await page.getByRole('tab', { name: 'เครื่องมือและตัวชี้วัด' }).click();
    await page.getByLabel('IIT น้ำหนัก').fill('๓๕');
    await page.getByTestId('editor-check').getByText('น้ำหนักของเครื่องมือรวมกันได้ 105 ต้องเป็น 100').waitFor();
    expect(await page.getByTestId('editor-publish').isDisabled()).toBe(true);
    await page.getByTestId('editor-undo').click();
    await page.getByTestId('editor-check').getByText('ไม่พบปัญหา').waitFor();
    await page.getByTestId('editor-ready-surveys').getByText('พร้อม').waitFor();
    await screenshot(page, '41-framework-editor-structure');
    // An OIT item renamed for the new year.
    await page.getByRole('tab', { name: 'ข้อ OIT' }).click();
    await page.getByLabel('O1 ชื่อ').fill('โครงสร้างหน่วยงาน (ปรับปรุง)');
    // A new item for the new year, after the last, named and scored 0 to 100.
    const oitRows = page.getByTestId('editor-oit').locator('tbody tr');
    const before = await oitRows.count();
    await page.getByTestId('editor-add-oit').click();
    await expect.poll(() => oitRows.count()).toBe(before + 1);
    const added = oitRows.last();
    const addedCode = await added.getByLabel(`ข้อ OIT ${before + 1} รหัส`).inputValue();
    await added.getByLabel(`${addedCode} ชื่อ`).fill('ข้อมูลการใช้ปัญญาประดิษฐ์ของหน่วยงาน');
    // The answer scales are edited in their own tab: each option's text, answer code and points.
    await page.getByRole('tab', { name: 'มาตรวัดคำตอบ' }).click();
    expect(await page.locator('[data-testid^="editor-scale-"]').count()).toBeGreaterThan(0);
    await page.getByTestId('editor-check').getByText('ไม่พบปัญหา').waitFor();
    await screenshot(page, '40-framework-editor');
    await page.getByTestId('editor-publish').click();
    await page.getByTestId('editor-publish-confirm').click();
    await page.getByTestId(`framework-${id}`).waitFor();
    await context.close();

    // A district opens the year's OIT checklist and an IIT self-assessment round on the new set.
    const district = await newPage(harness, { width: 1366, height: 900 });
    await signIn(district.page, harness, 'admin@bang-khae.demo');
    await district.page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await district.page.getByRole('link', { name: 'การเปิดเผยข้อมูล (OIT)', exact: true }).click();
    await district.page.getByTestId('oit-year').click();
    await district.page.getByRole('option', { name: `ปีงบประมาณ พ.ศ. ${year}`, exact: true }).click();
    await district.page.getByTestId('oit-open').click();
    await district.page.getByTestId('oit-item-O1').getByText('โครงสร้างหน่วยงาน (ปรับปรุง)').waitFor();
    await district.page.getByTestId(`oit-item-${addedCode}`).getByText('ข้อมูลการใช้ปัญญาประดิษฐ์ของหน่วยงาน').waitFor();
    await district.page.getByRole('link', { name: 'แบบสอบถามประเมินตนเอง', exact: true }).click();
    await district.page.getByTestId('survey-year').click();
    await district.page.getByRole('option', { name: `ปีงบประมาณ พ.ศ. ${year}`, exact: true }).click();
    expect(await district.page.getByTestId('survey-no-set').count()).toBe(0);
    const later = new Date(bangkok.getTime() + 30 * 86_400_000);
    const closes = district.page.getByLabel('วันปิดรับ');
    await closes.fill(`${later.getUTCDate()}/${later.getUTCMonth() + 1}/${later.getUTCFullYear() + 543}`);
    await closes.blur();
    await district.page.getByTestId('survey-open').click();
    await district.page.getByText(`แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายใน (IIT) · ปีงบประมาณ พ.ศ. ${year}`).waitFor();
    await district.context.close();
  }, 120_000);
});
