import { describe, expect, it } from 'vitest';
import { judgeLink, type LinkFacts } from './links.js';

const page = (facts: Partial<LinkFacts>): LinkFacts => ({
  url: 'https://webportal.bangkok.go.th/bangkhae/page/sub/10676',
  finalUrl: 'https://webportal.bangkok.go.th/bangkhae/page/sub/10676',
  status: 200,
  contentType: 'text/html',
  bytes: 1000,
  text: '<h1>โครงสร้าง ปีงบประมาณ พ.ศ. 2567</h1>',
  ...facts,
});

describe('judging a checked link', () => {
  it('passes a page over HTTPS that names the year, in Arabic or Thai digits', () => {
    expect(judgeLink(page({}), 2567)).toEqual({ verdict: 'ok', ok: true, mentionsYear: true });
    expect(judgeLink(page({ text: 'ประจำปี พ.ศ. ๒๕๖๗' }), 2567).mentionsYear).toBe(true);
    expect(judgeLink(page({ text: 'ประจำปี พ.ศ. 2566' }), 2567)).toEqual({ verdict: 'ok', ok: true, mentionsYear: false });
    expect(judgeLink(page({ contentType: 'application/pdf', text: null }), 2567).mentionsYear).toBeNull();
  });

  it('fails what an assessor could not read', () => {
    expect(judgeLink(page({ finalUrl: 'http://webportal.bangkok.go.th/x' }), 2567).verdict).toBe('not-https');
    expect(judgeLink(page({ finalUrl: 'https://intranet.example/login?next=/x' }), 2567).verdict).toBe('login');
    expect(judgeLink(page({ text: '<form><input name="p" type="password"></form>' }), 2567).verdict).toBe('login');
    // A page of repeated unclosed tag openings (2 MB) is read in one pass, not in time that grows
    // with the square of its size (the old expression took minutes and held the server).
    const hostile = '<input type=text '.repeat(120_000);
    expect(judgeLink(page({ text: hostile }), 2567).verdict).toBe('ok');
    expect(judgeLink(page({ text: `${hostile}><input type="password">` }), 2567).verdict).toBe('login');
    expect(judgeLink(page({ status: 403 }), 2567).verdict).toBe('forbidden');
    expect(judgeLink(page({ status: 401 }), 2567).verdict).toBe('forbidden');
    expect(judgeLink(page({ status: 404 }), 2567).verdict).toBe('not-found');
    expect(judgeLink(page({ status: 503 }), 2567).verdict).toBe('server-error');
    expect(judgeLink(page({ text: '<p>This domain is for sale!</p>' }), 2567).verdict).toBe('parked');
    expect(judgeLink(page({ status: null, text: null, failure: 'refused' }), 2567)).toEqual({
      verdict: 'refused',
      ok: false,
      mentionsYear: null,
    });
  });
});
