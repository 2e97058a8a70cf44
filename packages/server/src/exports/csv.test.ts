import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { toCsv } from './csv.js';

/** Cells of a CSV as a spreadsheet reads them (RFC 4180: quotes, doubled quotes, line breaks inside quotes). */
function cellsOf(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ',') {
      endCell();
    } else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else {
      cell += c;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Cells a spreadsheet would run as a formula: starting with =, +, -, @, tab or CR, and not a plain number. */
const liveFormulas = (csv: string) =>
  cellsOf(csv)
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));

describe('the CSV writer', () => {
  it('guards text that a spreadsheet would run and keeps the numbers the product wrote', () => {
    const csv = toCsv(
      ['n', 'text'],
      [
        [-5, '-5'],
        [3.25, '=1+1'],
        [null, '=HYPERLINK("http://x","y")'],
        [0, '\tx'],
        [1, 'ก,ข\r\nค'],
      ],
    );
    expect(csv).toBe('\uFEFFn,text\n-5,\'-5\n3.25,\'=1+1\n,"\'=HYPERLINK(""http://x"",""y"")"\n0,\'\tx\n1,"ก,ข\r\nค"\n');
    expect(liveFormulas(csv)).toEqual([]);
  });
});

describe.each(TEST_DATABASES)('every CSV export after a district is renamed to a formula, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  const get = async (session: Session | null, url: string) => {
    const response = await app.inject({ method: 'GET', url, ...(session ? { headers: session.headers } : {}) });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response;
  };

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    // Each district's own admin renames it.
    for (const [slug, nameTh, nameEn] of [
      ['bang-khae', '=1+1', '+Bang Khae'],
      ['bang-sue', '=HYPERLINK("http://x","y")', '@SUM(A1)'],
      ['din-daeng', '-2+3', '\tDin Daeng'],
    ] as const) {
      const admin = await login(app, `admin@${slug}.demo`);
      const renamed = await app.inject({
        method: 'PATCH',
        url: `/api/agencies/${slug}`,
        headers: admin.headers,
        payload: { nameTh, nameEn },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
    }
  }, 120_000);
  afterAll(async () => close());

  it('writes no live formula into the city results, the late milestones, open data or the audit', async () => {
    const exported: Record<string, string> = {};
    for (const year of [2566, 2567]) {
      exported[`city ${year}`] = (await get(central, `/api/results/city?year=${year}&format=csv`)).body;
    }
    exported.late = (await get(central, '/api/calendar/2567/late?format=csv')).body;
    exported.audit = (await get(central, '/api/audit?format=csv&entity=agency')).body;
    for (const file of ['results', 'analysis', 'measures']) {
      const response = await app.inject({ method: 'GET', url: `/api/open-data/bang-khae/2566/${file}.csv` });
      if (response.statusCode === 200) exported[`open data ${file}`] = response.body;
    }
    expect(Object.keys(exported)).toContain('open data results');
    for (const [name, csv] of Object.entries(exported)) expect(liveFormulas(csv), name).toEqual([]);

    // The names are there, as text.
    const city = cellsOf(exported['city 2566']!).flat();
    expect(city).toContain("'=1+1");
    expect(city).toContain("'+Bang Khae");
    const late = cellsOf(exported.late!).flat();
    expect(late).toContain('\'=HYPERLINK("http://x","y")');
    const audit = exported.audit!;
    expect(audit).toContain("'=1+1");
  });

  it('keeps the exports as they were otherwise: header, numbers, Thai', async () => {
    const lines = (await get(central, '/api/results/city?year=2566&format=csv')).body.split('\n');
    expect(lines[0]!.startsWith('\uFEFFfiscal_year,rank,agency_code,')).toBe(true);
    expect(lines.find((line) => line.includes(',bang-khae,'))).toMatch(
      /^2566,\d+,1040,bang-khae,'=1\+1,'\+Bang Khae,bma-district-2566,imported,94\.87,ผ่านดี,88\.04,94\.86,100\.00,/,
    );
    const late = cellsOf((await get(central, '/api/calendar/2567/late?format=csv')).body);
    expect(late[0]).toEqual(['milestone', 'milestone_th', 'agency', 'agency_th', 'due_on', 'days_late']);
    expect(late.slice(1).every((row) => /^\d+$/.test(row[5]!))).toBe(true);
  });
});
