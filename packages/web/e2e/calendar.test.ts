import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILESTONES, NACC_WINDOWS } from '@prongsai/core';
import { browserAvailable, newPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

describe.runIf(browserAvailable)('the year at a glance in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it("shows a division editor on a phone what their division owes, and the year's steps", async () => {
    const { context, page } = await newPage(harness, { width: 390, height: 844 });
    await signIn(page, harness, 'finance@lak-si.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await page.getByTestId('calendar-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2567' }).click();
    await page.getByTestId('my-tasks').getByText('ส่งหลักฐาน OIT ข้อ O5').waitFor();
    const titles = await page.getByTestId('task').allTextContents();
    expect(titles.every((t) => /O[5-8]|รายงานความก้าวหน้า/.test(t))).toBe(true);
    expect(await page.getByTestId('timeline').locator('li').count()).toBe(MILESTONES.length);
    expect(await page.getByTestId('milestone-oit-evidence').textContent()).toContain('เลยกำหนด');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, '38-phone-year-at-a-glance');
    // A task's link lands on its item, not at the top of the page.
    await page.getByTestId('my-tasks').getByText('ส่งหลักฐาน OIT ข้อ O8').click();
    const item = page.getByTestId('oit-item-O8');
    await item.waitFor();
    await expect.poll(() => item.evaluate((node) => Math.round(node.getBoundingClientRect().top))).toBeLessThan(844);
    expect(await item.evaluate((node) => node.getBoundingClientRect().top)).toBeGreaterThanOrEqual(-1);
    await context.close();
  });

  it('shows the secretariat what to review, and the director what waits for approval', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'director@din-daeng.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตดินแดง' }).waitFor();
    await page.getByTestId('calendar-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2567' }).click();
    await page
      .getByTestId('my-tasks')
      .getByText(/อนุมัติและเผยแพร่รายการ OIT/)
      .waitFor();
    await context.close();
  });

  it('tells the secretariat which divisions are late, and prints what each one owes', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@lak-si.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await page.getByTestId('calendar-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2567', exact: true }).click();
    const tasks = page.getByTestId('my-tasks');
    await tasks.getByText('ฝ่ายการคลัง ยังไม่ส่งหลักฐาน OIT ที่เลยกำหนด 4 ข้อ (O5, O6, O7, O8)').waitFor();
    const shown = await page.getByTestId('task').count();
    await page.getByTestId('tasks-all').click();
    expect(await page.getByTestId('task').count()).toBeGreaterThan(shown);
    const sheet = page.getByTestId('task-sheet');
    await sheet.getByRole('button', { name: 'สร้าง PDF งานค้างรายฝ่าย' }).click();
    const download = sheet.getByRole('link', { name: 'ดาวน์โหลด' });
    await download.waitFor({ timeout: 20_000 });
    const response = await page.request.get(`${harness.url}${await download.getAttribute('href')}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, '40-secretariat-who-is-late');
    await context.close();
  });

  it('takes the dates people type, keeps what it cannot read with a message, and edits a window start', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@din-daeng.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตดินแดง' }).waitFor();
    await page.getByTestId('calendar-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2570', exact: true }).click();
    const step = page.getByTestId('milestone-iit-collection');
    await step.getByRole('button', { name: /แก้ไข/ }).click();
    const due = step.getByTestId('milestone-due-on');
    for (const typed of ['31 ม.ค. 2570', '31 มกราคม 2570', '31/01/70']) {
      await due.fill(typed);
      await due.blur();
      expect(await due.inputValue()).toBe('31/1/2570');
    }
    await due.fill('31 มกรา 2570');
    await due.blur();
    expect(await due.inputValue()).toBe('31 มกรา 2570');
    await step.getByText('อ่านวันที่นี้ไม่ได้').waitFor();
    await due.fill('20 ก.พ. 2570');
    await due.blur();
    const start = step.getByTestId('milestone-starts-on');
    await start.fill('1 ก.พ. 2570');
    await start.blur();
    await step.getByTestId('milestone-save').click();
    await step.getByText(/1 กุมภาพันธ์ 2570 – 20 กุมภาพันธ์ 2570/).waitFor();
    await context.close();
  });

  it('lets the secretariat mark a step done and make the calendar link, and shows oversight who is late', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByTestId('calendar-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2567' }).click();
    const schools = page.getByTestId('milestone-schools-data');
    await schools.getByText('เลยกำหนด').waitFor();
    await schools.getByRole('button', { name: /แก้ไข/ }).click();
    await schools.getByLabel('ดำเนินการแล้ว').check();
    await schools.getByTestId('milestone-save').click();
    await schools.getByText('เสร็จแล้ว').waitFor();
    await page.getByTestId('calendar-feed-make').click();
    expect(await page.getByTestId('calendar-feed-url').textContent()).toMatch(/\/ical\/[A-Za-z0-9_-]+\/2567\.ics$/);
    await context.close();
    const central = await newPage(harness, { width: 1366, height: 900 });
    await signIn(central.page, harness, 'admin@prongsai.demo');
    await central.page.getByTestId('late-milestones').waitFor();
    await expect
      .poll(() => central.page.getByTestId('late-milestones').locator('tbody tr').count(), { timeout: 15_000 })
      .toBe(MILESTONES.length - NACC_WINDOWS.length);
    expect(await central.page.getByTestId('late-milestones').textContent()).not.toContain('ระบบของสำนักงาน ป.ป.ช.');
    await central.context.close();
  });

  it('lets the secretariat write the memos from the calendar, issue them, and then finds the memo step done', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-sue.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางซื่อ' }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร', exact: true }).first().click();
    await page.getByTestId('documents-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2568', exact: true }).click();
    for (const [kind, number] of [
      ['collection', 'กท 7001/-'],
      ['schools', 'กท 7007/1302'],
    ] as const) {
      await page.getByTestId(`memo-summary-${kind}`).getByText('ร่าง ยังไม่ออกเลข').waitFor();
      await page.getByTestId(`memo-edit-${kind}`).click();
      const editor = page.getByTestId('memo-editor');
      await editor.waitFor();
      expect(await editor.getByTestId('memo-instructions-source').textContent()).toBe('จากปฏิทิน');
      expect(await editor.getByTestId('memo-save').textContent()).toBe('บันทึกร่าง');
      await editor.getByTestId('memo-number').fill(number);
      await editor.getByTestId('memo-signer-0').fill(kind === 'collection' ? 'นางสาวอรอุมา แก้วอินทร์' : 'นายเจษฎา จุฑาวิจิตร');
      if (kind === 'collection') await screenshot(page, '39-memo-editor');
      await editor.getByTestId('memo-issue').click();
      await editor.getByTestId('memo-issued').waitFor();
      await page.keyboard.press('Escape');
      await page
        .getByTestId(`memo-summary-${kind}`)
        .getByText(/ออกเลขแล้ว/)
        .waitFor();
    }
    await page.getByRole('link', { name: 'ภาพรวมหน่วยงาน', exact: true }).first().click();
    await page.getByTestId('calendar-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2568', exact: true }).click();
    await page.getByTestId('milestone-memos').getByText('เสร็จแล้ว').waitFor();
    await context.close();
  });
});
