import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

describe.runIf(browserAvailable)('the agencies page in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it('checks a list first, names its bad rows, then imports it; and lists the kinds of agency', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-agencies-e2e-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'code,name_th,name_en,kind,parent_code\n9001,ก,A,planet,\n9002,,B,sao,\n');
    const good = join(dir, 'agencies.csv');
    writeFileSync(
      good,
      'code,name_th,name_en,kind,parent_code\n50,จังหวัดเชียงใหม่,Chiang Mai Province,province,\n5001,เทศบาลนครเชียงใหม่,Chiang Mai City Municipality,municipality,50\n1040,สำนักงานเขตบางแค,Bang Khae District Office,district,\n',
    );
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByRole('link', { name: 'หน่วยงานและประเภท' }).click();
    await page.getByTestId('agency-kinds').getByText('municipality').waitFor();
    await page.getByTestId('agency-kinds').getByText('ค่าตั้งต้น รอตรวจทาน').first().waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('agencies-file').click();
    await (await chooser).setFiles(bad);
    await page.getByTestId('agencies-check').click();
    const problems = page.getByTestId('agencies-problems');
    await problems.getByText('ไม่ได้นำเข้า พบปัญหา 2 รายการ').waitFor();
    await problems.getByText(/แถว 2, คอลัมน์ kind/).waitFor();
    await problems.getByText(/แถว 3, คอลัมน์ name_th/).waitFor();

    const again = page.waitForEvent('filechooser');
    await page.getByTestId('agencies-file').click();
    await (await again).setFiles(good);
    await page.getByTestId('agencies-check').click();
    const plan = page.getByTestId('agencies-plan');
    await plan.getByText('เพิ่ม 2 · ปรับปรุง 0 · ไม่เปลี่ยนแปลง 1 หน่วยงาน', { exact: false }).waitFor();
    expect(await plan.getByText('เพิ่มใหม่').count()).toBe(2);
    await screenshot(page, 'agencies-import-plan');
    await page.getByTestId('agencies-import').click();
    await plan.getByText('นำเข้าเรียบร้อย', { exact: false }).waitFor();

    // A kind is edited as its JSON; a bad one is refused with the field named.
    await page.getByTestId('kind-edit-school').click();
    const json = page.getByTestId('kind-json');
    const school = JSON.parse(await json.inputValue()) as { nameTh: string; naming: { agencyTh: string } };
    await json.fill(JSON.stringify({ ...school, naming: { ...school.naming, agencyTh: 'โรงเรียน' } }));
    await page.getByTestId('kind-save').click();
    await page
      .getByTestId('kind-error')
      .getByText(/naming\.agencyTh/)
      .waitFor();
    await json.fill(JSON.stringify({ ...school, nameTh: 'โรงเรียน (สพฐ.)' }));
    await page.getByTestId('kind-save').click();
    await page.getByTestId('agency-kinds').getByText('โรงเรียน (สพฐ.)').waitFor();
    await context.close();
  });
});
