import ExcelJS from 'exceljs';
import { fromThaiDigits, InputError, MAX_PROBLEMS, parseDecimal, type FrameworkProblem } from '@prongsai/core';
import { HttpError } from '../http/errors.js';
import { readSheetsOffThread, type WorkbookSheet } from '../inputs/workbook-off-thread.js';

// A framework as a workbook, for a central admin to prepare a new year's set from last year's in
// Excel: a sheet per part of the set, a row per entry, headed in Thai (row 1) with the field's
// English key under it (row 2). No cell holds JSON: a list in a cell is plain values separated by
// commas (names that may hold commas, one a line), and what nests (sub-indicators, items, options,
// sources) takes rows of its own.

type Json = Record<string, unknown>;
type Localized = { th: string; en?: string | null } | null | undefined;
type Cell = string | number | boolean | null | undefined;

interface Column {
  key: string;
  th: string;
  width?: number;
}
interface SheetSpec {
  name: string;
  columns: Column[];
}

const WIDE = 50;
const col = (key: string, th: string, width?: number): Column => ({ key, th, ...(width ? { width } : {}) });

/** The sheets, in the order they are written. */
export const FRAMEWORK_SHEETS = {
  set: {
    name: 'ชุดคำถาม',
    columns: [
      col('id', 'รหัสชุดคำถาม', 22),
      col('name_th', 'ชื่อชุดคำถาม (ไทย)', WIDE),
      col('name_en', 'ชื่อชุดคำถาม (อังกฤษ)', WIDE),
      col('fiscalYears', 'ปีงบประมาณ (พ.ศ. คั่นด้วยจุลภาค)', 18),
      col('agencyKinds', 'ประเภทหน่วยงาน (คั่นด้วยจุลภาค)', 18),
      col('analysisThreshold', 'เกณฑ์คะแนนสำหรับการวิเคราะห์', 14),
      col('provisional', 'ฉบับร่าง ยังไม่ยืนยัน (ใช่/ไม่ใช่)', 14),
      col('confirmedBy', 'ผู้ยืนยัน', 20),
      col('confirmedAt', 'วันที่ยืนยัน', 16),
      col('levels_id', 'รหัสเกณฑ์ระดับผล', 16),
      col('levels_name_th', 'ชื่อเกณฑ์ระดับผล (ไทย)', 30),
      col('levels_name_en', 'ชื่อเกณฑ์ระดับผล (อังกฤษ)', 30),
      col('levels_basis', 'หลักการเทียบระดับ', WIDE),
      col('schema', 'ที่อยู่ schema', 16),
    ],
  },
  tools: {
    name: 'เครื่องมือ',
    columns: [
      col('code', 'รหัสเครื่องมือ', 10),
      col('name_th', 'ชื่อ (ไทย)', 40),
      col('name_en', 'ชื่อ (อังกฤษ)', 30),
      col('weight', 'น้ำหนัก (ร้อยละ)', 10),
      col('weightStatus', 'ที่มาของน้ำหนัก (published/inferred)', 14),
      col('kind', 'ชนิด (survey/disclosure)', 12),
      col('aggregation', 'วิธีรวมคะแนน', 18),
      col('aggregationWeights', 'น้ำหนักตัวชี้วัด (ตัวชี้วัด=น้ำหนัก, …)', 20),
      col('aggregationStatus', 'ที่มาของวิธีรวมคะแนน', 14),
      col('aggregationNote', 'หมายเหตุวิธีรวมคะแนน', WIDE),
      col('source', 'แหล่งที่มา', 30),
    ],
  },
  indicators: {
    name: 'ตัวชี้วัด',
    columns: [
      col('code', 'ตัวชี้วัด / ตัวชี้วัดย่อย / กลุ่ม (เช่น 9, 9.1, 9.1.1)', 14),
      col('tool', 'เครื่องมือ', 10),
      col('name_th', 'ชื่อ (ไทย)', WIDE),
      col('name_en', 'ชื่อ (อังกฤษ)', 30),
      col('description_th', 'คำอธิบาย (ไทย)', WIDE),
      col('description_en', 'คำอธิบาย (อังกฤษ)', 30),
      col('aggregation', 'วิธีรวมคะแนน', 18),
      col('aggregationWeights', 'น้ำหนักตัวชี้วัดย่อย (ตัวชี้วัดย่อย=น้ำหนัก, …)', 20),
      col('aggregationStatus', 'ที่มาของวิธีรวมคะแนน', 14),
      col('aggregationNote', 'หมายเหตุวิธีรวมคะแนน', 30),
      col('source', 'แหล่งที่มา', 30),
    ],
  },
  questions: {
    name: 'คำถาม',
    columns: [
      col('code', 'รหัสคำถาม', 8),
      col('indicator', 'ตัวชี้วัด', 8),
      col('text_th', 'ข้อคำถาม (ไทย)', 60),
      col('text_en', 'ข้อคำถาม (อังกฤษ)', 40),
      col('textStatus', 'ความครบของข้อความ (full/short-label)', 12),
      col('polarity', 'ทิศทางคำถาม (positive/negative)', 12),
      col('polarityStatus', 'ที่มาของทิศทาง', 12),
      col('previousCodes', 'รหัสเดิมที่สืบต่อ (คั่นด้วยจุลภาค)', 14),
      col('source', 'แหล่งที่มา', 30),
    ],
  },
  items: {
    name: 'ข้อย่อย',
    columns: [
      col('question', 'รหัสคำถาม', 8),
      col('no', 'ข้อย่อยที่', 8),
      col('text_th', 'ข้อความ (ไทย)', 60),
      col('text_en', 'ข้อความ (อังกฤษ)', 40),
      col('scale', 'มาตรวัด', 10),
      col('polarity', 'ทิศทาง (positive/negative)', 12),
      col('source', 'แหล่งที่มา', 30),
    ],
  },
  topics: {
    name: 'หัวข้อคำถาม',
    columns: [col('question', 'รหัสคำถาม', 8), col('text_th', 'หัวข้อ (ไทย)', WIDE), col('text_en', 'หัวข้อ (อังกฤษ)', 30)],
  },
  scales: {
    name: 'มาตรวัด',
    columns: [
      col('scale', 'รหัสมาตรวัด', 12),
      col('option_th', 'ตัวเลือก (ไทย)', 20),
      col('option_en', 'ตัวเลือก (อังกฤษ)', 20),
      col('answer', 'รหัสคำตอบในไฟล์ผู้ตอบ', 12),
      col('score', 'คะแนน (ข้อเชิงบวก; ข้อเชิงลบกลับด้าน)', 14),
    ],
  },
  oit: {
    name: 'OIT',
    columns: [
      col('code', 'รหัสข้อ', 8),
      col('indicator', 'ตัวชี้วัด', 8),
      col('indicatorStatus', 'ที่มาของตัวชี้วัด', 12),
      col('subIndicator', 'ตัวชี้วัดย่อย', 10),
      col('group', 'กลุ่ม', 10),
      col('name_th', 'ชื่อข้อ (ไทย)', WIDE),
      col('name_en', 'ชื่อข้อ (อังกฤษ)', 30),
      col('nameVariants', 'ชื่อเรียกอื่น (บรรทัดละชื่อ)', 30),
      col('disclosure_th', 'ข้อมูลที่ต้องเปิดเผย (ไทย)', WIDE),
      col('disclosure_en', 'ข้อมูลที่ต้องเปิดเผย (อังกฤษ)', 30),
      col('scoring', 'การให้คะแนน (binary/partial)', 12),
      col('previousCodes', 'รหัสเดิมที่สืบต่อ (คั่นด้วยจุลภาค)', 14),
      col('source', 'แหล่งที่มา', 30),
    ],
  },
  levels: {
    name: 'ระดับ',
    columns: [
      col('id', 'รหัสระดับ', 14),
      col('name_th', 'ชื่อระดับ (ไทย)', 20),
      col('name_en', 'ชื่อระดับ (อังกฤษ)', 20),
      col('min', 'คะแนนรวมขั้นต่ำ', 12),
      col('allToolsMin', 'คะแนนขั้นต่ำทุกเครื่องมือ', 12),
    ],
  },
  provenance: {
    name: 'แหล่งที่มา',
    columns: [
      col('entry', 'รายการ (แหล่งข้อมูล/สิ่งที่ยังไม่ทราบ/หมายเหตุ)', 18),
      col('id', 'รหัสแหล่ง', 16),
      col('kind', 'ชนิดแหล่ง', 14),
      col('citation', 'การอ้างอิง', WIDE),
      col('text', 'สิ่งที่ได้จากแหล่ง / ข้อความ', 70),
    ],
  },
} satisfies Record<string, SheetSpec>;

