import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { linkCheckConfig, loadConfig, withoutSchedules } from '../config.js';
import type { Db } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { allowList, fetchLink, mayConnect, type FetchPolicy } from './fetch.js';
import { LINK_CHECKER_AGENT } from './service.js';

const openssl = existsSync('/usr/bin/openssl');
if (!openssl) console.warn('openssl missing: the HTTPS link-check case is skipped');

/** A site standing in for an agency's web portal, on loopback: each path answers as real sites do. */
function routes(seen: string[]) {
  return (request: http.IncomingMessage, response: http.ServerResponse) => {
    seen.push(`${request.headers['user-agent']} ${request.url}`);
    const html = (status: number, body: string) =>
      response
        .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html><body>${body}</body></html>`);
    switch (request.url) {
      case '/ok':
        return html(200, '<h1>โครงสร้างสำนักงานเขต ปีงบประมาณ พ.ศ. ๒๕๖๗</h1>');
      case '/old':
        return html(200, '<h1>โครงสร้างสำนักงานเขต ปีงบประมาณ พ.ศ. 2565</h1>');
      case '/report.pdf':
        return response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%%EOF\n');
      case '/to-login':
        return response.writeHead(302, { location: '/account/login?next=/to-login' }).end();
      case '/account/login?next=/to-login':
        return html(200, '<form><input name="user"><input name="pass" type="password"></form>');
      case '/forbidden':
        return html(403, 'Forbidden');
      case '/gone':
        return html(404, 'Not found');
      case '/parked':
        return html(200, '<p>This domain is for sale! Buy this domain today.</p>');
      case '/hostile':
        // 2 MB of repeated unclosed tag openings: a page made to make a page reader backtrack.
        return html(200, '<input type=text '.repeat(Math.floor((2 * 1024 * 1024 - 100) / 17)));
      case '/loop':
        return response.writeHead(301, { location: '/loop' }).end();
      case '/to-private':
        return response.writeHead(302, { location: 'http://10.1.2.3/secret' }).end();
      case '/slow':
        setTimeout(() => html(200, 'late'), 3000).unref();
        return;
      case '/huge':
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(8 * 1024 * 1024) });
        response.write(`<p>${'ก'.repeat(100_000)}</p>`);
        return; // never ends: the checker must stop at its byte cap
      default:
        return html(404, 'Not found');
    }
  };
}

const listen = async (server: http.Server | https.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

describe('fetching untrusted URLs', () => {
  const seen: string[] = [];
  const site = http.createServer(routes(seen));
  let port = 0;
  const policy = (allow = '127.0.0.0/8'): FetchPolicy => ({
    allow: allowList(allow),
    timeoutMs: 1000,
    maxBytes: 64 * 1024,
    maxRedirects: 3,
    userAgent: LINK_CHECKER_AGENT,
  });
  beforeAll(async () => {
    port = await listen(site);
  });
  afterAll(() => site.close());

  it('refuses private, loopback and link-local addresses after resolving them, unless configured', async () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '192.168.1.1',
      '172.16.5.4',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      // IPv6 forms that reach private or loopback addresses where the network routes them.
      '::7f00:1',
      '::127.0.0.1',
      '2002:7f00:1::1',
      '2002:c0a8:101::1',
      '64:ff9b::7f00:1',
      '64:ff9b:1::a00:1',
      'fec0::1',
      '2001::1',
      '::',
      'ff02::1',
      '2001:db8::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(mayConnect(address, { allow: allowList('') }), address).toBe(false);
    }
    expect(mayConnect('203.150.1.1', { allow: allowList('') })).toBe(true);
    expect(mayConnect('2001:4860:4860::8888', { allow: allowList('') })).toBe(true);
    expect(mayConnect('::ffff:203.150.1.1', { allow: allowList('') })).toBe(true);
    expect(mayConnect('127.0.0.1', { allow: allowList('127.0.0.0/8') })).toBe(true);
    const before = seen.length;
    // `localhost` is a name: refused after DNS, as is a bare address, and nothing reaches the site.
    for (const url of [
      `http://localhost:${port}/ok`,
      `http://127.0.0.1:${port}/ok`,
      `http://[::1]:${port}/ok`,
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      const facts = await fetchLink(url, policy(''));
      expect(facts.failure, url).toBe('refused');
      expect(facts.detail).toMatch(/private address/);
    }
    expect(seen.length).toBe(before);
    expect((await fetchLink('file:///etc/passwd', policy())).failure).toBe('refused');
  });

  it('refuses a redirect to a private address, caps redirects, time and bytes, and names itself', async () => {
    const redirected = await fetchLink(`http://127.0.0.1:${port}/to-private`, policy('127.0.0.1/32'));
    expect(redirected).toMatchObject({ failure: 'refused', finalUrl: 'http://10.1.2.3/secret' });
    expect((await fetchLink(`http://127.0.0.1:${port}/loop`, policy())).failure).toBe('too-many-redirects');
    const slow = await fetchLink(`http://127.0.0.1:${port}/slow`, policy());
    expect(slow.failure).toBe('timeout');
    const huge = await fetchLink(`http://127.0.0.1:${port}/huge`, policy());
    expect(huge.status).toBe(200);
    expect(huge.text!.length).toBeLessThanOrEqual(64 * 1024);
    expect(huge.bytes).toBe(8 * 1024 * 1024);
    expect(seen.at(-1)).toContain('Prongsai-LinkChecker/');
  });
});

