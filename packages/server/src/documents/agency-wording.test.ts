import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMemo, memoLines, MILESTONES, shippedKind, type MemoFacts } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindById } from '../agencies/kinds-service.js';
import { findAgencyBySlug, insertAgency, insertDivision, insertKindRow } from '../agencies/repository.js';
import { systemActor } from '../auth/policy.js';
import { MemoService } from '../calendar/memo.js';
import { committeeTemplate } from '../committees/template.js';
import { now } from '../db/database.js';
import type { Agency } from '../db/schema.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { makeDocument } from '../test-support/documents.js';
import { agencyWording } from './agency-wording.js';
import { measuresDocx, memoDocx, orderDocx } from './docx.js';
import { introBlocks, measuresCaptions } from './measures-outline.js';
import { measuresModel, type MeasuresModel, type OrderModel } from './model.js';
import { measuresPdf, memoPdf, orderPdf } from './pdf.js';

const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/kinds/', import.meta.url));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
const unzip = existsSync('/usr/bin/unzip');
mkdirSync(OUTPUT, { recursive: true });

/** What a document of an agency other than a Bangkok district office never says. */
const BANGKOK = ['กรุงเทพมหานคร', 'สำนักงานเขต', 'ผู้อำนวยการเขต', 'ระเบียบบริหารราชการกรุงเทพมหานคร'];
const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const bangkokIn = (text: string) => BANGKOK.filter((word) => plain(text).includes(word));

const pdfText = (name: string, pdf: Buffer) => {
  const path = join(OUTPUT, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
};
const docxText = (name: string, docx: Buffer) => {
  const path = join(OUTPUT, `${name}.docx`);
  writeFileSync(path, docx);
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^<>]*>/g, '');
};

const municipality = { name_th: 'เทศบาลนครนนทบุรี', kind: 'municipality' };
const province = { name_th: 'จังหวัดเชียงใหม่', kind: 'province' };

