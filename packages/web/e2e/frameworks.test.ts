import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

describe.runIf(browserAvailable)('the ITA sets in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it("shows each set's readiness and provenance, and a provisional set as such", async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByTestId('oit-readiness').waitFor();
    await page.goto(`${harness.url}/admin/frameworks`);
    const main = page.getByTestId('framework-nacc-main-2568');
    await main.getByTestId('framework-provisional').getByText('ชั่วคราว — ยังไม่ได้ยืนยันกับคู่มือของ ป.ป.ช.').waitFor();
    expect(await page.getByTestId('framework-nacc-main-2569').getByTestId('framework-provisional').count()).toBe(1);
    const fy2567 = page.getByTestId('framework-bma-district-2567');
    const fy2567Readiness = page.getByTestId('framework-bma-district-2567-readiness');
    expect(await fy2567.getByTestId('framework-provisional').count()).toBe(0);
    await fy2567Readiness.getByText('O1, O2, O4–O18, O20–O22: ไม่มีชื่อข้อ').first().waitFor();
    await fy2567Readiness.getByText('E1–E6: ไม่มีข้อย่อยและมาตรวัด').first().waitFor();
    // Its provenance names the transcription it was built from, never as NACC's own text.
    await main.locator('summary').click();
    await main.getByText(/rtrdasmartrailway\/web-app-rtrda/).waitFor();
    await main.getByText('สำเนาที่หน่วยงานอื่นถอดไว้ ไม่ใช่ต้นฉบับของ ป.ป.ช.', { exact: false }).first().waitFor();
    await screenshot(page, 'frameworks-readiness');
    await context.close();
  });
});
