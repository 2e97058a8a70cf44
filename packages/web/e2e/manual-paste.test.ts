import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

const noisy = readFileSync(new URL('../../core/src/framework/fixtures/manual-2566-noisy.txt', import.meta.url), 'utf8');

describe.runIf(browserAvailable)('pasting the manual in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it('reads the pasted manual onto a base set and lists the lines it could not place by number', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByTestId('oit-readiness').waitFor();
    await page.goto(`${harness.url}/admin/frameworks`);
    const section = page.getByTestId('manual-paste');
    await section.getByText('วางข้อความจากคู่มือ').first().waitFor();
    await section.getByLabel('ชุดคำถามฐาน (เช่น ของปีที่แล้ว)').click();
    await page.getByRole('option', { name: /^bma-district-2566/ }).click();
    await section.getByLabel('ข้อความจากคู่มือ').fill(noisy);
    await section.getByRole('button', { name: 'อ่านข้อความ' }).click();
    const result = page.getByTestId('manual-paste-result');
    await result.getByText('อ่านได้ 40 ข้อคำถาม และ 30 ข้อ OIT').waitFor();
    await result.getByText('บรรทัดที่จัดเข้าที่ไม่ได้: 3 บรรทัด').waitFor();
    const unplaced = page.getByTestId('manual-paste-unplaced');
    expect(await unplaced.locator('tbody tr').count()).toBe(3);
    await unplaced.getByText('■ ■ ■').waitFor();
    await section.getByRole('button', { name: 'ดาวน์โหลดฉบับร่าง (JSON)' }).waitFor();
    await screenshot(page, 'frameworks-manual-paste');
    // The draft opens in the editor, to be given the new year's id, checked and published there.
    await section.getByTestId('manual-paste-open').click();
    await page.getByRole('heading', { name: 'แก้ไขชุดคำถาม bma-district-2566-manual' }).waitFor();
    await page.getByRole('tab', { name: 'คำถามและข้อย่อย' }).click();
    await page.getByTestId('editor-question-I1').waitFor();
    await page.getByRole('tab', { name: 'ข้อมูลชุด' }).click();
    await page.getByTestId('editor-id').fill('bma-district-2599');
    await page.getByRole('heading', { name: 'แก้ไขชุดคำถาม bma-district-2599' }).waitFor();
    await context.close();
  });
});
