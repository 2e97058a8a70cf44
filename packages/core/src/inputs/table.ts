import { parse } from 'csv-parse/sync';
import type { CompiledFramework } from '../framework/compile.js';
import { emptyScoreInput, type ScoreInput } from '../scoring/input.js';
import { fromThaiDigits, parseDecimal } from '../thai/digits.js';
import { InputError, MAX_PROBLEMS, type InputProblem } from './problems.js';
import { RawResponseTally } from './raw-tally.js';

export type Cell = string | number | boolean | null | undefined;

/** A file's first table: its header and its rows, each with its row number in the file. */
export interface Table {
  file: string;
  header: string[];
  rows: { row: number; cells: Cell[] }[];
}

export type TableFormat = 'raw-responses' | 'distributions' | 'scores' | 'indicator-scores';

const DISTRIBUTION_COLUMNS = ['code', 'item', 'p1', 'p2', 'p3', 'p4', 'yes', 'no', 'score'] as const;
/** Columns a person reads or OIT details; scoring passes them over. */
const OPTIONAL_COLUMNS = ['text', 'name', 'urls', 'suggestion', 'explanation'];

/**
 * Recognises an input format by its header:
 * - `respondent,I1.1,…` raw responses;
 * - `code,item,p1,p2,p3,p4,yes,no,score` (or a subset with `item` or shares) distributions;
 * - `code,score` question, OIT item or tool scores;
 * - `indicator,score` indicator scores.
 */
export function detectFormat(header: readonly string[]): TableFormat | null {
  const names = header.map((h) => h.trim().toLowerCase());
  if (names[0] === 'respondent') return 'raw-responses';
  const set = new Set(names);
  if (set.has('indicator') && set.has('score')) return 'indicator-scores';
  if (!set.has('code')) return null;
  if (names.some((n) => !(DISTRIBUTION_COLUMNS as readonly string[]).includes(n) && !OPTIONAL_COLUMNS.includes(n) && n !== '')) {
    return null;
  }
  if (['item', 'p1', 'p2', 'p3', 'p4', 'yes', 'no'].some((c) => set.has(c))) return 'distributions';
  return set.has('score') ? 'scores' : null;
}

/** Decodes UTF-8 (with or without BOM); anything else is an `InputError`. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([
      {
        file,
        message: 'the file is not UTF-8 text; save it as "CSV UTF-8"',
        th: 'ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8 กรุณาบันทึกเป็น "CSV UTF-8"',
      },
    ]);
  }
}

/** Parses CSV text (RFC 4180) into a table. */
export function parseCsvTable(text: string, file: string): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError([
      {
        file,
        ...(line === undefined ? {} : { row: line }),
        message: `not valid CSV: ${(error as Error).message}`,
        th: 'ไฟล์ CSV มีรูปแบบไม่ถูกต้อง',
      },
    ]);
  }
  const [head, ...rest] = records;
  if (!head) throw new InputError([{ file, message: 'the file is empty', th: 'ไฟล์ว่างเปล่า' }]);
  return { file, header: head.record.map((h) => h.trim()), rows: rest.map((r) => ({ row: r.info.lines, cells: r.record })) };
}

/** A JSON input: an array of objects whose keys are the CSV columns (or `{ "rows": [...] }`). */
export function jsonTable(value: unknown, file: string): Table {
  const rows = Array.isArray(value) ? value : (value as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
    throw new InputError([
      {
        file,
        message: 'a JSON input must be an array of objects with the same columns as the CSV formats',
        th: 'ไฟล์ JSON ต้องเป็นอาร์เรย์ของออบเจกต์ที่มีคอลัมน์เดียวกับไฟล์ CSV',
      },
    ]);
  }
  const header: string[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  }
  // Keep `respondent` first, as raw-response detection expects.
  const respondent = header.findIndex((h) => h.toLowerCase() === 'respondent');
  if (respondent > 0) header.unshift(...header.splice(respondent, 1));
  return {
    file,
    header,
    rows: (rows as Record<string, unknown>[]).map((row, i) => ({
      row: i + 1,
      cells: header.map((h) => {
        const v = row[h];
        return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null
          ? v
          : v === undefined
            ? undefined
            : String(v);
      }),
    })),
  };
}

function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Reads a table in any of the formats `detectFormat` recognises into scoring input.
 * Throws `InputError` with every problem found (up to 50) when the table cannot be used.
 */
export function readTable(framework: CompiledFramework, table: Table): ScoreInput {
  const format = detectFormat(table.header);
  switch (format) {
    case 'raw-responses': {
      const tally = RawResponseTally.fromHeader(framework, table.header, table.file);
      for (const { row, cells } of table.rows) {
        if (cells.every(isBlank)) continue;
        tally.addRow(cells, row);
      }
      return tally.toScoreInput();
    }
    case 'distributions':
    case 'scores':
    case 'indicator-scores':
      return readScoreRows(framework, table, format);
    case null:
      throw new InputError([
        {
          file: table.file,
          row: 1,
          message: `unrecognised header "${table.header.join(',')}"; expected one of: respondent,I1.1,… | code,item,p1,p2,p3,p4,yes,no,score | code,score | indicator,score`,
          th: `ไม่รู้จักหัวตาราง "${table.header.join(',')}" ต้องเป็นแบบใดแบบหนึ่ง: respondent,I1.1,… | code,item,p1,p2,p3,p4,yes,no,score | code,score | indicator,score`,
        },
      ]);
  }
}