describe('how documents speak of an agency, by its kind', () => {
  it("names a municipality and its mayor by the kind's naming, with its units called กอง", () => {
    const w = agencyWording(municipality);
    expect(w).toMatchObject({
      bangkokDistrict: false,
      name: 'เทศบาลนครนนทบุรี',
      titled: 'เทศบาลนครนนทบุรี',
      head: 'นายกเทศมนตรีนครนนทบุรี',
      unitTerm: 'กอง',
      allUnits: 'ทุกกอง',
    });
    expect(bangkokIn(JSON.stringify(w))).toEqual([]);
  });

  it('names a province and its governor, with its units called กลุ่มงาน', () => {
    const w = agencyWording(province);
    expect(w).toMatchObject({ titled: 'จังหวัดเชียงใหม่', head: 'ผู้ว่าราชการจังหวัดเชียงใหม่', allUnits: 'ทุกกลุ่มงาน' });
    expect(bangkokIn(JSON.stringify(w))).toEqual([]);
  });

  it('keeps the Bangkok wording of the seeds for a district office', () => {
    const w = agencyWording({ name_th: 'สำนักงานเขตบางแค', kind: 'district' });
    expect(w).toMatchObject({ titled: 'สำนักงานเขตบางแค กรุงเทพมหานคร', head: 'ผู้อำนวยการเขตบางแค', allUnits: 'ทุกฝ่าย' });
    expect(w.order.authority).toContain('พระราชบัญญัติระเบียบบริหารราชการกรุงเทพมหานคร');
  });

  it('words a kind by the stored kind where it was changed from the shipped one', () => {
    const stored = { ...shippedKind('municipality')!, naming: { ...shippedKind('municipality')!.naming, headTh: 'นายก{name}' } };
    expect(agencyWording(municipality, stored).head).toBe('นายกนครนนทบุรี');
  });

  it.each([
    [municipality, 'นายกเทศมนตรีนครนนทบุรี', 'ผู้อำนวยการกองทุกกอง'],
    [province, 'ผู้ว่าราชการจังหวัดเชียงใหม่', 'หัวหน้ากลุ่มงานทุกกลุ่มงาน'],
  ])("writes %o's committee order with its head, its units and no Bangkok act", (agency, head, units) => {
    const order = committeeTemplate(agency, 2569);
    const text = JSON.stringify(order);
    expect(bangkokIn(text)).toEqual([]);
    expect(order.members[0]).toEqual({ name: head, role: 'ที่ปรึกษา' });
    expect(order.members.map((m) => m.name)).toContain(units);
    expect(order.signatoryTitle).toBe(head);
    expect(order.subject).toContain(agency.name_th);
    // The legal basis is the secretariat's to fill in, never a guessed act.
    expect(order.preamble[1]).toMatch(/^อาศัยอำนาจตามความใน\.{10,} จึงแต่งตั้ง/);
  });

  it.each([municipality, province])("writes %o's memos with its name and head and no Bangkok wording", (agency) => {
    const w = agencyWording(agency);
    const facts: MemoFacts = {
      agencyName: agency.name_th,
      wording: w.memo,
      fiscalYear: 2569,
      today: '๑ ตุลาคม ๒๕๖๘',
      due: {
        'staff-count': '๑ ธันวาคม ๒๕๖๘',
        'iit-collection': '๓๑ มกราคม ๒๕๖๙',
        'eit-collection': '๓๑ มกราคม ๒๕๖๙',
        'oit-evidence': '๒๘ กุมภาพันธ์ ๒๕๖๙',
        'schools-data': '๑๕ มกราคม ๒๕๖๙',
      },
      tools: [{ code: 'IIT', nameTh: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', weight: 30, indicators: ['การปฏิบัติหน้าที่'] }],
      eitMinimums: [{ division: `${w.unitTerm}คลัง`, minimum: 40 }],
      educationItems: [],
      schoolIit: { civilServants: 25, employees: 25 },
      schoolEit: 40,
    };
    for (const kind of ['collection', 'schools'] as const) {
      const memo = buildMemo(kind, facts);
      const lines = memoLines(memo).join('\n');
      expect(bangkokIn(lines), kind).toEqual([]);
      expect(lines).toContain(agency.name_th);
      if (kind === 'collection') {
        expect(memo.to).toBe(w.head);
        expect(memo.signers.at(-1)!.titles).toEqual([w.head]);
        expect(lines).toContain(w.allUnits);
      }
    }
  });
});

describe.each(TEST_DATABASES)('documents of a municipality and a province on $engine', (database) => {
  let db: Awaited<ReturnType<typeof demoApp>>['db'];
  let close: () => Promise<void>;
  let khae: MeasuresModel;
  let dataDir: string;

  beforeAll(async () => {
    ({ db, close } = await demoApp(database));
    dataDir = mkdtempSync(join(tmpdir(), 'prongsai-kinds-'));
    khae = await measuresModel(db.kysely, (await findAgencyBySlug(db.kysely, 'bang-khae'))!, 2567);
  }, 60_000);
  afterAll(async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Bang Khae's measures document as a municipality's or a province's would print it. The results'
   * framework is the district set, whose own question texts speak of the district office: the plan's
   * entries and OIT explanations (the district's own words) are left out, and lines quoting the
   * results' texts are set aside, so what is checked is the document's own wording.
   */
  async function asAgency(agency: { name_th: string; kind: string }): Promise<MeasuresModel> {
    return {
      ...khae,
      agency: { ...khae.agency, ...agency } as Agency,
      kind: await kindById(db.kysely, agency.kind),
      entries: [],
      oit: [],
    };
  }
  /** The results' own texts: the framework's questions, items and OIT items, and the respondents' groups. */
  const resultTexts = (m: MeasuresModel) =>
    plain(
      [
        ...[...m.framework.indicators.values()].flatMap((indicator) =>
          indicator.units.flatMap((unit) => [
            unit.kind === 'question' ? unit.data.text.th : unit.kind === 'oit' ? (unit.data.name?.th ?? '') : '',
            ...(unit.items ?? []).map((item) => item.text.th),
          ]),
        ),
        ...m.stats.map((s) => s.label),
      ].join('|'),
    );
  /** A line without the figures a table row ends with. */
  const withoutFigures = (line: string) => {
    const words = line.split(' ');
    while (words.length > 1 && /^[\d.]+$/.test(words.at(-1)!)) words.pop();
    return words.join(' ');
  };
  /** The lines that say something of Bangkok and are not the results' own texts (a code before, figures after, left aside). */
  const bangkokLines = (m: MeasuresModel, text: string) => {
    const quoted = resultTexts(m);
    return text
      .split('\n')
      .filter((line) => bangkokIn(line).length > 0)
      .filter((line) => !quoted.includes(plain(withoutFigures(line.replace(/^(?:[IEO]\d+|\d+)\.?\s*/, '')))));
  };

  it.each([
    [municipality, 'เทศบาลนครนนทบุรี'],
    [province, 'จังหวัดเชียงใหม่'],
  ])("prints %o's measures document in its own name", async (agency, name) => {
    const m = await asAgency(agency);
    const outline = [
      ...introBlocks(m).map((b) => ('lead' in b ? `${b.lead} ${b.text}` : b.text)),
      ...Object.values(measuresCaptions(m)),
    ]
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(bangkokIn(outline)).toEqual([]);
    expect(outline).toContain(`ของ${name} ประจำปีงบประมาณ`);
    expect(outline).toContain('เว็บไซต์หลักของหน่วยงาน');
  });

  it.runIf(poppler && unzip).each([
    [municipality, 'municipality'],
    [province, 'province'],
  ])(
    "makes %o's measures PDF and DOCX with its name in the title and no Bangkok wording",
    async (agency, file) => {
      const m = await asAgency(agency);
      const pdf = pdfText(`measures-${file}-${database.engine}`, await measuresPdf(m));
      expect(plain(pdf)).toContain(plain(`มาตรการยกระดับคุณธรรมและความโปร่งใสของ${agency.name_th} ประจำปีงบประมาณ`));
      expect(bangkokLines(m, pdf)).toEqual([]);
      const docx = docxText(`measures-${file}-${database.engine}`, await measuresDocx(m));
      expect(plain(docx)).toContain(plain(`มาตรการยกระดับคุณธรรมและความโปร่งใสของ${agency.name_th}`));
      expect(bangkokLines(m, docx)).toEqual([]);
      if (file === 'municipality') {
        const path = join(OUTPUT, `measures-${file}-${database.engine}.pdf`);
        execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', path, path.replace(/\.pdf$/, '')]);
      }
    },
    120_000,
  );

  it.runIf(poppler && unzip).each([
    [municipality, 'นายกเทศมนตรีนครนนทบุรี', 'municipality'],
    [province, 'ผู้ว่าราชการจังหวัดเชียงใหม่', 'province'],
  ])(
    "makes %o's committee order in its name, signed by its head",
    async (agency, head, file) => {
      const order: OrderModel = {
        agency: { ...khae.agency, ...agency } as Agency,
        kind: await kindById(db.kysely, agency.kind),
        fiscalYear: 2569,
        committee: {
          ...committeeTemplate(agency, 2569, await kindById(db.kysely, agency.kind)),
          orderNumber: '๑/๒๕๖๙',
          signedDate: '2025-11-03',
          signatoryName: 'นายทดสอบ ใจดี',
        },
        emblem: null,
      };
      for (const text of [
        pdfText(`order-${file}-${database.engine}`, await orderPdf(order)),
        docxText(`order-${file}-${database.engine}`, await orderDocx(order)),
      ]) {
        expect(bangkokIn(text)).toEqual([]);
        expect(plain(text)).toContain(plain(`คำสั่ง${agency.name_th}`));
        expect(plain(text)).toContain(plain(head));
      }
    },
    60_000,
  );

  it.runIf(poppler && unzip)(
    "makes a municipality's memos to its head, its units and its education division, with no Bangkok wording",
    async () => {
      const municipalityOf = async (code: string, slug: string, kind: string) => {
        const agency = await insertAgency(db.kysely, {
          code,
          slug,
          name_th: 'เทศบาลนครนนทบุรี',
          name_en: 'Nonthaburi City Municipality',
          kind,
          parent_id: null,
          created_at: now(),
        });
        for (const [i, name] of ['สำนักปลัดเทศบาล', 'กองคลัง', 'กองการศึกษา'].entries()) {
          await insertDivision(db.kysely, {
            agency_id: agency.id,
            name_th: name,
            name_en: name,
            sort_order: i,
            created_at: now(),
          });
        }
        return agency;
      };
      const agency = await municipalityOf('NBI-M', 'nonthaburi-city', 'municipality');
      const memos = new MemoService(db.kysely);
      // A municipality's year has no schools' step, so it has no memo to the schools.
      await expect(memos.model(systemActor(agency.id), agency, 2569, 'schools', dataDir)).rejects.toMatchObject({ status: 400 });
      // One whose kind lists the schools' step writes to them through its education division.
      const withSchools = { ...shippedKind('municipality')!, id: 'city_schools', milestones: [...MILESTONES] };
      await insertKindRow(db.kysely, {
        id: withSchools.id,
        name_th: withSchools.nameTh,
        name_en: withSchools.nameEn,
        definition: JSON.stringify(withSchools),
        shipped: 0,
        updated_at: now(),
      });
      const schooling = await municipalityOf('NBI-S', 'nonthaburi-city-schools', withSchools.id);
      for (const [kind, of] of [
        ['collection', agency],
        ['schools', schooling],
      ] as const) {
        const model = await memos.model(systemActor(of.id), of, 2569, kind, dataDir);
        const lines = memoLines(model).join('\n');
        expect(bangkokIn(lines), kind).toEqual([]);
        expect(lines).toContain('เทศบาลนครนนทบุรี');
        expect(model.number).not.toContain('กท');
        if (kind === 'collection') {
          expect(model.to).toBe('นายกเทศมนตรีนครนนทบุรี');
          expect(lines).toContain('ทุกกอง');
        } else {
          expect(model.section).toContain('กองการศึกษา');
        }
        for (const text of [
          pdfText(`memo-${kind}-municipality-${database.engine}`, await memoPdf(model)),
          docxText(`memo-${kind}-municipality-${database.engine}`, await memoDocx(model)),
        ]) {
          expect(bangkokIn(text)).toEqual([]);
          expect(plain(text)).toContain(plain('เทศบาลนครนนทบุรี'));
        }
      }
    },
    60_000,
  );
});

describe.each(TEST_DATABASES)("a kind's word for its units as a central admin changed it, on $engine", (database) => {
  let app: Awaited<ReturnType<typeof demoApp>>['app'];
  let db: Awaited<ReturnType<typeof demoApp>>['db'];
  let close: () => Promise<void>;
  let central: Session;

  beforeAll(async () => {
    ({ app, db, close } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
  }, 60_000);
  afterAll(async () => {
    await close();
  });

  /** An agency of a kind with units that owe nothing yet, so that its task sheet lists them all as clear. */
  async function agencyOf(code: string, slug: string, name: string, kind: string, units: string[]) {
    const agency = await insertAgency(db.kysely, {
      code,
      slug,
      name_th: name,
      name_en: slug,
      kind,
      parent_id: null,
      created_at: now(),
    });
    for (const [i, unit] of units.entries()) {
      await insertDivision(db.kysely, { agency_id: agency.id, name_th: unit, name_en: unit, sort_order: i, created_at: now() });
    }
    return agency;
  }
  /** The task sheet's text, as a PDF and as a DOCX. */
  const taskSheets = async (slug: string, file: string) => [
    pdfText(
      `tasks-${file}-${database.engine}`,
      await makeDocument(app, central, slug, { kind: 'tasks', format: 'pdf', year: 2569 }),
    ),
    docxText(
      `tasks-${file}-${database.engine}`,
      await makeDocument(app, central, slug, { kind: 'tasks', format: 'docx', year: 2569 }),
    ),
  ];
  const template = async (slug: string) =>
    (
      (
        await app.inject({ method: 'GET', url: `/api/agencies/${slug}/committees/2569/draft`, headers: central.headers })
      ).json() as {
        committee: { members: { name: string }[] };
      }
    ).committee.members.map((m) => m.name);

  it.runIf(poppler && unzip)(
    "prints a municipality's units by the word the admin gave its kind, and a district office's as before",
    async () => {
      await agencyOf('NBI-W', 'nonthaburi-words', 'เทศบาลนครนนทบุรี', 'municipality', ['สำนักปลัดเทศบาล', 'กองคลัง']);
      await agencyOf('DIST-W', 'district-words', 'สำนักงานเขตทดสอบ', 'district', ['ฝ่ายปกครอง', 'ฝ่ายการคลัง']);
      const district = await taskSheets('district-words', 'district-before');
      for (const text of district) expect(plain(text)).toContain(plain('ฝ่ายที่ไม่มีงานค้าง: ฝ่ายปกครอง ฝ่ายการคลัง'));
      for (const text of await taskSheets('nonthaburi-words', 'municipality-before')) {
        expect(plain(text)).toContain(plain('กองที่ไม่มีงานค้าง: สำนักปลัดเทศบาล กองคลัง'));
      }
      expect(await template('nonthaburi-words')).toContain('ผู้อำนวยการกองทุกกอง');

      const kinds = (await app.inject({ method: 'GET', url: '/api/agency-kinds', headers: central.headers })).json() as {
        kind: { id: string; unitTerm: string };
      }[];
      const { id: _id, ...municipality } = kinds.find((k) => k.kind.id === 'municipality')!.kind;
      const changed = await app.inject({
        method: 'PUT',
        url: '/api/agency-kinds/municipality',
        headers: central.headers,
        payload: { ...municipality, unitTerm: 'สำนัก' },
      });
      expect(changed.statusCode, changed.body).toBe(200);

      for (const text of await taskSheets('nonthaburi-words', 'municipality-after')) {
        expect(plain(text)).toContain(plain('สำนักที่ไม่มีงานค้าง: สำนักปลัดเทศบาล กองคลัง'));
        expect(plain(text)).not.toContain(plain('กองที่ไม่มีงานค้าง'));
      }
      expect(await template('nonthaburi-words')).toContain('ผู้อำนวยการสำนักทุกสำนัก');
      expect(await taskSheets('district-words', 'district-after')).toEqual(district);
    },
    120_000,
  );
});
