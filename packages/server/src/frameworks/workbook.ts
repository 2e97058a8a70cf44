import ExcelJS from 'exceljs';
import { InputError, type FrameworkProblem } from '@prongsai/core';
import { readSheetsOffThread, type WorkbookSheet } from '../inputs/workbook-off-thread.js';

// A framework as a workbook, for a central admin to prepare a new year's set from last year's in
// Excel: the tables that change each year (questions, their items, OIT items) one row each, and
// everything else on the `framework` sheet, a field per row (nested fields as JSON).

type Json = Record<string, unknown>;
type Localized = { th: string; en?: string | null } | null | undefined;

const SCALAR_FIELDS = ['id', 'fiscalYears', 'analysisThreshold'] as const;
const JSON_FIELDS = ['agencyKinds', 'provenance', 'unknowns', 'scales', 'levels', 'tools', 'indicators'] as const;

const QUESTION_COLUMNS = ['code', 'indicator', 'text_th', 'text_en', 'polarity', 'previousCodes', 'more'] as const;
const ITEM_COLUMNS = ['question', 'no', 'text_th', 'text_en', 'scale', 'polarity'] as const;
const OIT_COLUMNS = [
  'code',
  'indicator',
  'subIndicator',
  'group',
  'name_th',
  'name_en',
  'disclosure_th',
  'disclosure_en',
  'scoring',
  'previousCodes',
  'more',
] as const;

const list = (values: unknown) => (Array.isArray(values) && values.length ? values.join(', ') : '');
const others = (record: Json, known: readonly string[]) => {
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !known.includes(key)));
  return Object.keys(rest).length ? JSON.stringify(rest) : '';
};

function sheet(workbook: ExcelJS.Workbook, name: string, columns: readonly string[], rows: unknown[][]) {
  const ws = workbook.addWorksheet(name);
  ws.addRow([...columns]);
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((column, i) => (column.width = ['text_th', 'name_th', 'disclosure_th'].includes(columns[i]!) ? 60 : 16));
}

