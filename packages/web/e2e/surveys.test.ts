import { readFileSync } from 'node:fs';
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
});