describe.each(TEST_DATABASES)('the OIT link checker on $engine', (database) => {
  const seen: string[] = [];
  const site = http.createServer(routes(seen));
  let secure: https.Server | null = null;
  let port = 0;
  let securePort = 0;
  let app: FastifyInstance;
  let db: Db & { drop(): Promise<void> };
  let admin: Session;
  let finance: Session;
  const year = 2566;
  const base = `/api/agencies/bang-khae/oit/${year}`;

  beforeAll(async () => {
    port = await listen(site);
    const certs = mkdtempSync(join(tmpdir(), 'prongsai-tls-'));
    let caFile: string | undefined;
    if (openssl) {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
          '-keyout',
          join(certs, 'key.pem'),
          '-out',
          join(certs, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      caFile = join(certs, 'cert.pem');
      secure = https.createServer({ key: readFileSync(join(certs, 'key.pem')), cert: readFileSync(caFile) }, routes(seen));
      securePort = await listen(secure);
    }
    db = await database.open();
    const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-links-'));
    await loadDemo(db.kysely, { dataDir });
    app = await buildApp({
      db,
      config: {
        ...withoutSchedules(loadConfig({})),
        dataDir,
        secureCookies: false,
        // The test's own servers on loopback are allowed; nothing else is.
        linkCheck: {
          ...linkCheckConfig({ PRONGSAI_LINKCHECK_ALLOW: '127.0.0.0/8', PRONGSAI_LINKCHECK_TIMEOUT_MS: '1000' }),
          everyHours: 0,
          ...(caFile ? { caFile } : {}),
        },
      },
      logger: false,
      webDist: '/nonexistent',
    });
    admin = await login(app, 'admin@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    await app.inject({ method: 'POST', url: base, headers: admin.headers, payload: {} });
    const divisions = (
      await app.inject({ method: 'GET', url: '/api/agencies/bang-khae/divisions', headers: admin.headers })
    ).json() as { id: number; nameTh: string }[];
    const financeId = divisions.find((d) => d.nameTh === 'ฝ่ายการคลัง')!.id;
    await app.inject({
      method: 'PUT',
      url: `${base}/assignments`,
      headers: admin.headers,
      payload: { codes: ['O1', 'O2'], divisions: [financeId] },
    });
    const links: [string, string][] = [
      ['O1', `http://127.0.0.1:${port}/ok`],
      ['O1', `http://127.0.0.1:${port}/to-login`],
      ['O1', `http://127.0.0.1:${port}/forbidden`],
      ['O1', `http://127.0.0.1:${port}/gone`],
      ['O1', `http://127.0.0.1:${port}/parked`],
      ['O2', `http://127.0.0.1:${port}/old`],
      ['O3', 'http://10.9.8.7/intranet'],
      ...(openssl
        ? ([
            ['O2', `https://localhost:${securePort}/ok`],
            ['O2', `https://localhost:${securePort}/report.pdf`],
          ] as [string, string][])
        : []),
    ];
    for (const [code, url] of links) {
      const added = await app.inject({
        method: 'POST',
        url: `${base}/items/${code}/evidence`,
        headers: admin.headers,
        payload: { title: url, url },
      });
      expect(added.statusCode, added.body).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.drop();
    site.close();
    secure?.close();
  });

  it('checks every link in the background, on demand, and reports each with its reason', async () => {
    expect((await app.inject({ method: 'POST', url: `${base}/link-checks`, headers: finance.headers })).statusCode).toBe(403);
    const started = await app.inject({ method: 'POST', url: `${base}/link-checks`, headers: admin.headers });
    expect(started.statusCode, started.body).toBe(202);
    // A second request while the first runs answers the same run.
    const again = await app.inject({ method: 'POST', url: `${base}/link-checks`, headers: admin.headers });
    expect(again.json().id).toBe(started.json().id);
    await app.linkChecks.idle();
    const links = (await app.inject({ method: 'GET', url: `${base}/links`, headers: admin.headers })).json() as {
      url: string;
      latest: {
        verdict: string;
        ok: boolean;
        mentionsYear: boolean | null;
        statusCode: number | null;
        contentType: string | null;
        finalUrl: string;
      };
    }[];
    const verdict = (path: string) => links.find((l) => l.url.endsWith(path))!.latest;
    expect(verdict(`${port}/ok`)).toMatchObject({ verdict: 'not-https', ok: false, mentionsYear: false, statusCode: 200 });
    expect(verdict('/to-login')).toMatchObject({
      verdict: 'login',
      finalUrl: `http://127.0.0.1:${port}/account/login?next=/to-login`,
    });
    expect(verdict('/forbidden').verdict).toBe('forbidden');
    expect(verdict('/gone').verdict).toBe('not-found');
    expect(verdict('/parked').verdict).toBe('parked');
    expect(verdict('/intranet')).toMatchObject({ verdict: 'refused', statusCode: null });
    if (openssl) {
      // Over HTTPS, naming FY2566? The page names ๒๕๖๗: it answers but is flagged for the year.
      expect(verdict(`${securePort}/ok`)).toMatchObject({
        verdict: 'ok',
        ok: true,
        mentionsYear: false,
        contentType: 'text/html; charset=utf-8',
      });
      expect(verdict('/report.pdf')).toMatchObject({ verdict: 'ok', mentionsYear: null, contentType: 'application/pdf' });
    }
    const board = (await app.inject({ method: 'GET', url: base, headers: admin.headers })).json() as {
      linkCheck: { status: string; total: number; checked: number; passed: number };
      items: { code: string; evidence: { check: { verdict: string } | null }[] }[];
    };
    expect(board.linkCheck).toMatchObject({
      status: 'done',
      total: links.length,
      checked: links.length,
      passed: openssl ? 2 : 0,
    });
    expect(board.items.find((i) => i.code === 'O1')!.evidence.map((e) => e.check?.verdict)).toEqual([
      'not-https',
      'login',
      'forbidden',
      'not-found',
      'parked',
    ]);
    // No request ever left for the private address; the checker named itself.
    expect(seen.every((line) => line.startsWith('Prongsai-LinkChecker/'))).toBe(true);
  });

  it("keeps each link's history and shows a division only its own links; city-wide for central admins", async () => {
    await app.inject({ method: 'POST', url: `${base}/link-checks`, headers: admin.headers });
    await app.linkChecks.idle();
    const links = (await app.inject({ method: 'GET', url: `${base}/links`, headers: admin.headers })).json() as {
      url: string;
      history: unknown[];
    }[];
    expect(links.every((l) => l.history.length === 2)).toBe(true);
    const own = (await app.inject({ method: 'GET', url: `${base}/links`, headers: finance.headers })).json() as { url: string }[];
    expect(own.some((l) => l.url.includes('10.9.8.7'))).toBe(false);
    expect(own.length).toBe(links.length - 1);
    expect(
      (await app.inject({ method: 'GET', url: `/api/oit/link-checks?year=${year}`, headers: admin.headers })).statusCode,
    ).toBe(403);
    const central = await login(app, 'admin@prongsai.demo');
    const city = (
      await app.inject({ method: 'GET', url: `/api/oit/link-checks?year=${year}`, headers: central.headers })
    ).json() as { rows: { agency: { slug: string }; passed: number }[] };
    expect(city.rows.map((c) => c.agency.slug)).toEqual(['bang-khae']);
  });

  it('checks a 2 MB page of repeated tag openings while /api/health keeps answering', async () => {
    const url = `http://127.0.0.1:${port}/hostile`;
    const added = await app.inject({
      method: 'POST',
      url: `${base}/items/O3/evidence`,
      headers: admin.headers,
      payload: { title: 'hostile', url },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await app.inject({ method: 'POST', url: `${base}/link-checks`, headers: admin.headers })).statusCode).toBe(202);
    let checking = true;
    const idle = app.linkChecks.idle().then(() => (checking = false));
    let answered = 0;
    while (checking) {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      if (checking) answered++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await idle;
    // The server answered while the page was being checked (the old expression held it for minutes).
    expect(answered).toBeGreaterThan(0);
    const links = (await app.inject({ method: 'GET', url: `${base}/links`, headers: admin.headers })).json() as {
      url: string;
      latest: { verdict: string; statusCode: number | null };
    }[];
    expect(links.find((l) => l.url === url)!.latest).toMatchObject({ verdict: 'not-https', statusCode: 200 });
  });
});
