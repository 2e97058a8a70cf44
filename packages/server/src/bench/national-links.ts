// The national benchmark's link checks: a stand-in for the agencies' websites on loopback
// (127.0.0.1 only; nothing else is contacted), links put on the year's OIT checklists through the
// OIT service, and each checklist's links checked by the product's link checker (its durable queue,
// four workers as four instances would run it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import type { Agency } from '../db/schema.js';
import { loadFramework } from '../frameworks/registry.js';
import { LinkChecks } from '../links/service.js';
import { OitService } from '../oit/service.js';

/** Links put on each chosen checklist, on its first OIT items. */
const LINKS_PER_CHECKLIST = 4;

export interface StandInSite {
  origin: string;
  /** The certificate to trust when the site speaks HTTPS (with openssl at hand). */
  caFile: string | undefined;
  close(): Promise<void>;
}

/**
 * The agencies' websites, on 127.0.0.1 (an elliptic-curve key: thousands of handshakes cost little): `/gone/…` answers 404, `/old/…` a page of last year, any
 * other path a page of the fiscal year in its address. HTTPS with a certificate made for 127.0.0.1
 * when openssl is at hand (so a page that answers is usable), plain HTTP otherwise.
 */
export async function startStandInSite(fiscalYear: number): Promise<StandInSite> {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-site-'));
  let tls: { key: Buffer; cert: Buffer } | null = null;
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    tls = null;
  }
  const answer = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const path = request.url ?? '/';
    if (path.startsWith('/gone/')) {
      response
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>404</title><p>ไม่พบหน้า</p>');
      return;
    }
    const year = path.startsWith('/old/') ? fiscalYear - 1 : fiscalYear;
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><title>${path}</title><p>ข้อมูลเผยแพร่ ประจำปีงบประมาณ พ.ศ. ${year}</p>`);
  };
  const server = tls ? https.createServer(tls, answer) : http.createServer(answer);
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    caFile: tls ? join(dir, 'cert.pem') : undefined,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LinkLoad {
  checklists: number;
  links: number;
  runs: number;
  /** Putting the links on, then all (with the checks). */
  linkSeconds: number;
  seconds: number;
}

/**
 * Loads what is missing of the year's links and checks: up to `limit` of the year's checklists,
 * spread evenly over the agencies' code order (the same every run), get 4 links each through the
 * OIT service (one in five gone, one in seven a page of last year) unless they have links already;
 * then every checklist of `agencies` with links and no finished check of the year is checked.
 */
export async function loadLinkChecks(
  db: Db,
  actor: Actor,
  agencies: readonly Agency[],
  fiscalYear: number,
  site: StandInSite,
  limit: number,
  clients: number,
): Promise<LinkLoad> {
  const started = performance.now();
  const checklists = new Map(
    (
      await db.kysely
        .selectFrom('oit_checklists')
        .select(['agency_id', 'framework_id'])
        .where('fiscal_year', '=', fiscalYear)
        .execute()
    ).map((c) => [c.agency_id, c.framework_id]),
  );
  const linked = async () =>
    new Set(
      (
        await db.kysely
          .selectFrom('oit_evidence')
          .innerJoin('oit_tasks', 'oit_tasks.id', 'oit_evidence.task_id')
          .innerJoin('oit_checklists', 'oit_checklists.id', 'oit_tasks.checklist_id')
          .select('oit_checklists.agency_id')
          .distinct()
          .where('oit_checklists.fiscal_year', '=', fiscalYear)
          .where('oit_evidence.kind', '=', 'link')
          .execute()
      ).map((r) => r.agency_id),
    );
  const each = async <T>(items: readonly T[], work: (item: T, n: number) => Promise<void>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < items.length) {
          const n = next++;
          await work(items[n]!, n);
        }
      }),
    );
  };

  const open = [...agencies].filter((a) => checklists.has(a.id)).sort((a, b) => a.code.localeCompare(b.code));
  const step = Math.max(1, open.length / Math.max(1, limit));
  const chosen = new Set<number>();
  for (let at = 0; at < open.length && chosen.size < limit; at += step) chosen.add(Math.floor(at));
  const have = await linked();
  const oit = new OitService(db.kysely, tmpdir());
  let links = 0;
  let withLinks = 0;
  await each(
    open.filter((a, i) => chosen.has(i) && !have.has(a.id)),
    async (agency, n) => {
      const codes = loadFramework(checklists.get(agency.id)!)
        .data.oitItems.slice(0, LINKS_PER_CHECKLIST)
        .map((item) => item.code);
      for (const [k, code] of codes.entries()) {
        const m = n * LINKS_PER_CHECKLIST + k;
        const place = m % 5 === 0 ? 'gone/' : m % 7 === 0 ? 'old/' : '';
        await oit.addEvidence(actor, agency, fiscalYear, code, {
          title: `ข้อมูลข้อ ${code} บนเว็บไซต์หน่วยงาน`,
          note: '',
          url: `${site.origin}/${place}${agency.code.toLowerCase()}/oit/${fiscalYear}/${code.toLowerCase()}.html`,
        });
        links++;
      }
      withLinks++;
    },
  );

  const linkSeconds = (performance.now() - started) / 1000;

  // Every checklist of these agencies with links and no finished check of the year is checked.
  const ours = new Set(agencies.map((a) => a.id));
  const checked = new Set(
    (
      await db.kysely
        .selectFrom('link_check_runs')
        .select('agency_id')
        .distinct()
        .where('fiscal_year', '=', fiscalYear)
        .where('status', '=', 'done')
        .execute()
    ).map((r) => r.agency_id),
  );
  const due = [...(await linked())].filter((id) => ours.has(id) && !checked.has(id));
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const settings = {
    allow: '127.0.0.1/32',
    everyHours: 0,
    concurrency: 16,
    perHost: 4,
    timeoutMs: 10_000,
    maxBytes: 1024 * 1024,
    ...(site.caFile ? { caFile: site.caFile } : {}),
  };
  const workers = Array.from({ length: clients }, () => new LinkChecks(db.kysely, db.engine, settings, 50));
  for (const worker of workers) await worker.start();
  try {
    await each(due, async (id, n) => {
      await workers[n % workers.length]!.request(actor, byId.get(id)!, fiscalYear);
    });
    for (const worker of workers) await worker.idle();
  } finally {
    for (const worker of workers) await worker.stop();
  }
  return { checklists: withLinks, links, runs: due.length, linkSeconds, seconds: (performance.now() - started) / 1000 };
}

/** Rows the year's links and checks hold now, for the report. */
export async function linkRows(db: Db, fiscalYear: number) {
  const { rows } = await sql<{ runs: string; failed: string; results: string; passed: string }>`
    select (select count(*) from link_check_runs where fiscal_year = ${fiscalYear} and status = 'done') as runs,
      (select count(*) from link_check_runs where fiscal_year = ${fiscalYear} and status = 'failed') as failed,
      (select count(*) from link_results where fiscal_year = ${fiscalYear}) as results,
      (select count(*) from link_results where fiscal_year = ${fiscalYear} and ok = 1) as passed`.execute(db.kysely);
  const row = rows[0]!;
  return { runs: Number(row.runs), failed: Number(row.failed), results: Number(row.results), passed: Number(row.passed) };
}
