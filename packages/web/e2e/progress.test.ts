import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, SCREENSHOTS, signIn, startHarness, type Harness } from './harness.js';

describe.runIf(browserAvailable)('measures and progress in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it("shows Bang Khae's FY2567 plan and lets the secretariat edit an entry with a library suggestion", async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByRole('link', { name: 'มาตรการ', exact: true }).click();
    await page.getByTestId('plan-question').waitFor();
    const codes = await page.locator('[data-testid=plan-question] tbody tr td:nth-child(2)').allTextContents();
    expect(codes.map((c) => c.match(/^[IE]\d+?(?=\d{2}\.\d{2})/)?.[0])).toEqual([
      'I8',
      'I9',
      'I11',
      'I13',
      'I16',
      'I17',
      'I20',
      'I22',
      'E12',
    ]);
    // A new plan for this fiscal year says which results it would answer.
    const basis = await page.getByTestId('plan-basis').textContent();
    expect(basis).toMatch(/ยังไม่มีผลการประเมินปี พ\.ศ\. \d{4} แผนใหม่จะอ้างอิงผลปี พ\.ศ\. \d{4}|มาตรการตามข้อที่ต่ำกว่าเกณฑ์/);
    await screenshot(page, '16-measures-plan-bang-khae');
    await page.getByTestId('edit-I8').click();
    await page.getByTestId('library-hits').locator('button').first().waitFor();
    await screenshot(page, '17-measures-entry-editor');
    await page.getByTestId('library-hits').getByRole('button', { name: 'ใช้ข้อความนี้' }).first().click();
    expect(await page.getByTestId('entry-measures').inputValue()).not.toBe('');
    // A date error is shown on the field, in view, and บันทึก waits for it to be put right.
    await page.getByTestId('entry-start-date').fill('1 มี.ค. 2567');
    await page.getByTestId('entry-start-date').blur();
    await page.getByTestId('entry-end-date').fill('1 ก.พ. 2567');
    await page.getByTestId('entry-end-date').blur();
    await page.getByText('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม').waitFor();
    expect(await page.getByText('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม').isVisible()).toBe(true);
    expect(await page.getByTestId('entry-save').isDisabled()).toBe(true);
    await page.getByTestId('entry-end-date').fill('30 ก.ย. 2567');
    await page.getByTestId('entry-end-date').blur();
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-save').waitFor({ state: 'detached' });
    // The plan shows each entry's period, and measures carry over to any later year.
    await page.getByTestId('plan-question').getByText('1 มีนาคม 2567 – 30 กันยายน 2567').waitFor();
    await page.getByTestId('carry-to').click();
    const years = await page.getByRole('option').allTextContents();
    expect(years).toContain('ปีงบประมาณ พ.ศ. 2568');
    expect(years).toContain('ปีงบประมาณ พ.ศ. 2569');
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('lets a division editor report progress and upload a photo from a phone', async () => {
    const photo = join(tmpdir(), 'prongsai-activity.jpg');
    writeFileSync(
      photo,
      await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 120, b: 200 } } })
        .jpeg()
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '13/1 43/1 0/1' } })
        .toBuffer(),
    );
    const second = join(tmpdir(), 'prongsai-activity-2.jpg');
    writeFileSync(
      second,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 80, b: 40 } } })
        .jpeg()
        .toBuffer(),
    );
    const huge = join(tmpdir(), 'prongsai-huge.jpg');
    writeFileSync(huge, Buffer.alloc(16 * 1024 * 1024, 1));
    const { context, page } = await newPage(harness, { width: 390, height: 844 });
    await signIn(page, harness, 'finance@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByRole('button', { name: 'menu' }).click();
    await page.getByRole('link', { name: 'รายงานความก้าวหน้า', exact: true }).click();
    const card = page.getByTestId('report-I8');
    await card.waitFor();
    // I8 is a measure of every division: the finance division writes its own part of it.
    expect(await card.getByTestId('report-narrative').count()).toBe(0);
    await card.getByTestId('part-narrative').fill('ฝ่ายการคลังจัดประชุมชี้แจงงบประมาณให้เจ้าหน้าที่แล้ว เมื่อ 15 มกราคม 2567');
    await card.getByTestId('part-status').click();
    await page.getByRole('option', { name: 'ดำเนินการแล้ว' }).click();
    // A file over 15 MB is refused before it is sent.
    const [tooBig] = await Promise.all([page.waitForEvent('filechooser'), card.getByTestId('evidence-file').click()]);
    await tooBig.setFiles(huge);
    await card.getByText('ไฟล์ใหญ่เกิน 15 MB: prongsai-huge.jpg').waitFor();
    expect(await card.getByTestId('evidence-upload').isDisabled()).toBe(true);
    // Two photos at once, as from a phone's gallery, then the second moved first.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByTestId('evidence-file').click()]);
    await chooser.setFiles([photo, second]);
    // Each photo gets its own caption.
    await card.getByTestId('evidence-caption').fill('ประชุมชี้แจงงบประมาณ ณ ห้องประชุมสำนักงานเขต');
    await card.getByTestId('evidence-caption-1').fill('เจ้าหน้าที่ตอบข้อซักถามหลังการประชุม');
    await card.getByTestId('evidence-upload').click();
    await expect.poll(() => card.getByTestId('evidence').locator('img').count()).toBe(2);
    const captions = await card.getByTestId('evidence').locator('p').allTextContents();
    expect(captions).toEqual(['1. ประชุมชี้แจงงบประมาณ ณ ห้องประชุมสำนักงานเขต', '2. เจ้าหน้าที่ตอบข้อซักถามหลังการประชุม']);
    const firstBefore = await card.getByTestId('evidence').locator('img').first().getAttribute('src');
    await card.getByTestId('evidence-move-later').first().click();
    await expect.poll(() => card.getByTestId('evidence').locator('img').nth(1).getAttribute('src')).toBe(firstBefore);
    await card.getByTestId('part-submit').click();
    // Its part is sent; the report waits for the other divisions' parts.
    await expect.poll(() => card.getByTestId('division-parts').getByText('ส่งแล้ว', { exact: true }).count()).toBe(1);
    expect(await card.getByTestId('review-badge').textContent()).toBe('ร่าง');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${SCREENSHOTS}18-phone-progress-upload.png` });
    // A division editor sees no completeness table of other divisions.
    expect(await page.getByText('ฝ่ายโยธา').count()).toBe(0);
    // Nor may it approve the round or review a report.
    expect(await page.getByTestId('round-approve').count()).toBe(0);
    expect(await page.getByTestId('review-state').count()).toBe(0);
    // The filter tabs stack on the phone rather than run past its screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it("shows the secretariat each division's part of a measure of every division, counted per division", async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByRole('link', { name: 'รายงานความก้าวหน้า', exact: true }).click();
    const card = page.getByTestId('report-I8');
    await card.getByTestId('division-parts').waitFor();
    const finance = card.getByTestId('division-parts').locator('[data-testid^=part-]').filter({ hasText: 'ฝ่ายการคลัง' });
    expect(await finance.getByTestId('part-badge').first().textContent()).toBe('ส่งแล้ว');
    expect(await card.getByTestId('division-parts').getByText('ยังไม่ส่ง', { exact: true }).count()).toBeGreaterThan(5);
    // Only the division that sent its part has reported I8.
    const reported = async (division: string) =>
      (await page.getByTestId(`completeness-${division}`).locator('td').last().textContent())?.split('/')[0];
    expect(await reported('ฝ่ายการคลัง')).toBe('1');
    expect(await reported('ฝ่ายโยธา')).toBe('0');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${SCREENSHOTS}19c-progress-division-parts.png` });
    // Nothing waits for review yet, and the filter shows what each division still owes.
    expect(await page.getByTestId('review-state').textContent()).toBe('ตรวจครบทุกรายการที่ส่งมาแล้ว');
    await page
      .getByTestId('review-filter')
      .getByText(/^ส่งกลับ \(0\)$/)
      .click();
    await expect
      .poll(() =>
        page
          .locator('[data-testid^=report-]')
          .filter({ has: page.getByTestId('review-badge') })
          .count(),
      )
      .toBe(0);
    await page
      .getByTestId('review-filter')
      .getByText(/^ยังไม่ส่ง/)
      .click();
    await page.getByTestId('report-I8').waitFor();
    await context.close();
  });

  it("shows Din Daeng's six-month report with its photos, and lets the executive approve the round", async () => {
    const { context, page } = await newPage(harness, { width: 1280, height: 900 });
    await signIn(page, harness, 'director@din-daeng.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตดินแดง' }).waitFor();
    await page.getByRole('link', { name: 'รายงานความก้าวหน้า', exact: true }).click();
    await page.locator('[data-testid=evidence] img').first().waitFor();
    await screenshot(page, '19-progress-din-daeng');
    await page.getByTestId('round-approve').click();
    // The dialog lists what is unsent or unreviewed and asks why to approve anyway.
    const dialog = page.getByTestId('approve-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('approve-confirm').isDisabled()).toBe(true);
    await dialog.screenshot({ path: `${SCREENSHOTS}19a-progress-approve-dialog.png` });
    await page.getByTestId('approve-reason').fill('อนุมัติรายงานที่ส่งแล้ว ส่วนที่เหลือติดตามในรอบ 12 เดือน');
    await page.getByTestId('approve-confirm').click();
    await expect.poll(() => page.getByTestId('round-status').textContent()).toContain('อนุมัติแล้ว');
    // What was approved is kept, and shown, as revision 1.
    const history = page.getByTestId('revision-history');
    await history.getByText('ฉบับที่ 1').click();
    await history.getByRole('table').waitFor();
    await history.screenshot({ path: `${SCREENSHOTS}19b-progress-revision-history.png` });
    await context.close();
  });
});