/** Answer-share columns for a scale, in option order. */
function shareColumns(scaleId: string, optionCount: number): string[] {
  if (scaleId === 'yesno') return ['yes', 'no'];
  return Array.from({ length: optionCount }, (_, i) => `p${i + 1}`);
}

function readScoreRows(framework: CompiledFramework, table: Table, format: TableFormat): ScoreInput {
  const input = emptyScoreInput();
  const problems: InputProblem[] = [];
  let problemCount = 0;
  const problem = (p: Omit<InputProblem, 'file'>) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push({ file: table.file, ...p });
  };
  const index = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i]));
  const cell = (cells: Cell[], column: string): Cell => {
    const i = index.get(column);
    return i === undefined ? undefined : cells[i];
  };
  const number = (cells: Cell[], column: string, row: number): number | null | undefined => {
    const raw = cell(cells, column);
    if (isBlank(raw)) return null;
    const value = parseDecimal(String(raw));
    if (value === undefined) {
      problem({ row, column, message: `"${String(raw)}" is not a number`, th: `"${String(raw)}" ไม่ใช่ตัวเลข` });
      return undefined;
    }
    return value;
  };
  const code = (cells: Cell[], column: string) =>
    fromThaiDigits(String(cell(cells, column) ?? ''))
      .trim()
      .toUpperCase();
  const setOnce = <K, V>(map: Map<K, V>, key: K, value: V, subject: string, row: number) => {
    if (map.has(key)) input.warnings.push({ code: 'duplicate', subject, source: { file: table.file, row } });
    map.set(key, value);
  };

  for (const { row, cells } of table.rows) {
    if (cells.every(isBlank)) continue;
    const source = { file: table.file, row };
    const score = number(cells, 'score', row);
    if (format === 'indicator-scores') {
      const indicator = number(cells, 'indicator', row);
      if (indicator === undefined || score === undefined) continue;
      if (indicator === null || !Number.isInteger(indicator) || score === null) {
        problem({ row, message: 'indicator and score are both required', th: 'ต้องระบุทั้ง indicator และ score' });
        continue;
      }
      setOnce(input.indicators, indicator, { score, source }, `indicator ${indicator}`, row);
      continue;
    }
    const unitCode = code(cells, 'code');
    if (unitCode === '') {
      problem({ row, column: 'code', message: 'code is empty', th: 'ไม่ได้ระบุรหัส (code)' });
      continue;
    }
    if (score === undefined) continue;
    const itemCell = cell(cells, 'item');
    const isTool = framework.tools.some((t) => t.code === unitCode);
    if (isBlank(itemCell) || isTool) {
      if (score === null) {
        problem({ row, column: 'score', message: `${unitCode} has no score`, th: `${unitCode} ไม่มีคะแนน` });
        continue;
      }
      setOnce(isTool ? input.tools : input.units, unitCode, { score, source }, unitCode, row);
      continue;
    }
    const itemNo = Number(fromThaiDigits(String(itemCell).trim()));
    if (!Number.isInteger(itemNo) || itemNo < 1) {
      problem({
        row,
        column: 'item',
        message: `"${String(itemCell)}" is not an item number`,
        th: `"${String(itemCell)}" ไม่ใช่ลำดับหัวข้อ`,
      });
      continue;
    }
    const key = `${unitCode}.${itemNo}`;
    const item = framework.items.get(key);
    const filled = ['p1', 'p2', 'p3', 'p4', 'yes', 'no'].filter((c) => !isBlank(cell(cells, c)));
    if (!item || filled.length === 0) {
      if (score === null) {
        problem({ row, message: `${key} has neither answer shares nor a score`, th: `${key} ไม่มีทั้งร้อยละของคำตอบและคะแนน` });
        continue;
      }
      setOnce(input.items, key, { kind: 'score', score, source }, key, row);
      continue;
    }
    const expected = shareColumns(item.scaleId, item.points.length);
    if (filled.some((c) => !expected.includes(c))) {
      input.warnings.push({
        code: 'scale-mismatch',
        subject: key,
        source,
        params: { scale: item.scaleId, columns: filled.join(', ') },
      });
      continue;
    }
    const shares = expected.map((c) => number(cells, c, row));
    if (shares.some((s) => s === undefined)) continue;
    const empty = expected.filter((_, i) => shares[i] === null);
    if (empty.length > 0) {
      problem({
        row,
        column: empty.join(', '),
        message: `${key}: ${empty.join(', ')} empty`,
        th: `${key}: ช่อง ${empty.join(', ')} ว่าง`,
      });
      continue;
    }
    setOnce(
      input.items,
      key,
      { kind: 'shares', shares: shares as number[], ...(score === null ? {} : { published: score }), source },
      key,
      row,
    );
  }
  if (problemCount > problems.length) {
    problems.push({
      file: table.file,
      message: `${problemCount - problems.length} more problems`,
      th: `และอีก ${problemCount - problems.length} ปัญหา`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return input;
}
