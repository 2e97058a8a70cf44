import { judgeLink, LINK_VERDICT_TH, type LinkFacts } from '@prongsai/core';
import { afterAll, describe, expect, it } from 'vitest';
import { LinkJudge } from './judge.js';

const page = (text: string | null): LinkFacts => ({
  url: 'https://district.example/oit',
  finalUrl: 'https://district.example/oit',
  status: 200,
  contentType: 'text/html',
  bytes: text?.length ?? 0,
  text,
});

describe('judging fetched pages off the event loop', () => {
  const judge = new LinkJudge();
  const hurried = new LinkJudge(1);
  afterAll(async () => {
    await judge.close();
    await hurried.close();
  });

  it('judges a page in its worker as the core does', async () => {
    for (const text of ['<p>รายงานประจำปี 2567</p>', '<form><input type="password"></form>', null]) {
      expect(await judge.judge(page(text), 2567)).toEqual(judgeLink(page(text), 2567));
    }
  });

  it('gives up a page past its budget, judging it unread, while the event loop keeps turning', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const big = `<p>${'ปีงบประมาณ พ.ศ. 2567 '.repeat(200_000)}</p>`;
    const judged = await hurried.judge(page(big), 2567);
    clearInterval(timer);
    // Unread, it is not called usable: the board says in Thai that it could not be checked.
    expect(judged).toEqual({ verdict: 'too-complex', ok: false, mentionsYear: null });
    expect(LINK_VERDICT_TH[judged.verdict]).toBe('หน้าเว็บซับซ้อนเกินกว่าจะตรวจได้');
    // A failure its status alone shows is still named as such.
    expect((await hurried.judge({ ...page(big), status: 404 }, 2567)).verdict).toBe('not-found');
    expect(ticks).toBeGreaterThan(0);
    // The next page gets a fresh worker.
    expect((await judge.judge(page('<p>๒๕๖๗</p>'), 2567)).mentionsYear).toBe(true);
  });
});
