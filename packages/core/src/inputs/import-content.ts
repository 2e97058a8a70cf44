import type { CompiledFramework } from '../framework/compile.js';
import { emptyScoreInput, mergeScoreInputs, type ItemObservation, type ScoreInput } from '../scoring/input.js';
import { fromThaiDigits, parseDecimal } from '../thai/digits.js';
import { isWellFormedUrl } from '../thai/urls.js';
import { InputError, type InputProblem } from './problems.js';
import { readTable, type Cell, type Table } from './table.js';

/** What an agency submitted for an OIT item and what the assessor said. */
export interface OitDetail {
  code: string;
  urls: string[];
  suggestion: string | null;
  explanation: string | null;
}

/** One row of a respondent statistics table (IIT by gender, age band, …; EIT by occupation, …). */
export interface RespondentStat {
  tool: string;
  dimension: string;
  label: string;
  count: number | null;
  percent: number | null;
}

/** Everything one import brings: scoring input, OIT details and respondent statistics. */
export interface ImportContent {
  input: ScoreInput;
  oit: OitDetail[];
  stats: RespondentStat[];
}

export const STAT_DIMENSIONS = [
  'gender',
  'age',
  'positionLevel',
  'yearsOfService',
  'occupation',
  'contactKind',
  'division',
] as const;

const blank = (cell: Cell) => cell === null || cell === undefined || String(cell).trim() === '';
const text = (cell: Cell) => (blank(cell) ? null : String(cell).trim());

function columnIndex(table: Table) {
  const index = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i]));
  return (cells: Cell[], column: string): Cell => {
    const i = index.get(column);
    return i === undefined ? undefined : cells[i];
  };
}

export function isRespondentStatsHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return ['tool', 'dimension', 'label'].every((c) => names.has(c)) && (names.has('count') || names.has('percent'));
}

function readStats(table: Table): RespondentStat[] {
  const get = columnIndex(table);
  const problems: InputProblem[] = [];
  const stats: RespondentStat[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every(blank)) continue;
    const tool = text(get(cells, 'tool'))?.toUpperCase() ?? '';
    const dimension = text(get(cells, 'dimension')) ?? '';
    const label = text(get(cells, 'label')) ?? '';
    const number = (column: string) => {
      const raw = get(cells, column);
      if (blank(raw)) return null;
      const value = parseDecimal(String(raw));
      if (value === undefined || value < 0) {
        problems.push({
          file: table.file,
          row,
          column,
          message: `"${String(raw)}" is not a count or percentage`,
          th: `"${String(raw)}" ไม่ใช่จำนวนหรือร้อยละ`,
        });
        return null;
      }
      return value;
    };
    if (!['IIT', 'EIT'].includes(tool)) {
      problems.push({ file: table.file, row, column: 'tool', message: 'tool must be IIT or EIT', th: 'tool ต้องเป็น IIT หรือ EIT' });
      continue;
    }
    if (!(STAT_DIMENSIONS as readonly string[]).includes(dimension)) {
      problems.push({
        file: table.file,
        row,
        column: 'dimension',
        message: `dimension must be one of ${STAT_DIMENSIONS.join(', ')}`,
        th: `dimension ต้องเป็นหนึ่งใน ${STAT_DIMENSIONS.join(', ')}`,
      });
      continue;
    }
    if (label === '') {
      problems.push({ file: table.file, row, column: 'label', message: 'label is empty', th: 'ไม่ได้ระบุ label' });
      continue;
    }
    stats.push({ tool, dimension, label, count: number('count'), percent: number('percent') });
  }
  if (problems.length > 0) throw new InputError(problems);
  return stats;
}