type SheetKey = keyof typeof FRAMEWORK_SHEETS;

/** Kinds of row on the sources sheet, as written (Thai) and as also read (English keys). */
const ENTRIES = {
  source: 'แหล่งข้อมูล',
  unknown: 'สิ่งที่ยังไม่ทราบ',
  note: 'หมายเหตุ',
  /** Older sets: `provenance` a list of notes, `unknowns` beside it. */
  'legacy-note': 'หมายเหตุ (รูปแบบเดิม)',
  'legacy-unknown': 'สิ่งที่ยังไม่ทราบ (รูปแบบเดิม)',
} as const;
type Entry = keyof typeof ENTRIES;

const YES = 'ใช่';
const NO = 'ไม่ใช่';

const list = (values: unknown): string => (Array.isArray(values) ? values.join(', ') : '');
const weights = (w: unknown): string =>
  w && typeof w === 'object'
    ? Object.entries(w as Record<string, number>)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')
    : '';
const th = (l: unknown) => (l as Localized)?.th ?? '';
const en = (l: unknown) => (l as Localized)?.en ?? '';

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, rows: Record<string, Cell>[]) {
  const ws = workbook.addWorksheet(spec.name);
  ws.addRow(spec.columns.map((c) => c.th));
  ws.addRow(spec.columns.map((c) => c.key));
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  for (const row of rows) ws.addRow(spec.columns.map((c) => (row[c.key] === undefined ? null : row[c.key])));
  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width ?? 16;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** The framework's JSON as a workbook (see the sheets above). */
export async function frameworkToWorkbook(data: Json): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Prongsai';
  const S = FRAMEWORK_SHEETS;
  const provenance = data.provenance as Json | string[] | undefined;
  const formal = provenance && !Array.isArray(provenance) ? provenance : undefined;
  const levels = (data.levels ?? {}) as Json;
  addSheet(workbook, S.set, [
    {
      id: data.id as string,
      name_th: th(data.name),
      name_en: en(data.name),
      fiscalYears: list(data.fiscalYears),
      agencyKinds: list(data.agencyKinds),
      analysisThreshold: data.analysisThreshold as number | undefined,
      provisional: formal ? (formal.provisional ? YES : NO) : undefined,
      confirmedBy: formal?.confirmedBy as string | undefined,
      confirmedAt: formal?.confirmedAt as string | undefined,
      levels_id: levels.id as string | undefined,
      levels_name_th: th(levels.name),
      levels_name_en: en(levels.name),
      levels_basis: levels.basis as string | undefined,
      schema: data.$schema as string | undefined,
    },
  ]);
  const aggregation = (a: unknown) => {
    const agg = (a ?? {}) as Json;
    return {
      aggregation: agg.method as string | undefined,
      aggregationWeights: weights(agg.weights),
      aggregationStatus: agg.status as string | undefined,
      aggregationNote: agg.note as string | undefined,
    };
  };
  addSheet(
    workbook,
    S.tools,
    ((data.tools as Json[]) ?? []).map((t) => ({
      code: t.code as string,
      name_th: th(t.name),
      name_en: en(t.name),
      weight: t.weight as number,
      weightStatus: t.weightStatus as string | undefined,
      kind: t.kind as string,
      ...aggregation(t.aggregation),
      source: t.source as string | undefined,
    })),
  );
  addSheet(
    workbook,
    S.indicators,
    ((data.indicators as Json[]) ?? []).flatMap((i) => [
      {
        code: i.number as number,
        tool: i.tool as string,
        name_th: th(i.name),
        name_en: en(i.name),
        description_th: th(i.description),
        description_en: en(i.description),
        ...aggregation(i.aggregation),
        source: i.source as string | undefined,
      },
      ...((i.subIndicators as Json[] | undefined) ?? []).flatMap((s) => [
        { code: s.code as string, name_th: th(s.name), name_en: en(s.name) },
        ...((s.groups as Json[] | undefined) ?? []).map((g) => ({ code: g.code as string, name_th: th(g.name), name_en: en(g.name) })),
      ]),
    ]),
  );
  const questions = (data.questions as Json[]) ?? [];
  addSheet(
    workbook,
    S.questions,
    questions.map((q) => ({
      code: q.code as string,
      indicator: q.indicator as number,
      text_th: th(q.text),
      text_en: en(q.text),
      textStatus: q.textStatus as string | undefined,
      polarity: q.polarity as string | undefined,
      polarityStatus: q.polarityStatus as string | undefined,
      previousCodes: list(q.previousCodes),
      source: q.source as string | undefined,
    })),
  );
  addSheet(
    workbook,
    S.items,
    questions.flatMap((q) =>
      ((q.items as Json[] | null) ?? []).map((item) => ({
        question: q.code as string,
        no: item.no as number,
        text_th: th(item.text),
        text_en: en(item.text),
        scale: item.scale as string,
        polarity: item.polarity as string,
        source: item.source as string | undefined,
      })),
    ),
  );
  addSheet(
    workbook,
    S.topics,
    questions.flatMap((q) =>
      ((q.topics as Json[] | undefined) ?? []).map((topic) => ({ question: q.code as string, text_th: th(topic), text_en: en(topic) })),
    ),
  );
  addSheet(
    workbook,
    S.scales,
    Object.entries((data.scales as Record<string, Json>) ?? {}).flatMap(([id, scale]) =>
      ((scale.options as Json[]) ?? []).map((option, n) => ({
        scale: id,
        option_th: th(option),
        option_en: en(option),
        answer: (scale.answers as number[])[n],
        score: (scale.scores as number[])[n],
      })),
    ),
  );
  addSheet(
    workbook,
    S.oit,
    ((data.oitItems as Json[]) ?? []).map((o) => ({
      code: o.code as string,
      indicator: o.indicator as number,
      indicatorStatus: o.indicatorStatus as string | undefined,
      subIndicator: o.subIndicator as string | undefined,
      group: o.group as string | undefined,
      name_th: th(o.name),
      name_en: en(o.name),
      nameVariants: Array.isArray(o.nameVariants) ? o.nameVariants.join('\n') : undefined,
      disclosure_th: th(o.disclosure),
      disclosure_en: en(o.disclosure),
      scoring: o.scoring as string,
      previousCodes: list(o.previousCodes),
      source: o.source as string | undefined,
    })),
  );
  addSheet(
    workbook,
    S.levels,
    ((levels.levels as Json[] | undefined) ?? []).map((l) => ({
      id: l.id as string,
      name_th: th(l.name),
      name_en: en(l.name),
      min: l.min as number,
      allToolsMin: l.allToolsMin as number | undefined,
    })),
  );
  const entry = (e: Entry, text: string) => ({ entry: ENTRIES[e], text });
  addSheet(workbook, S.provenance, [
    ...((formal?.sources as Json[] | undefined) ?? []).map((s) => ({
      entry: ENTRIES.source,
      id: s.id as string,
      kind: s.kind as string,
      citation: s.citation as string,
      text: s.gave as string,
    })),
    ...((formal?.unknowns as string[] | undefined) ?? []).map((u) => entry('unknown', u)),
    ...((formal?.notes as string[] | undefined) ?? []).map((n) => entry('note', n)),
    ...(Array.isArray(provenance) ? provenance.map((n) => entry('legacy-note', n)) : []),
    ...((data.unknowns as string[] | undefined) ?? []).map((u) => entry('legacy-unknown', u)),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A problem of a workbook, at its sheet, row and column where it has them; `messageTh` for the admin. */
export interface WorkbookProblem extends FrameworkProblem {
  messageTh: string;
  sheet?: string;
  row?: number;
  /** Column letter, e.g. `K`. */
  column?: string;
  /** The column's Thai header. */
  header?: string;
}

/** Where in the workbook a part of the framework came from: JSON path → sheet, row and the columns of its fields. */
export type WorkbookCells = Map<string, { sheet: string; row: number; columns: Record<string, { letter: string; header: string }> }>;

const letterOf = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** `แผ่นงาน "OIT" แถว 3 คอลัมน์ K (การให้คะแนน)` / `sheet "OIT", row 3, column K (scoring)`. */
function describe(p: { sheet?: string; row?: number; column?: string; header?: string; key?: string }, lang: 'th' | 'en') {
  if (!p.sheet) return lang === 'th' ? 'ไฟล์' : 'file';
  const parts = [lang === 'th' ? `แผ่นงาน "${p.sheet}"` : `sheet "${p.sheet}"`];
  if (p.row !== undefined) parts.push(lang === 'th' ? `แถว ${p.row}` : `row ${p.row}`);
  if (p.column) {
    const label = lang === 'th' ? p.header : p.key;
    parts.push(`${lang === 'th' ? 'คอลัมน์' : 'column'} ${p.column}${label ? ` (${label})` : ''}`);
  }
  return parts.join(lang === 'th' ? ' ' : ', ');
}

const cellText = (value: WorkbookSheet['rows'][number]['values'][number]): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

interface SheetRow {
  row: number;
  text: (key: string) => string;
  at: (key: string) => { sheet: string; row: number; column?: string; header?: string; key: string };
}

/**
 * Reads a workbook of the layout above back into the framework's JSON. Every problem is listed,
 * each at its sheet, row and column, in Thai and English; `cells` tells where each part came from,
 * so that the framework's own checks can name the cell too (`locateProblems`).
 */
export async function workbookToFramework(
  data: Buffer,
  source: string,
): Promise<{ ok: true; data: Json; cells: WorkbookCells } | { ok: false; problems: WorkbookProblem[] }> {
  const problems: WorkbookProblem[] = [];
  let sheets: WorkbookSheet[];
  try {
    // The one gate and reading worker of every XLSX upload: a hostile workbook costs a bounded worker.
    sheets = await readSheetsOffThread(data, source);
  } catch (error) {
    if (error instanceof InputError) {
      return { ok: false, problems: error.problems.map((p) => ({ source, path: '(file)', message: p.message, messageTh: p.th })) };
    }
    throw error;
  }
  const add = (where: ReturnType<SheetRow['at']> | { sheet: string; row?: number }, message: string, messageTh: string) => {
    const w = where as { sheet: string; row?: number; column?: string; header?: string; key?: string };
    problems.push({
      source,
      path: `${w.sheet}!${w.column ?? ''}${w.row ?? ''}`,
      message: `${describe(w, 'en')}: ${message}`,
      messageTh: `${describe(w, 'th')}: ${messageTh}`,
      sheet: w.sheet,
      ...(w.row !== undefined ? { row: w.row } : {}),
      ...(w.column ? { column: w.column, header: w.header } : {}),
    });
  };
  const cells: WorkbookCells = new Map();
  const remember = (path: string, r: SheetRow, fields: Record<string, string>) => {
    const columns: Record<string, { letter: string; header: string }> = {};
    for (const [field, key] of Object.entries(fields)) {
      const at = r.at(key);
      if (at.column) columns[field] = { letter: at.column, header: at.header ?? key };
    }
    cells.set(path, { sheet: r.at('').sheet, row: r.row, columns });
  };

  const table = (which: SheetKey): SheetRow[] => {
    const spec: SheetSpec = FRAMEWORK_SHEETS[which];
    const ws = sheets.find((s) => s.name.trim() === spec.name);
    if (!ws) {
      add({ sheet: spec.name }, `the workbook has no sheet "${spec.name}"`, `ไม่พบแผ่นงาน "${spec.name}" ในไฟล์`);
      return [];
    }
    const headerOf = (n: number) => (ws.rows.find((r) => r.number === n)?.values ?? []).map((v) => cellText(v).trim());
    // Columns are found by the English key of row 2, or else by the Thai header of row 1.
    const keys = headerOf(2);
    const ths = headerOf(1);
    const index = new Map<string, number>();
    for (const c of spec.columns) {
      const i = keys.indexOf(c.key) >= 0 ? keys.indexOf(c.key) : ths.indexOf(c.th);
      if (i >= 0) index.set(c.key, i);
      else add({ sheet: spec.name, row: 1 }, `there is no column "${c.key}"`, `ไม่พบคอลัมน์ "${c.th}" (${c.key})`);
    }
    const hasKeys = spec.columns.some((c) => keys.includes(c.key));
    const first = hasKeys ? 3 : 2;
    const out: SheetRow[] = [];
    for (const row of ws.rows) {
      if (row.number < first) continue;
      const values = row.values.map((v) => cellText(v).trim());
      if (values.every((v) => v === '')) continue;
      out.push({
        row: row.number,
        text: (key) => {
          const i = index.get(key);
          return i === undefined ? '' : (values[i] ?? '');
        },
        at: (key) => {
          const i = index.get(key);
          const header = spec.columns.find((c) => c.key === key)?.th;
          return { sheet: spec.name, row: row.number, key, ...(i === undefined ? {} : { column: letterOf(i), header }) };
        },
      });
    }
    return out;
  };

  // Readers of one cell: text, numbers (ASCII or Thai digits), lists, yes/no.
  const text = (r: SheetRow, key: string) => {
    const value = r.text(key);
    return value === '' ? undefined : value;
  };
  const number = (r: SheetRow, key: string, { integer = false } = {}): number | undefined => {
    const raw = r.text(key);
    if (raw === '') return undefined;
    const value = parseDecimal(raw);
    if (value === undefined) {
      add(r.at(key), `"${raw}" is not a number`, `"${raw}" ไม่ใช่ตัวเลข`);
      return undefined;
    }
    if (integer && !Number.isInteger(value)) {
      add(r.at(key), `"${raw}" is not a whole number`, `"${raw}" ไม่ใช่จำนวนเต็ม`);
      return undefined;
    }
    return value;
  };
  /** Values of a list cell: separated by commas (or, for years and codes, spaces too). */
  const values = (r: SheetRow, key: string, separator: RegExp = /[\s,]+/) =>
    fromThaiDigits(r.text(key))
      .split(separator)
      .map((v) => v.trim())
      .filter(Boolean);
  const codes = (r: SheetRow, key: string) => {
    const out = values(r, key);
    return out.length ? out : undefined;
  };
  const localized = (r: SheetRow, thKey: string, enKey: string) => {
    const t = text(r, thKey);
    const e = text(r, enKey);
    if (t === undefined) {
      if (e !== undefined) add(r.at(thKey), 'the Thai text is missing (the English is given)', 'ต้องมีข้อความภาษาไทย (มีแต่ภาษาอังกฤษ)');
      return undefined;
    }
    return { th: t, ...(e !== undefined ? { en: e } : {}) };
  };
  const weightsOf = (r: SheetRow, key: string) => {
    const out: Record<string, number> = {};
    for (const pair of values(r, key, /,/)) {
      const [k, v, ...rest] = pair.split('=').map((s) => s.trim());
      const n = v === undefined ? undefined : parseDecimal(v);
      if (!k || n === undefined || rest.length) {
        add(r.at(key), `"${pair}" is not "code=weight"`, `"${pair}" ต้องเขียนเป็น รหัส=น้ำหนัก เช่น 9=3`);
        continue;
      }
      out[k] = n;
    }
    return out;
  };
  const aggregationOf = (r: SheetRow) => {
    const method = text(r, 'aggregation');
    const w = r.text('aggregationWeights') === '' ? undefined : weightsOf(r, 'aggregationWeights');
    const status = text(r, 'aggregationStatus');
    const note = text(r, 'aggregationNote');
    if (!method) {
      if (w || status || note) add(r.at('aggregation'), 'the method of aggregation is missing', 'ต้องกรอกวิธีรวมคะแนน');
      return undefined;
    }
    return { method, ...(w ? { weights: w } : {}), ...(status ? { status } : {}), ...(note ? { note } : {}) };
  };
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });

  const framework: Json = {};
  const setRows = table('set');
  if (setRows.length > 1) add(setRows[1]!.at('id'), 'only one set per workbook: one row', 'หนึ่งไฟล์มีชุดคำถามได้ชุดเดียว (แถวเดียว)');
  const set = setRows[0];
  if (!set && setRows.length === 0 && sheets.some((s) => s.name === FRAMEWORK_SHEETS.set.name)) {
    add({ sheet: FRAMEWORK_SHEETS.set.name, row: 3 }, 'the set has no row', 'ไม่มีแถวข้อมูลชุดคำถาม');
  }
  let provenance: Json | string[] | undefined;
  if (set) {
    remember('', set, {
      $schema: 'schema',
      id: 'id',
      name: 'name_th',
      'name.en': 'name_en',
      fiscalYears: 'fiscalYears',
      agencyKinds: 'agencyKinds',
      analysisThreshold: 'analysisThreshold',
      'provenance.provisional': 'provisional',
      'provenance.confirmedBy': 'confirmedBy',
      'provenance.confirmedAt': 'confirmedAt',
      'levels.id': 'levels_id',
      'levels.name': 'levels_name_th',
      'levels.name.en': 'levels_name_en',
      'levels.basis': 'levels_basis',
    });
    Object.assign(framework, optional('$schema', text(set, 'schema')), { id: text(set, 'id') });
    framework.name = localized(set, 'name_th', 'name_en');
    framework.fiscalYears = values(set, 'fiscalYears').map((y) => {
      const year = parseDecimal(y);
      if (year === undefined || !Number.isInteger(year)) {
        add(set.at('fiscalYears'), `"${y}" is not a year`, `"${y}" ไม่ใช่ปี พ.ศ.`);
        return undefined;
      }
      return year;
    });
    Object.assign(framework, optional('agencyKinds', codes(set, 'agencyKinds')));
    Object.assign(framework, optional('analysisThreshold', number(set, 'analysisThreshold')));
    const provisional = text(set, 'provisional');
    if (provisional !== undefined) {
      const yes = [YES, 'true', 'yes', 'y'].includes(provisional.toLowerCase());
      const no = [NO, 'false', 'no', 'n'].includes(provisional.toLowerCase());
      if (!yes && !no) add(set.at('provisional'), `"${provisional}" is neither yes nor no`, `ต้องกรอก "${YES}" หรือ "${NO}"`);
      provenance = {
        sources: [],
        provisional: yes,
        confirmedBy: text(set, 'confirmedBy') ?? null,
        confirmedAt: text(set, 'confirmedAt') ?? null,
        unknowns: [],
      };
    }
    framework.levels = {
      id: text(set, 'levels_id'),
      name: localized(set, 'levels_name_th', 'levels_name_en'),
      ...optional('basis', text(set, 'levels_basis')),
      levels: [],
    };
  }

  framework.tools = table('tools').map((r, i) => {
    remember(`tools[${i}]`, r, {
      code: 'code',
      name: 'name_th',
      'name.en': 'name_en',
      weight: 'weight',
      weightStatus: 'weightStatus',
      kind: 'kind',
      aggregation: 'aggregation',
      'aggregation.weights': 'aggregationWeights',
      'aggregation.status': 'aggregationStatus',
      'aggregation.note': 'aggregationNote',
      source: 'source',
    });
    return {
      code: text(r, 'code'),
      name: localized(r, 'name_th', 'name_en'),
      weight: number(r, 'weight'),
      ...optional('weightStatus', text(r, 'weightStatus')),
      kind: text(r, 'kind'),
      ...optional('aggregation', aggregationOf(r)),
      ...optional('source', text(r, 'source')),
    };
  });

  // Indicators, their sub-indicators and groups, each below the one it belongs to.
  const indicators: Json[] = [];
  for (const r of table('indicators')) {
    const code = fromThaiDigits(r.text('code'));
    const depth = code.split('.').length;
    const i = indicators.length - 1;
    if (depth === 1) {
      remember(`indicators[${indicators.length}]`, r, {
        number: 'code',
        tool: 'tool',
        name: 'name_th',
        'name.en': 'name_en',
        description: 'description_th',
        'description.en': 'description_en',
        aggregation: 'aggregation',
        'aggregation.weights': 'aggregationWeights',
        'aggregation.status': 'aggregationStatus',
        'aggregation.note': 'aggregationNote',
        source: 'source',
      });
      indicators.push({
        number: number(r, 'code', { integer: true }),
        tool: text(r, 'tool'),
        name: localized(r, 'name_th', 'name_en'),
        ...optional('description', localized(r, 'description_th', 'description_en')),
        ...optional('aggregation', aggregationOf(r)),
        ...optional('source', text(r, 'source')),
      });
      continue;
    }
    const indicator = indicators[i];
    if (!indicator) {
      add(r.at('code'), `${code} comes before any indicator`, `${code} ต้องอยู่ใต้แถวตัวชี้วัดที่สังกัด`);
      continue;
    }
    const subs = (indicator.subIndicators ??= []) as Json[];
    const name = localized(r, 'name_th', 'name_en');
    const fields = { code: 'code', name: 'name_th', 'name.en': 'name_en' };
    if (depth === 2) {
      remember(`indicators[${i}].subIndicators[${subs.length}]`, r, fields);
      subs.push({ code, name });
    } else if (depth === 3 && subs.length) {
      const sub = subs[subs.length - 1]!;
      const groups = (sub.groups ??= []) as Json[];
      remember(`indicators[${i}].subIndicators[${subs.length - 1}].groups[${groups.length}]`, r, fields);
      groups.push({ code, name });
    } else {
      add(r.at('code'), `"${code}" is not an indicator (9), sub-indicator (9.1) or group (9.1.1)`, `"${code}" ต้องเป็นตัวชี้วัด (เช่น 9) ตัวชี้วัดย่อย (9.1) หรือกลุ่ม (9.1.1) ใต้ตัวชี้วัดย่อย`);
    }
  }
  framework.indicators = indicators;

  const itemRows = table('items');
  const topicRows = table('topics');
  const questions = table('questions').map((r, i) => {
    const code = text(r, 'code');
    remember(`questions[${i}]`, r, {
      code: 'code',
      indicator: 'indicator',
      text: 'text_th',
      'text.en': 'text_en',
      textStatus: 'textStatus',
      polarity: 'polarity',
      polarityStatus: 'polarityStatus',
      previousCodes: 'previousCodes',
      source: 'source',
    });
    const own = itemRows.filter((item) => text(item, 'question') === code);
    const topics = topicRows.filter((t) => text(t, 'question') === code);
    return {
      code,
      indicator: number(r, 'indicator', { integer: true }),
      text: localized(r, 'text_th', 'text_en'),
      ...optional('textStatus', text(r, 'textStatus')),
      ...optional('polarity', text(r, 'polarity')),
      ...optional('polarityStatus', text(r, 'polarityStatus')),
      ...(topics.length
        ? {
            topics: topics.map((t, j) => {
              remember(`questions[${i}].topics[${j}]`, t, { '': 'text_th', en: 'text_en' });
              return localized(t, 'text_th', 'text_en');
            }),
          }
        : {}),
      items: own.length
        ? own.map((item, j) => {
            remember(`questions[${i}].items[${j}]`, item, {
              no: 'no',
              text: 'text_th',
              'text.en': 'text_en',
              scale: 'scale',
              polarity: 'polarity',
              source: 'source',
            });
            return {
              no: number(item, 'no', { integer: true }),
              text: localized(item, 'text_th', 'text_en'),
              scale: text(item, 'scale'),
              polarity: text(item, 'polarity'),
              ...optional('source', text(item, 'source')),
            };
          })
        : null,
      ...optional('previousCodes', codes(r, 'previousCodes')),
      ...optional('source', text(r, 'source')),
    };
  });
  framework.questions = questions;
  const known = new Set(questions.map((q) => q.code));
  for (const r of [...itemRows, ...topicRows]) {
    const code = r.text('question');
    if (!known.has(code)) {
      add(r.at('question'), `question "${code}" is not on the sheet "${FRAMEWORK_SHEETS.questions.name}"`, `ไม่พบคำถาม "${code}" ในแผ่นงาน "${FRAMEWORK_SHEETS.questions.name}"`);
    }
  }

  const scales: Record<string, { options: unknown[]; answers: unknown[]; scores: unknown[] }> = {};
  for (const r of table('scales')) {
    const id = r.text('scale');
    if (!id) {
      add(r.at('scale'), 'the scale is missing', 'ต้องกรอกรหัสมาตรวัด');
      continue;
    }
    const scale = (scales[id] ??= { options: [], answers: [], scores: [] });
    const n = scale.options.length;
    remember(`scales.${id}.options[${n}]`, r, { '': 'option_th', en: 'option_en' });
    remember(`scales.${id}.answers[${n}]`, r, { '': 'answer' });
    remember(`scales.${id}.scores[${n}]`, r, { '': 'score' });
    if (n === 0) remember(`scales.${id}`, r, { options: 'option_th', answers: 'answer', scores: 'score' });
    scale.options.push(localized(r, 'option_th', 'option_en'));
    scale.answers.push(number(r, 'answer', { integer: true }));
    scale.scores.push(number(r, 'score'));
  }
  framework.scales = scales;

  framework.oitItems = table('oit').map((r, i) => {
    remember(`oitItems[${i}]`, r, {
      code: 'code',
      indicator: 'indicator',
      indicatorStatus: 'indicatorStatus',
      subIndicator: 'subIndicator',
      group: 'group',
      name: 'name_th',
      'name.en': 'name_en',
      nameVariants: 'nameVariants',
      disclosure: 'disclosure_th',
      'disclosure.en': 'disclosure_en',
      scoring: 'scoring',
      previousCodes: 'previousCodes',
      source: 'source',
    });
    const variants = r
      .text('nameVariants')
      .split('\n')
      .map((v) => v.trim())
      .filter(Boolean);
    return {
      code: text(r, 'code'),
      indicator: number(r, 'indicator', { integer: true }),
      ...optional('indicatorStatus', text(r, 'indicatorStatus')),
      ...optional('subIndicator', text(r, 'subIndicator') && fromThaiDigits(r.text('subIndicator'))),
      ...optional('group', text(r, 'group') && fromThaiDigits(r.text('group'))),
      name: localized(r, 'name_th', 'name_en') ?? null,
      ...(variants.length ? { nameVariants: variants } : {}),
      ...optional('disclosure', localized(r, 'disclosure_th', 'disclosure_en')),
      ...optional('previousCodes', codes(r, 'previousCodes')),
      scoring: text(r, 'scoring'),
      ...optional('source', text(r, 'source')),
    };
  });

  const levelRows = table('levels');
  if (framework.levels) {
    (framework.levels as Json).levels = levelRows.map((r, i) => {
      remember(`levels.levels[${i}]`, r, { id: 'id', name: 'name_th', 'name.en': 'name_en', min: 'min', allToolsMin: 'allToolsMin' });
      return {
        id: text(r, 'id'),
        name: localized(r, 'name_th', 'name_en'),
        min: number(r, 'min'),
        ...optional('allToolsMin', number(r, 'allToolsMin')),
      };
    });
  }

  const entryOf = new Map<string, Entry>(Object.entries(ENTRIES).flatMap(([key, label]) => [[key, key as Entry], [label, key as Entry]]));
  const legacyNotes: string[] = [];
  const legacyUnknowns: string[] = [];
  for (const r of table('provenance')) {
    const label = r.text('entry');
    const entry = entryOf.get(label);
    const body = text(r, 'text');
    if (!entry) {
      add(r.at('entry'), `"${label}" is not a kind of entry (${Object.keys(ENTRIES).join(', ')})`, `"${label}" ต้องเป็นหนึ่งใน ${Object.values(ENTRIES).join(' / ')}`);
      continue;
    }
    if (entry === 'legacy-note' || entry === 'legacy-unknown') {
      if (body) (entry === 'legacy-note' ? legacyNotes : legacyUnknowns).push(body);
      continue;
    }
    if (!provenance || Array.isArray(provenance)) {
      add(r.at('entry'), 'sources, unknowns and notes need the provisional column of the set filled', `ต้องกรอกคอลัมน์ "ฉบับร่าง" ในแผ่นงาน "${FRAMEWORK_SHEETS.set.name}" ก่อน จึงจะมีแหล่งที่มาได้`);
      continue;
    }
    if (entry === 'source') {
      const sources = provenance.sources as Json[];
      remember(`provenance.sources[${sources.length}]`, r, { id: 'id', kind: 'kind', citation: 'citation', gave: 'text' });
      sources.push({ id: text(r, 'id'), kind: text(r, 'kind'), citation: text(r, 'citation'), gave: body });
    } else {
      const target = (entry === 'unknown' ? provenance.unknowns : (provenance.notes ??= [])) as unknown[];
      remember(`provenance.${entry === 'unknown' ? 'unknowns' : 'notes'}[${target.length}]`, r, { '': 'text' });
      target.push(body);
    }
  }
  if (legacyNotes.length && !provenance) provenance = legacyNotes;
  if (provenance) framework.provenance = provenance;
  if (legacyUnknowns.length) framework.unknowns = legacyUnknowns;

  if (problems.length) return { ok: false, problems };
  return { ok: true, data: framework, cells };
}

/** A message of the framework's checks in Thai, as far as it is known; the English follows it. */
function thaiOf(message: string): string {
  if (message === 'Required' || message.endsWith('received undefined')) return 'ต้องกรอกช่องนี้';
  if (message.startsWith('Invalid option') || message.startsWith('Invalid enum value')) {
    const expected = message.match(/"[^"]*"|'[^']*'/g)?.map((v) => v.slice(1, -1));
    return `ค่าไม่อยู่ในตัวเลือกที่ใช้ได้${expected?.length ? ` (${expected.join(', ')})` : ''}`;
  }
  if (/expected number/i.test(message)) return 'ต้องเป็นตัวเลข';
  if (message.startsWith('Too small')) return `ค่าน้อยเกินไป (${message})`;
  if (message.startsWith('Too big')) return `ค่ามากเกินไป (${message})`;
  return `ค่าไม่ถูกต้อง (${message})`;
}

/** The framework's own problems with a workbook, at the sheet, row and column each came from. */
export function locateProblems(problems: readonly FrameworkProblem[], cells: WorkbookCells): WorkbookProblem[] {
  const under = (path: string, key: string) => key === '' || path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
  return problems.map((p) => {
    const key = [...cells.keys()].filter((k) => under(p.path, k)).sort((a, b) => b.length - a.length)[0];
    const place = key === undefined ? undefined : cells.get(key);
    if (key === undefined || !place) {
      return { ...p, message: `${p.path}: ${p.message}`, messageTh: `${p.path}: ${thaiOf(p.message)}` };
    }
    const rest = p.path.slice(key.length).replace(/^\./, '');
    const field = Object.keys(place.columns)
      .filter((f) => under(rest, f))
      .sort((a, b) => b.length - a.length)[0];
    const column = field === undefined ? undefined : place.columns[field];
    const where = { sheet: place.sheet, row: place.row, ...(column ? { column: column.letter, header: column.header, key: field } : {}) };
    return {
      ...p,
      path: `${place.sheet}!${column?.letter ?? ''}${place.row} (${p.path})`,
      message: `${describe(where, 'en')} (${p.path}): ${p.message}`,
      messageTh: `${describe(where, 'th')}: ${thaiOf(p.message)}`,
      sheet: place.sheet,
      row: place.row,
      ...(column ? { column: column.letter, header: column.header } : {}),
    };
  });
}

/** A refused workbook as the 422 every import answers with: each problem in Thai for the admin, in English for logs. */
export function workbookError(problems: readonly WorkbookProblem[]): HttpError {
  // As every import: at most MAX_PROBLEMS are listed, the rest counted.
  const listed = problems.slice(0, MAX_PROBLEMS);
  const more = problems.length - listed.length;
  return new HttpError(
    422,
    'invalid-framework',
    [
      `the framework workbook has ${problems.length} problem(s); nothing was loaded`,
      ...listed.map((p) => p.message),
      ...(more ? [`… and ${more} more`] : []),
    ].join('\n'),
    [
      `ชุดคำถามมีปัญหา ${problems.length} รายการ ยังไม่ได้นำเข้า`,
      ...listed.map((p) => p.messageTh),
      ...(more ? [`… และอีก ${more} รายการ`] : []),
    ].join('\n'),
    listed,
  );
}
