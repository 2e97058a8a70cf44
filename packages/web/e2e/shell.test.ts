import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, SCREENSHOTS, signIn, startHarness, type Harness } from './harness.js';

describe.runIf(browserAvailable)('web shell in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it('shows the login page in Thai and a Thai error for a wrong password', async () => {
    const { context, page } = await newPage(harness);
    await page.goto(harness.url);
    await expect.poll(() => page.getByRole('heading', { name: 'เข้าสู่ระบบ' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    // A demo server lists its accounts; one click fills the form.
    await page.getByTestId('demo-accounts').getByText('admin@bang-khae.demo').waitFor();
    expect(await page.getByText('README').count()).toBe(0);
    await screenshot(page, '01-login-th');
    await signIn(page, harness, 'admin@bang-khae.demo', 'wrong-password');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    await screenshot(page, '02-login-error-th');
    await context.close();
  });

  it('signs an agency admin in to their own district, with Buddhist-Era dates', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('เลขานุการคณะทำงาน ITA');
    expect(page.url()).toMatch(/\/a\/bang-khae$/);
    await page.locator('[data-testid=divisions] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=divisions] tbody tr').count()).toBe(10);
    const text = await page.textContent('body');
    expect(text).toMatch(/ปีงบประมาณ พ\.ศ\. 25\d\d/);
    expect(text).toMatch(/1 ตุลาคม 25\d\d – 30 กันยายน 25\d\d/);
    expect(await page.getByTestId('agency-switcher').count()).toBe(0);
    await screenshot(page, '03-overview-agency-admin-th');

    // Another district's page by URL: the server answers 404 and the UI says so.
    await page.goto(`${harness.url}/a/bang-sue`);
    await page.getByTestId('agency-error').waitFor();
    expect(await page.getByTestId('agency-error').textContent()).toContain('ไม่พบหน่วยงานนี้');
    expect(await page.getByText('สำนักงานเขตบางซื่อ').count()).toBe(0);
    await screenshot(page, '04-isolation-other-agency-th');
    await context.close();
  });

  it('switches the language to English and keeps it after a reload', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'director@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByText('English', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Bang Khae District Office' }).waitFor();
    expect(await page.textContent('body')).toContain('Agency overview');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, '05-overview-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Bang Khae District Office' }).waitFor();
    await page.getByText('ไทย', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await context.close();
  });

  it('lets a central admin switch agency', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@prongsai.demo');
    // Oversight lands on the city-wide view, and the picker names the agency the menu opens.
    await page.getByTestId('city-table').waitFor();
    expect(page.url()).toMatch(/\/city$/);
    const picked = await page.getByTestId('agency-switcher').inputValue();
    await page.getByRole('link', { name: 'ภาพรวมหน่วยงาน', exact: true }).click();
    await page.getByRole('heading', { name: picked }).waitFor();
    const switcher = page.getByTestId('agency-switcher');
    await switcher.click();
    await switcher.fill('บางซื่อ');
    await page.getByRole('option', { name: 'สำนักงานเขตบางซื่อ' }).click();
    await page.getByRole('heading', { name: 'สำนักงานเขตบางซื่อ' }).waitFor();
    expect(page.url()).toMatch(/\/a\/bang-sue\/?$/);
    await screenshot(page, '06-central-switched-agency');
    await page.getByRole('link', { name: 'บันทึกการแก้ไข' }).click();
    await page.getByRole('heading', { name: 'บันทึกการแก้ไข' }).waitFor();
    // In Thai, with the record's name and the person's.
    await page.getByTestId('audit-table').getByText('เข้าสู่ระบบ').first().waitFor();
    expect(await page.getByTestId('audit-table').textContent()).not.toMatch(/\blogin\b/);
    await page.screenshot({ path: `${SCREENSHOTS}07-audit-log.png` });
    await context.close();
  });

  it("shows a secretariat its own agency's audit log, and says so when a filter finds nothing", async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@lak-si.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await page.getByRole('link', { name: 'บันทึกการแก้ไข' }).click();
    await page.getByTestId('audit-table').getByText('เข้าสู่ระบบ').first().waitFor();
    const agencies = await page.locator('[data-testid=audit-table] tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(agencies)).toEqual(new Set(['สำนักงานเขตหลักสี่']));
    await page.getByLabel('ค้นหา').fill('ไม่มีข้อความนี้แน่นอน');
    await page.getByTestId('audit-filter').click();
    await page.getByTestId('audit-empty').waitFor();
    await context.close();
  });

  it('shows Thai digits to whoever chooses them, and keeps the choice', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    expect(await page.textContent('body')).toMatch(/ปีงบประมาณ พ\.ศ\. 25\d\d/);
    await page.getByTestId('thai-digits').check();
    await expect.poll(async () => page.textContent('body')).toMatch(/ปีงบประมาณ พ\.ศ\. ๒๕[๐-๙]{2}/);
    await page.reload();
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await expect.poll(async () => page.textContent('body')).toMatch(/ปีงบประมาณ พ\.ศ\. ๒๕[๐-๙]{2}/);
    await screenshot(page, '09-thai-digits');
    await context.close();
  });

  it('works on a phone: the menu folds into a burger', async () => {
    const { context, page } = await newPage(harness, { width: 390, height: 844 });
    await signIn(page, harness, 'finance@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    expect(await page.getByRole('button', { name: 'แก้ไข' }).count()).toBe(0);
    await screenshot(page, '08-phone-division-editor');
    await page.getByRole('button', { name: 'menu' }).click();
    await page.getByRole('link', { name: 'มาตรการ', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'มาตรการ' }).waitFor();
    expect(await page.getByRole('link', { name: 'บัญชีผู้ใช้' }).count()).toBe(0);
    await screenshot(page, '09-phone-measures');
    await context.close();
  });

  it('lets an agency admin create an account and shows its password once', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@lak-si.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตหลักสี่' }).waitFor();
    await page.getByRole('link', { name: 'บัญชีผู้ใช้' }).click();
    await page.getByLabel('อีเมล').fill('newstaff@lak-si.demo');
    await page.getByLabel('ชื่อที่แสดง').fill('เจ้าหน้าที่ใหม่');
    await page.getByRole('button', { name: 'สร้างบัญชี' }).click();
    await page.getByTestId('password-notice').waitFor();
    expect(await page.getByTestId('password-notice').textContent()).toMatch(/รหัสผ่านของ newstaff@lak-si.demo คือ \S{16}/);
    const rows = await page.locator('[data-testid=users] tbody tr').allTextContents();
    expect(rows.every((r) => r.includes('@lak-si.demo'))).toBe(true);
    await screenshot(page, '10-users-agency-admin');
    await context.close();
  });

  it('lets a central admin make a central admin overseeing one agency and those below it', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@prongsai.demo');
    await page.getByTestId('city-table').waitFor();
    await page.goto(`${harness.url}/admin/users`);
    await page.getByLabel('อีเมล').fill('overseer@prongsai.demo');
    await page.getByLabel('ชื่อที่แสดง').fill('ผู้กำกับดูแลเขต');
    await page.getByTestId('user-role').click();
    await page.getByRole('option', { name: 'ผู้ดูแลระบบส่วนกลาง' }).click();
    await page.getByTestId('user-oversees').fill('หลักสี่');
    await page.getByRole('option', { name: 'สำนักงานเขตหลักสี่' }).click();
    await page.getByRole('button', { name: 'สร้างบัญชี' }).click();
    await page.getByTestId('password-notice').waitFor();
    const row = page.locator('[data-testid=users] tbody tr', { hasText: 'overseer@prongsai.demo' });
    expect(await row.textContent()).toContain('กำกับดูแล สำนักงานเขตหลักสี่ และหน่วยงานในสังกัด');
    await context.close();
  });
});