function readOitDetails(table: Table): OitDetail[] {
  const get = columnIndex(table);
  if (!['urls', 'suggestion', 'explanation'].some((c) => table.header.map((h) => h.trim().toLowerCase()).includes(c))) return [];
  const details: OitDetail[] = [];
  for (const { cells } of table.rows) {
    const code = fromThaiDigits(String(get(cells, 'code') ?? ''))
      .trim()
      .toUpperCase();
    if (!/^O\d+$/.test(code)) continue;
    const urls = (text(get(cells, 'urls')) ?? '').split(/[\s,]+/).filter((u) => /^https?:\/\//i.test(u));
    details.push({ code, urls, suggestion: text(get(cells, 'suggestion')), explanation: text(get(cells, 'explanation')) });
  }
  return details;
}

/** Reads one table of any import format: scores (with OIT details) or respondent statistics. */
export function readImportTable(framework: CompiledFramework, table: Table): ImportContent {
  if (isRespondentStatsHeader(table.header)) return { input: emptyScoreInput(), oit: [], stats: readStats(table) };
  const input = readTable(framework, table);
  const oit = readOitDetails(table);
  for (const detail of oit) {
    for (const url of detail.urls.filter((u) => !isWellFormedUrl(u))) {
      input.warnings.push({ code: 'malformed-url', subject: detail.code, source: { file: table.file }, params: { url } });
    }
  }
  return { input, oit, stats: [] };
}

/** Combines contents in order; a later content's values replace an earlier one's for the same code. */
export function mergeImportContents(
  contents: readonly ImportContent[],
  options: { warnDuplicates?: boolean } = {},
): ImportContent {
  const oit = new Map<string, OitDetail>();
  for (const c of contents) for (const detail of c.oit) oit.set(detail.code, detail);
  const stats = new Map<string, RespondentStat>();
  for (const c of contents) for (const stat of c.stats) stats.set(`${stat.tool}|${stat.dimension}|${stat.label}`, stat);
  return {
    input: mergeScoreInputs(
      contents.map((c) => c.input),
      options,
    ),
    oit: [...oit.values()],
    stats: [...stats.values()],
  };
}

/** The parts of an assessment an import provides: tools it scores, and statistics or OIT details. */
export function importScope(framework: CompiledFramework, content: ImportContent): string[] {
  const scope = new Set<string>();
  const toolOfCode = (code: string) => framework.units.get(code)?.tool;
  for (const key of content.input.items.keys()) {
    const tool = toolOfCode(key.split('.')[0]!);
    if (tool) scope.add(tool);
  }
  for (const code of content.input.units.keys()) {
    const tool = toolOfCode(code);
    if (tool) scope.add(tool);
  }
  for (const number of content.input.indicators.keys()) {
    const tool = framework.indicators.get(number)?.tool;
    if (tool) scope.add(tool);
  }
  for (const code of content.input.tools.keys()) scope.add(code);
  for (const [tool] of content.input.respondents) scope.add(tool);
  if (content.oit.length > 0) scope.add('OIT');
  for (const stat of content.stats) scope.add(`stats:${stat.tool}`);
  return [...scope].sort();
}

/** JSON-safe form of import content, for storage. */
export interface StoredContent {
  items: Record<string, ItemObservation>;
  units: Record<string, number>;
  indicators: Record<string, number>;
  tools: Record<string, number>;
  respondents: Record<string, number>;
  oit: OitDetail[];
  stats: RespondentStat[];
}

export function storeContent(content: ImportContent): StoredContent {
  const plain = <V extends { score: number }>(map: Map<string | number, V>) =>
    Object.fromEntries([...map].map(([k, v]) => [String(k), v.score]));
  return {
    items: Object.fromEntries(
      [...content.input.items].map(([key, { source, ...observation }]) => [key, observation as ItemObservation]),
    ),
    units: plain(content.input.units),
    indicators: plain(content.input.indicators),
    tools: plain(content.input.tools),
    respondents: Object.fromEntries(content.input.respondents),
    oit: content.oit,
    stats: content.stats,
  };
}

export function loadContent(stored: StoredContent, file: string): ImportContent {
  const input = emptyScoreInput();
  for (const [key, observation] of Object.entries(stored.items)) input.items.set(key, { ...observation, source: { file } });
  for (const [code, score] of Object.entries(stored.units)) input.units.set(code, { score, source: { file } });
  for (const [number, score] of Object.entries(stored.indicators)) {
    input.indicators.set(Number(number), { score, source: { file } });
  }
  for (const [code, score] of Object.entries(stored.tools)) input.tools.set(code, { score, source: { file } });
  for (const [tool, n] of Object.entries(stored.respondents)) input.respondents.set(tool, n);
  return { input, oit: stored.oit, stats: stored.stats };
}