/** The framework's JSON as a workbook (see the sheets above). */
export async function frameworkToWorkbook(data: Json): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const name = data.name as Localized;
  sheet(workbook, 'framework', ['field', 'value'], [
    ['id', data.id],
    ['name_th', name?.th ?? ''],
    ['name_en', name?.en ?? ''],
    ['fiscalYears', list(data.fiscalYears)],
    ['analysisThreshold', data.analysisThreshold ?? ''],
    ...JSON_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, JSON.stringify(data[f])]),
  ]);
  const questions = (data.questions as Json[]) ?? [];
  sheet(
    workbook,
    'questions',
    QUESTION_COLUMNS,
    questions.map((q) => [
      q.code,
      q.indicator,
      (q.text as Localized)?.th ?? '',
      (q.text as Localized)?.en ?? '',
      q.polarity ?? '',
      list(q.previousCodes),
      others(q, ['code', 'indicator', 'text', 'polarity', 'previousCodes', 'items']),
    ]),
  );
  sheet(
    workbook,
    'items',
    ITEM_COLUMNS,
    questions.flatMap((q) =>
      ((q.items as Json[] | null) ?? []).map((item) => [
        q.code,
        item.no,
        (item.text as Localized)?.th ?? '',
        (item.text as Localized)?.en ?? '',
        item.scale,
        item.polarity,
      ]),
    ),
  );
  sheet(
    workbook,
    'oitItems',
    OIT_COLUMNS,
    ((data.oitItems as Json[]) ?? []).map((o) => [
      o.code,
      o.indicator,
      o.subIndicator ?? '',
      o.group ?? '',
      (o.name as Localized)?.th ?? '',
      (o.name as Localized)?.en ?? '',
      (o.disclosure as Localized)?.th ?? '',
      (o.disclosure as Localized)?.en ?? '',
      o.scoring,
      list(o.previousCodes),
      others(o, ['code', 'indicator', 'subIndicator', 'group', 'name', 'disclosure', 'scoring', 'previousCodes']),
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cellText = (value: WorkbookSheet['rows'][number]['values'][number]): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);

/** Reads a workbook of the layout above back into the framework's JSON; problems name the sheet and row. */
export async function workbookToFramework(
  data: Buffer,
  source: string,
): Promise<{ ok: true; data: Json; rows: Map<string, string> } | { ok: false; problems: FrameworkProblem[] }> {
  const problems: FrameworkProblem[] = [];
  const add = (path: string, message: string) => problems.push({ source, path, message });
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
  /** Rows of a sheet as objects by header; `rows` maps a JSON path to the sheet and row it came from. */
  const rows = new Map<string, string>();
  const table = (name: string, columns: readonly string[]): Record<string, string>[] => {
    const ws = sheets.find((s) => s.name === name);
    if (!ws) {
      add(name, `the workbook has no sheet "${name}"`);
      return [];
    }
    const first = ws.rows.find((r) => r.number === 1);
    const header = (first?.values ?? []).map((v) => cellText(v).trim());
    for (const column of columns) if (!header.includes(column)) add(`${name}!1`, `the sheet has no column "${column}"`);
    const out: Record<string, string>[] = [];
    for (const row of ws.rows) {
      if (row.number === 1) continue;
      const values = row.values.map(cellText);
      if (values.every((v) => v.trim() === '')) continue;
      out.push({ ...Object.fromEntries(header.map((h, i) => [h, (values[i] ?? '').trim()])), __row: String(row.number) });
    }
    return out;
  };
  const json = (text: string, where: string): unknown => {
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      add(where, 'is not valid JSON');
      return undefined;
    }
  };
  const numberOf = (text: string, where: string): number | undefined => {
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) add(where, `"${text}" is not a number`);
    return value;
  };
  const codes = (text: string) => (text === '' ? undefined : text.split(/[,\s]+/).filter(Boolean));
  const localized = (th: string, en: string) => (th === '' ? undefined : { th, ...(en ? { en } : {}) });

  const fields = new Map(table('framework', ['field', 'value']).map((r) => [r.field!, r]));
  const framework: Json = {};
  for (const field of SCALAR_FIELDS) {
    const row = fields.get(field);
    if (!row) continue;
    const where = `framework!${row.__row}`;
    if (field === 'id') framework.id = row.value;
    else if (field === 'fiscalYears') framework.fiscalYears = (codes(row.value ?? '') ?? []).map((y) => numberOf(y, where));
    else framework.analysisThreshold = numberOf(row.value ?? '', where);
  }
  framework.name = localized(fields.get('name_th')?.value ?? '', fields.get('name_en')?.value ?? '');
  for (const field of JSON_FIELDS) {
    const row = fields.get(field);
    if (row) framework[field] = json(row.value ?? '', `framework!${row.__row}`);
  }
  const items = table('items', ITEM_COLUMNS);
  framework.questions = table('questions', QUESTION_COLUMNS).map((q, i) => {
    rows.set(`questions[${i}]`, `questions!${q.__row}`);
    const own = items.filter((item) => item.question === q.code);
    const extra = (json(q.more ?? '', `questions!${q.__row}`) ?? {}) as Json;
    return {
      code: q.code,
      indicator: numberOf(q.indicator ?? '', `questions!${q.__row}`),
      text: localized(q.text_th ?? '', q.text_en ?? ''),
      ...(q.polarity ? { polarity: q.polarity } : {}),
      ...(codes(q.previousCodes ?? '') ? { previousCodes: codes(q.previousCodes ?? '') } : {}),
      ...extra,
      items: own.length
        ? own.map((item, j) => {
            rows.set(`questions[${i}].items[${j}]`, `items!${item.__row}`);
            return {
              no: numberOf(item.no ?? '', `items!${item.__row}`),
              text: localized(item.text_th ?? '', item.text_en ?? ''),
              scale: item.scale,
              polarity: item.polarity,
            };
          })
        : null,
    };
  });
  for (const item of items) {
    if (!(framework.questions as Json[]).some((q) => q.code === item.question)) {
      add(`items!${item.__row}`, `question ${item.question} is not on the questions sheet`);
    }
  }
  framework.oitItems = table('oitItems', OIT_COLUMNS).map((o, i) => {
    rows.set(`oitItems[${i}]`, `oitItems!${o.__row}`);
    const extra = (json(o.more ?? '', `oitItems!${o.__row}`) ?? {}) as Json;
    const name = localized(o.name_th ?? '', o.name_en ?? '');
    const disclosure = localized(o.disclosure_th ?? '', o.disclosure_en ?? '');
    return {
      code: o.code,
      indicator: numberOf(o.indicator ?? '', `oitItems!${o.__row}`),
      ...(o.subIndicator ? { subIndicator: o.subIndicator } : {}),
      ...(o.group ? { group: o.group } : {}),
      name: name ?? null,
      ...extra,
      ...(disclosure ? { disclosure } : {}),
      ...(codes(o.previousCodes ?? '') ? { previousCodes: codes(o.previousCodes ?? '') } : {}),
      scoring: o.scoring,
    };
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, data: framework, rows };
}
