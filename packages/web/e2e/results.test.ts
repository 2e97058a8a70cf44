import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

const example = (name: string) => fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url));

describe.runIf(browserAvailable)('results in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it('shows the Bang Khae FY2566 dashboard: scores, level, charts and the weak questions', async () => {
    const { context, page } = await newPage(harness, { width: 1280, height: 900 });
    await signIn(page, harness, 'director@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByRole('link', { name: 'ผลการประเมิน', exact: true }).click();
    await page.getByTestId('ita-card').waitFor();
    await page.getByTestId('year-select').click();
    await page.getByRole('option', { name: 'พ.ศ. 2566' }).click();
    await expect.poll(() => page.getByTestId('ita-card').textContent()).toContain('94.87');
    expect(await page.getByTestId('ita-card').textContent()).toContain('ผ่านดี');
    const weak = await page.locator('[data-testid=weak-points] tbody tr td:first-child').allTextContents();
    expect(weak).toEqual(['I8', 'I9', 'I11', 'I13', 'I16', 'I17', 'I20', 'I22', 'E12']);
    expect(await page.getByRole('img', { name: 'กราฟใยแมงมุมคะแนน 10 ตัวชี้วัด' }).locator('svg').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'นำเข้าผลการประเมิน' }).count()).toBe(0);
    await screenshot(page, '11-results-dashboard-bang-khae');

    await page.getByLabel('คะแนนเป้าหมาย I22').fill('100');
    await page.getByTestId('whatif-calculate').click();
    await page.getByTestId('whatif-result').waitFor();
    expect(await page.getByTestId('whatif-result').textContent()).toMatch(/ITA 95\.\d\d/);
    await page.getByTestId('plan-run').click();
    await page.getByTestId('plan-result').waitFor();
    expect(await page.getByTestId('plan-result').textContent()).toContain('ผ่านดีเยี่ยม');
    await screenshot(page, '12-results-what-if');
    await context.close();
  });

  it('imports a file through the wizard: preview with warnings, then commit', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@din-daeng.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตดินแดง' }).waitFor();
    await page.getByRole('link', { name: 'ผลการประเมิน', exact: true }).click();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-year').fill('2568');
    // FY2568 has no framework yet: the server says so, in Thai.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-file').click()]);
    await chooser.setFiles(example('bang-khae-2566-distributions.csv'));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('ไม่มีชุดคำถามสำหรับปีงบประมาณ 2568');
    await page.getByTestId('import-year').fill('2566');
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-result').waitFor();
    expect(await page.getByTestId('import-target').textContent()).toBe(
      'นำเข้าเป็นผลการประเมินปีงบประมาณ พ.ศ. 2566 ของสำนักงานเขตดินแดง ด้วยชุดคำถาม bma-district-2566',
    );
    expect(await page.getByTestId('import-warnings').textContent()).toContain('I11.1: ร้อยละของคำตอบรวมกันได้ 99.85');
    await screenshot(page, '13-import-preview');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('button', { name: 'ปิด' }).click();
    await page.getByTestId('imports').waitFor();
    expect(await page.getByTestId('imports').textContent()).toContain('bang-khae-2566-distributions.csv');
    await screenshot(page, '14-results-after-import');
    await context.close();
  });

  it("says plainly when the year's framework has no name for a weak OIT item (Lak Si FY2567)", async () => {
    const { context, page } = await newPage(harness, { width: 1280, height: 900 });
    await signIn(page, harness, 'director@lak-si.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await page.getByRole('link', { name: 'ผลการประเมิน', exact: true }).click();
    const row = page.getByTestId('weak-points').locator('tbody tr').filter({ hasText: 'O15' });
    await row.waitFor();
    expect(await row.getByTestId('unit-text-unknown').textContent()).toContain('ไม่ระบุชื่อข้อนี้');
    await context.close();
  });

  it('shows the city-wide view to central users', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByTestId('city-table').waitFor();
    // No results of the current fiscal year yet: the page says which year it shows instead.
    expect(await page.getByTestId('city-latest-results').textContent()).toMatch(
      /^ยังไม่มีผลการประเมินปีงบประมาณ พ\.ศ\. \d{4} จึงแสดงผลล่าสุดของปี \d{4}$/,
    );
    await page.getByTestId('city-year').click();
    await page.getByRole('option', { name: 'ปีงบประมาณ พ.ศ. 2566' }).click();
    await expect.poll(() => page.locator('[data-testid=city-table] tbody tr').count()).toBe(50);
    // The heading counts the agencies shown, not a fixed number.
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('ภาพรวมทั้ง 50 หน่วยงาน');
    // Indicators are named, and the district stays in view when the table scrolls sideways.
    const head = page.locator('[data-testid=city-table] thead');
    for (const name of ['การปฏิบัติหน้าที่', 'การใช้งบประมาณ', 'การเปิดเผยข้อมูล', 'การป้องกันการทุจริต']) {
      await expect.poll(() => head.textContent()).toContain(name);
    }
    expect(await page.getByTestId('batch-year').inputValue()).toMatch(/^ปีงบประมาณ พ\.ศ\. \d{4}$/);
    await screenshot(page, '15-city-wide-2566');
    const scrolled = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('[data-testid=city-table-scroll]')!;
      box.scrollLeft = box.scrollWidth;
      const cell = document.querySelector('[data-testid=city-table] tbody tr td:nth-child(2)')!.getBoundingClientRect();
      return { scrollLeft: box.scrollLeft, cellLeft: cell.left, boxLeft: box.getBoundingClientRect().left };
    });
    expect(scrolled?.scrollLeft).toBeGreaterThan(0);
    expect(scrolled!.cellLeft).toBeGreaterThanOrEqual(scrolled!.boxLeft);
    expect(scrolled!.cellLeft).toBeLessThan(scrolled!.boxLeft + 100);
    await screenshot(page, '15b-city-wide-scrolled');
    await page.getByRole('button', { name: /^ITA/ }).click();
    const first = await page.locator('[data-testid=city-table] tbody tr').first().textContent();
    expect(first).toBeTruthy();
    // The server sorts, searches and pages: the search keeps one district, ranked among all.
    await page.getByTestId('city-search').fill('บางแค');
    await expect.poll(() => page.locator('[data-testid=city-table] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid=city-table] tbody tr').first().textContent()).toMatch(/^\d+บางแค/);
    expect(await page.getByTestId('city-pages').textContent()).toContain('แสดง 1–1 จาก 1 หน่วยงาน');
    await context.close();
  });

  it('makes a document for every agency overseen and follows the batch a page at a time', async () => {
    // The jobs stay queued: the test follows the batch, and marks jobs as the queue would.
    await harness.app.documentJobs.stop();
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByTestId('batch-start').click();
    // Bangkok's 50 districts and Nonthaburi's seven agencies, 50 to a page.
    await expect.poll(() => page.getByTestId('batch-counts').textContent(), { timeout: 10_000 }).toBe('เสร็จแล้ว 0 จาก 57 หน่วยงาน');
    await expect.poll(() => page.locator('[data-testid=batch-jobs] tbody tr').count()).toBe(50);
    expect(await page.getByTestId('batch-pages').textContent()).toContain('แสดง 1–50 จาก 57 หน่วยงาน');
    expect(await page.getByTestId('batch-start').isDisabled()).toBe(true);
    const { kysely } = harness.db;
    const sue = await kysely
      .selectFrom('document_jobs')
      .innerJoin('agencies', 'agencies.id', 'document_jobs.agency_id')
      .select('document_jobs.id')
      .where('agencies.slug', '=', 'bang-sue')
      .where('document_jobs.status', '=', 'queued')
      .executeTakeFirstOrThrow();
    await kysely.updateTable('document_jobs').set({ status: 'done', progress: 100 }).where('id', '=', sue.id).execute();
    // The page reads the batch again while jobs are queued.
    await expect.poll(() => page.getByTestId('batch-counts').textContent(), { timeout: 10_000 }).toBe('เสร็จแล้ว 1 จาก 57 หน่วยงาน');
    await page.getByTestId('batch-search').fill('บางซื่อ');
    await expect.poll(() => page.locator('[data-testid=batch-jobs] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid=batch-jobs] tbody tr a').getAttribute('href')).toBe(`/api/jobs/${sue.id}/file`);
    await page.getByTestId('batch-search').fill('นนทบุรี');
    await expect.poll(() => page.locator('[data-testid=batch-jobs] tbody tr').count()).toBe(3);
    await screenshot(page, '15c-city-document-batch');
    // Every job finished: the batch is done, and a new one may start.
    await kysely.updateTable('document_jobs').set({ status: 'failed' }).where('status', '=', 'queued').execute();
    await expect.poll(() => page.getByTestId('batch-start').isDisabled(), { timeout: 10_000 }).toBe(false);
    await context.close();
  });
});
