import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, SCREENSHOTS, screenshot, signIn, startHarness, type Harness } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page (WCAG 2 A and AA rules); answers the violations, each with where it is. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
  });
  return violations;
}

/** The demo's OIT checklists are of FY2567: the page opens on the current year, so the test picks 2567. */
async function openDemoYear(page: Page) {
  await page.getByTestId('oit-year').click();
  await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2567', exact: true }).click();
}

describe.runIf(browserAvailable)('the OIT workspace in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it("lets a division editor add a document and a link to their division's item from a phone, and send it", async () => {
    const pdf = join(tmpdir(), 'prongsai-o5.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const { context, page } = await newPage(harness, { width: 390, height: 844 });
    await signIn(page, harness, 'finance@lak-si.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await page.getByRole('button', { name: 'menu' }).click();
    await page.getByRole('link', { name: 'การเปิดเผยข้อมูล (OIT)', exact: true }).click();
    await openDemoYear(page);
    const card = page.getByTestId('oit-item-O5');
    await card.waitFor();
    // Only the finance division's items (O5–O8 in the demo) are shown to it.
    expect(await page.locator('[data-testid^=oit-item-]').count()).toBe(4);
    await card.getByTestId('oit-open-form').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByTestId('oit-file').click()]);
    await chooser.setFiles(pdf);
    await card.getByTestId('oit-title').fill('รายงานผลการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2567');
    await card.getByTestId('oit-add').click();
    await expect.poll(() => card.getByTestId('oit-evidence').count()).toBe(1);
    await card.getByTestId('oit-link').fill('https://webportal.bangkok.go.th/laksi/page/sub/20001');
    await card.getByTestId('oit-title').fill('ประกาศผลการจัดซื้อจัดจ้างบนเว็บไซต์');
    await card.getByTestId('oit-add').click();
    await expect.poll(() => card.getByTestId('oit-evidence').count()).toBe(2);
    // A link that is not a web address is refused with a Thai message before it is sent.
    await card.getByTestId('oit-link').fill('javascript:alert(1)');
    await card.getByText('ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://').waitFor();
    expect(await card.getByTestId('oit-add').isDisabled()).toBe(true);
    await card.getByTestId('oit-link').fill('');
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${SCREENSHOTS}30-phone-oit-evidence.png` });
    expect(await accessibilityViolations(page)).toEqual([]);
    await card.getByTestId('oit-submit').click();
    await expect.poll(() => card.getByTestId('oit-status').textContent()).toBe('รอตรวจ');
    await context.close();
  });

  it('publishes what the secretariat accepted and the director approved, on an accessible public page', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@lak-si.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await page.getByRole('link', { name: 'การเปิดเผยข้อมูล (OIT)', exact: true }).click();
    await openDemoYear(page);
    const card = page.getByTestId('oit-item-O5');
    await card.getByTestId('oit-accept').click();
    await expect.poll(() => card.getByTestId('oit-status').textContent()).toBe('ผ่านการตรวจ');
    // O5 stays at risk until its link is checked, as does O1, sent earlier; the other 20 are missing.
    await page.getByTestId('oit-prediction').getByText('เสี่ยง 2 ข้อ').waitFor();
    expect(await page.getByTestId('oit-predicted-oit').textContent()).toMatch(/^คะแนน OIT ที่คาดว่าจะได้ 0\.00 – \d+\.\d{2}$/);
    await screenshot(page, '31-oit-board-secretariat');
    await context.close();

    const director = await newPage(harness, { width: 1366, height: 900 });
    await signIn(director.page, harness, 'director@lak-si.demo');
    await director.page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await director.page.getByRole('link', { name: 'การเปิดเผยข้อมูล (OIT)', exact: true }).click();
    await openDemoYear(director.page);
    await director.page.getByTestId('oit-approve').click();
    // The dialog names what becomes public and what is still open before anything is published.
    const dialog = director.page.getByTestId('oit-approve-dialog');
    expect(await dialog.getByTestId('oit-approve-accepted').textContent()).toBe('O5');
    expect(await dialog.getByTestId('oit-approve-open').textContent()).toContain('ยังไม่ผ่านการตรวจ 21 ข้อ');
    expect(await director.page.getByTestId('oit-public-link').count()).toBe(0);
    await dialog.getByTestId('oit-approve-confirm').click();
    const link = director.page.getByTestId('oit-public-link');
    await link.waitFor();
    expect(await link.textContent()).toBe('/t/lak-si/2567');
    await director.context.close();

    const visitor = await newPage(harness, { width: 390, height: 844 });
    await visitor.page.goto(`${harness.url}/t/lak-si/2567`);
    await visitor.page.getByRole('heading', { level: 1 }).waitFor();
    const items = await visitor.page.locator('ul.items > li h3').allTextContents();
    expect(items.map((t) => t.split(/\s/)[0])).toEqual(['O5']);
    expect(await accessibilityViolations(visitor.page)).toEqual([]);
    await visitor.page.getByRole('link', { name: /^O5/ }).click();
    await visitor.page.getByText('ประกาศผลการจัดซื้อจัดจ้างบนเว็บไซต์').waitFor();
    expect(await accessibilityViolations(visitor.page)).toEqual([]);
    expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(visitor.page, '32-phone-transparency-item');
    await visitor.context.close();
  });

  it("shows central oversight every district's OIT readiness", async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    const table = page.getByTestId('oit-readiness');
    await table.getByText('สำนักงานเขตบางแค').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: `${SCREENSHOTS}33-city-oit-readiness.png` });
    await context.close();
  });

  it("lets a central admin check a new year's framework, see its problems, and load it", async () => {
    const source = JSON.parse(
      readFileSync(new URL('../../../frameworks/bma-district-2567.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const good = { ...source, id: 'bma-district-2568', fiscalYears: [2568] };
    const broken = { ...good, levels: undefined, tools: [] };
    const goodFile = join(tmpdir(), 'bma-district-2568.json');
    const brokenFile = join(tmpdir(), 'bma-district-2568-broken.json');
    writeFileSync(goodFile, JSON.stringify(good));
    writeFileSync(brokenFile, JSON.stringify(broken));
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByTestId('oit-readiness').waitFor();
    await page.goto(`${harness.url}/admin/frameworks`);
    const choose = async (file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('framework-file').click()]);
      await chooser.setFiles(file);
    };
    await choose(brokenFile);
    await page.getByTestId('framework-check').click();
    // Each problem in Thai: where it is in the set and what is wrong.
    await page.getByTestId('framework-problems').getByText('ระดับผลการประเมิน: ต้องกรอก', { exact: true }).waitFor();
    expect(await page.getByTestId('framework-load').isDisabled()).toBe(true);
    await choose(goodFile);
    await page.getByTestId('framework-check').click();
    await page
      .getByTestId('framework-checked')
      .getByText(/ตรวจแล้วไม่พบปัญหา: bma-district-2568/)
      .waitFor();
    await page.getByTestId('framework-load').click();
    await page.getByRole('cell', { name: 'bma-district-2568', exact: true }).waitFor();
    await screenshot(page, '34-frameworks-loaded');
    await context.close();
  });

  it('runs the clarification round: preliminary scores, a disputed item with its clarification, the form, the confirmed score', async () => {
    const rows = Array.from({ length: 22 }, (_, i) =>
      i === 6 ? `O7,,0.00,,ไม่พบรายงานผลการจัดซื้อจัดจ้างของปีงบประมาณ พ.ศ. 2567,` : `O${i + 1},,100.00,,- ไม่มี,`,
    );
    const file = join(tmpdir(), 'bang-khae-2567-oit-preliminary.csv');
    writeFileSync(file, ['code,name,score,urls,suggestion,explanation', ...rows].join('\n'));
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    // FY2567's checklist (a later year may be offered once its framework is loaded).
    await page.evaluate(() => localStorage.setItem('prongsai:oit:bang-khae', '2567'));
    await page.getByRole('link', { name: 'การเปิดเผยข้อมูล (OIT)', exact: true }).click();
    const panel = page.getByTestId('clarification');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByTestId('clarification-file').click()]);
    await chooser.setFiles(file);
    await panel.getByTestId('clarification-import').click();
    const row = panel.getByTestId('clarification-O7');
    await row.waitFor();
    // Only the items below full score are listed to dispute.
    expect(await panel.locator('[data-testid^=clarification-O]').count()).toBe(1);
    await row.getByTestId('clarification-dispute').check();
    await row.getByTestId('clarification-text').fill('หน่วยงานเผยแพร่รายงานผลการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2567 แล้วตาม URL ที่แนบ');
    await row.getByTestId('clarification-save').click();
    await expect.poll(() => panel.getByTestId('clarification-summary').textContent()).toContain('ขอชี้แจง 1 ข้อ');
    await panel.getByTestId('make-PDF').click();
    await panel.getByTestId('download-PDF').waitFor();
    await panel.getByTestId('clarification-confirmed-O7').fill('100');
    await panel.getByTestId('clarification-confirm').click();
    await expect.poll(() => panel.getByTestId('clarification-summary').textContent()).toContain('ยืนยันผลแล้ว คะแนน OIT 100.00');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SCREENSHOTS}35-oit-clarification.png` });
    await context.close();
  });

  it('offers the current and the next fiscal year, and says when a year has no set to open its checklist from', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByRole('link', { name: 'การเปิดเผยข้อมูล (OIT)', exact: true }).click();
    const bangkok = new Date(Date.now() + 7 * 3600_000);
    const next = bangkok.getUTCFullYear() + 543 + (bangkok.getUTCMonth() >= 9 ? 1 : 0) + 1;
    await page.getByTestId('oit-year').click();
    await page.getByRole('option', { name: `ปีงบประมาณ พ.ศ. ${next}`, exact: true }).click();
    await page.getByTestId('oit-no-set').getByText(`ยังไม่มีชุดคำถามปี ${next} ที่มีรายการ OIT`).waitFor();
    expect(await page.getByTestId('oit-open').count()).toBe(0);
    await context.close();
  });
});
