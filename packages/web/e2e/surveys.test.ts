import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, SCREENSHOTS, screenshot, signIn, startHarness, type Harness } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

describe.runIf(browserAvailable)('self-assessment surveys in Chromium', () => {
  let harness: Harness;
  let round: { id: number; code: string };
  let headers: Record<string, string>;
  beforeAll(async () => {
    harness = await startHarness();
    const login = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@din-daeng.demo', password: 'prongsai-demo' },
    });
    const cookie = login.cookies.find((c) => c.name === 'prongsai_session')!;
    headers = { cookie: `prongsai_session=${cookie.value}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
    const rounds = (await harness.app.inject({ method: 'GET', url: '/api/agencies/din-daeng/surveys', headers })).json() as {
      id: number;
      code: string;
      tool: string;
    }[];
    round = rounds.find((r) => r.tool === 'IIT')!;
  }, 60_000);
  afterAll(async () => harness?.close());

  const total = async () =>
    (
      (await harness.app.inject({ method: 'GET', url: `/api/surveys/${round.id}/progress`, headers })).json() as {
        total: number | null;
      }
    ).total;
  /** Responses kept: counted, or sealed and waiting to be counted in a batch of 5. */
  const kept = async () => {
    const waiting = await harness.db.kysely
      .selectFrom('survey_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    const counted = await harness.db.kysely
      .selectFrom('survey_counts')
      .select((eb) => eb.fn.sum<number>('responses').as('n'))
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    return Number(waiting.n) + Number(counted.n ?? 0);
  };

  it('takes a respondent through the form on a phone, keeping unfinished answers, then thanks them', async () => {
    const [before, keptBefore] = [await total(), await kept()];
    const { context, page } = await newPage(harness, { width: 360, height: 740 });
    await page.goto(`${harness.url}/s/${round.code}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const fieldsets = page.locator('fieldset');
    const count = await fieldsets.count();
    expect(count).toBe(37);
    // Half the answers, then the page is closed and opened again: they are still there.
    for (let i = 0; i < 18; i++) await fieldsets.nth(i).locator('input[type=radio]').last().check();
    await page.reload();
    await page.locator('fieldset').first().waitFor();
    expect(await page.locator('input[type=radio]:checked').count()).toBe(18);
    for (let i = 18; i < count; i++) await fieldsets.nth(i).locator('input[type=radio]').last().check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.getByText('ขอบคุณที่ตอบแบบสอบถาม ระบบได้รับคำตอบแล้ว').waitFor();
    await screenshot(page, '36-phone-survey-thanks');
    // Kept, sealed until it is counted with at least four more: the secretariat's numbers do not move.
    expect(await kept()).toBe(keptBefore + 1);
    expect(await total()).toBe(before);
    // Nothing is left on the phone once it is sent.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('prongsai-survey:')).length)).toBe(0);
    await context.close();
  });

  it('shows the secretariat its rounds with links, QR codes, quotas and scores', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@din-daeng.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตดินแดง' }).waitFor();
    await page.getByRole('link', { name: 'แบบสอบถามประเมินตนเอง', exact: true }).click();
    const card = page.getByTestId(`survey-IIT-${round.id}`);
    await card.getByTestId('survey-score').waitFor();
    expect(await card.getByTestId('survey-score').textContent()).toMatch(/^คะแนนที่ได้ \d+\.\d{2} จากผู้ตอบ \d+ คน/);
    await card.screenshot({ path: `${SCREENSHOTS}37-survey-round.png` });
    const sheet = await harness.app.inject({ method: 'GET', url: `/api/surveys/${round.id}/sheet`, headers });
    expect(sheet.body).toContain('<svg');
    expect(sheet.body).toContain(`/s/${round.code}`);
    await context.close();
  });
  it('lets the secretariat open a round on a chosen set, set quotas in Thai digits, issue and print codes, and close it early', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@din-daeng.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตดินแดง' }).waitFor();
    await page.getByRole('link', { name: 'แบบสอบถามประเมินตนเอง', exact: true }).click();
    // The next fiscal year: no round of it yet, and no set of it that can run a survey.
    const bangkok = new Date(Date.now() + 7 * 3600_000);
    const fiscalYear = bangkok.getUTCFullYear() + 543 + (bangkok.getUTCMonth() >= 9 ? 1 : 0);
    await page.getByTestId('survey-year').click();
    await page.getByRole('option', { name: `ปีงบประมาณ พ.ศ. ${fiscalYear + 1}`, exact: true }).click();
    await page
      .getByTestId('survey-no-set')
      .getByText(`ยังไม่มีชุดคำถามปี ${fiscalYear + 1}`)
      .waitFor();
    expect(await page.getByTestId('survey-open').isDisabled()).toBe(true);
    await page.getByTestId('survey-framework').click();
    await page.getByRole('option', { name: /ปีงบประมาณ พ\.ศ\. ๒๕๖๖/ }).click();
    const later = new Date(bangkok.getTime() + 30 * 86_400_000);
    const closes = page.getByLabel('วันปิดรับ');
    await closes.fill(`${later.getUTCDate()}/${later.getUTCMonth() + 1}/${later.getUTCFullYear() + 543}`);
    await closes.blur();
    await page.getByLabel('ใช้รหัสผู้ตอบครั้งเดียว').check();
    const before = await harness.app.inject({ method: 'GET', url: '/api/agencies/din-daeng/surveys', headers });
    await page.getByTestId('survey-open').click();
    await expect
      .poll(
        async () =>
          ((await harness.app.inject({ method: 'GET', url: '/api/agencies/din-daeng/surveys', headers })).json() as unknown[])
            .length,
      )
      .toBe((before.json() as unknown[]).length + 1);
    const opened = (
      (await harness.app.inject({ method: 'GET', url: '/api/agencies/din-daeng/surveys', headers })).json() as {
        id: number;
        fiscalYear: number;
        useCodes: boolean;
        framework: string;
      }[]
    )[0]!;
    expect(opened).toMatchObject({ fiscalYear: fiscalYear + 1, useCodes: true, framework: 'bma-district-2566' });
    // A second IIT round of that year is refused until this one is closed.
    await page.getByTestId('survey-open').click();
    await page.getByText('กรุณาปิดรอบเดิมก่อนเปิดรอบใหม่').waitFor();

    const card = page.getByTestId(`survey-IIT-${opened.id}`);
    await card.getByTestId('quota-edit').click();
    const editor = page.getByTestId('quota-editor');
    await editor.getByLabel('ฝ่ายโยธา ข้าราชการ').fill('๑๒');
    await editor.getByLabel('ฝ่ายโยธา ลูกจ้าง/พนักงาน').fill('40');
    await editor.getByLabel('ฝ่ายทะเบียน ข้าราชการ').fill('1o');
    await page.getByText('กรอกเป็นจำนวนเต็ม เช่น 12 หรือ ๑๒').waitFor();
    expect(await page.getByTestId('quota-save').isDisabled()).toBe(true);
    await editor.getByLabel('ฝ่ายทะเบียน ข้าราชการ').fill('10');
    await editor.getByLabel('ฝ่ายทะเบียน ลูกจ้าง/พนักงาน').fill('๑๑');
    await page.getByTestId('quota-save').click();
    // The BMA rule: every civil servant, and all employees or 80% of them.
    const works = card.getByTestId('survey-progress').getByRole('row', { name: /ฝ่ายโยธา/ });
    await expect.poll(async () => (await works.textContent()) ?? '').toContain('5252');
    const registry = card.getByTestId('survey-progress').getByRole('row', { name: /ฝ่ายทะเบียน/ });
    expect(await registry.textContent()).toContain('2119');

    // A staff roster sets the quotas from who has served a full year; it is read and dropped.
    const roster = join(tmpdir(), 'prongsai-roster.csv');
    const year = fiscalYear + 1;
    writeFileSync(
      roster,
      [
        'ฝ่าย,ชื่อ,วันที่เริ่มปฏิบัติงาน',
        ...Array.from({ length: 12 }, (_, i) => `ฝ่ายทะเบียน,คนที่ ${i},${i < 9 ? `1/6/${year - 6}` : `1/6/${year - 1}`}`),
      ].join('\n'),
    );
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByTestId('roster-upload').click()]);
    await chooser.setFiles(roster);
    await card.getByTestId('roster-result').getByText('นับผู้มีสิทธิ์ตอบได้ 9 คน (ยังปฏิบัติงานไม่ครบ 1 ปี 3 คน)').waitFor();
    await expect.poll(async () => (await registry.textContent()) ?? '').toContain('99');

    await card.getByTestId('codes-open').click();
    await page.getByRole('dialog').getByLabel('ฝ่าย').click();
    await page.getByRole('option', { name: 'ฝ่ายโยธา', exact: true }).click();
    await page.getByRole('dialog').getByLabel('จำนวนรหัส').fill('๓');
    await page.getByTestId('codes-make').click();
    const issued = page.getByTestId('issued-codes').locator('code');
    await expect.poll(() => issued.count()).toBe(3);
    const codes = (await issued.allTextContents()).map((c) => c.trim());
    await screenshot(page, '38-survey-codes');
    const [slips] = await Promise.all([context.waitForEvent('page'), page.getByTestId('codes-print').click()]);
    await slips.waitForLoadState();
    const printed = (await slips.content()) ?? '';
    for (const code of codes) expect(printed).toContain(code);
    expect(printed).toContain('ฝ่ายโยธา');
    expect(printed).toContain(`/s/`);
    await slips.close();
    await page.keyboard.press('Escape');
    // Each code answers once, for its division.
    const form = (await harness.app.inject({ method: 'GET', url: '/api/agencies/din-daeng/surveys', headers })).json() as {
      code: string;
    }[];
    expect(form[0]!.code).toMatch(/^[A-Z0-9]{8}$/);

    await card.getByTestId('survey-close').click();
    await page.getByTestId('survey-close-confirm').click();
    await card.getByText('ปิดรับแล้ว').waitFor();
    expect(await card.getByTestId('survey-close').count()).toBe(0);
    await context.close();
  }, 90_000);

  it('shows central oversight every district round against its quotas', async () => {
    const { context, page } = await newPage(harness, { width: 1366, height: 900 });
    await signIn(page, harness, 'admin@prongsai.demo');
    const board = page.getByTestId('survey-city');
    await board.waitFor();
    const rounds = (await harness.app.inject({ method: 'GET', url: '/api/agencies/din-daeng/surveys', headers })).json() as {
      fiscalYear: number;
      tool: string;
    }[];
    const demo =
      rounds.find((r) => r.tool === 'IIT' && r.fiscalYear !== rounds[0]!.fiscalYear) ?? rounds.find((r) => r.tool === 'IIT')!;
    await board.getByLabel('ปีงบประมาณ').click();
    await page.getByRole('option', { name: `ปีงบประมาณ พ.ศ. ${demo.fiscalYear}`, exact: true }).click();
    await board.getByRole('link', { name: 'สำนักงานเขตดินแดง' }).waitFor();
    await board.screenshot({ path: `${SCREENSHOTS}39-city-surveys.png` });
    await context.close();
  }, 60_000);
});
