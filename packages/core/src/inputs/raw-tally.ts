import type { CompiledFramework, CompiledItem } from '../framework/compile.js';
import { emptyScoreInput, type ScoreInput } from '../scoring/input.js';
import { InputError, MAX_PROBLEMS, type InputProblem } from './problems.js';

/** Marks "no answer" in an answer matrix. */
export const NO_ANSWER = 255;
/** Answer codes 0–15 have their own slot in the lookup table; anything larger shares slot 16. */
const LUT_WIDTH = 17;
const IGNORED = -2;
const INVALID = -1;
/** Rows listed in an out-of-range warning. */
const ROWS_SHOWN = 5;

const ITEM_COLUMN = /^([A-Z]\d+)\.(\d+)$/;

/**
 * Counts raw survey answers per item and answer option, in typed arrays, so that scoring a
 * million respondents needs memory for the tally only, never for the respondents.
 */
export class RawResponseTally {
  readonly file: string;
  readonly tool: string;
  /** Item per answer column (column 0 of the file is the respondent id); `null`: ignored. */
  readonly columns: readonly (CompiledItem | null)[];
  readonly stride: number;
  /** Respondents per item and option: `counts[column * stride + option]`. */
  readonly counts: Float64Array;
  /** Answer code → option index, `INVALID`, or `IGNORED`: `lut[column * 17 + min(code, 16)]`. */
  readonly lut: Int8Array;
  readonly invalid: Uint32Array;
  readonly invalidRows: number[][];
  readonly headerWarnings: ScoreInput['warnings'];
  respondents = 0;

  private constructor(file: string, tool: string, columns: (CompiledItem | null)[], warnings: ScoreInput['warnings']) {
    this.file = file;
    this.tool = tool;
    this.columns = columns;
    this.headerWarnings = warnings;
    this.stride = Math.max(2, ...columns.map((c) => c?.points.length ?? 0));
    this.counts = new Float64Array(columns.length * this.stride);
    this.invalid = new Uint32Array(columns.length);
    this.invalidRows = columns.map(() => []);
    this.lut = new Int8Array(columns.length * LUT_WIDTH).fill(IGNORED);
    columns.forEach((item, column) => {
      if (!item) return;
      this.lut.fill(INVALID, column * LUT_WIDTH, (column + 1) * LUT_WIDTH);
      item.scale.answers.forEach((answer, option) => {
        this.lut[column * LUT_WIDTH + answer] = option;
      });
    });
  }

  /**
   * Checks a raw-responses header (`respondent,I1.1,I1.2,…`) against the framework.
   * Unknown item columns are ignored with a warning; one file holds one tool's respondents.
   */
  static fromHeader(framework: CompiledFramework, header: readonly string[], file: string): RawResponseTally {
    const problems: InputProblem[] = [];
    const warnings: ScoreInput['warnings'] = [];
    if ((header[0] ?? '').trim().toLowerCase() !== 'respondent') {
      problems.push({
        file,
        row: 1,
        message: 'the first column of a raw-responses file must be "respondent"',
        th: 'คอลัมน์แรกของไฟล์คำตอบรายบุคคลต้องชื่อ "respondent"',
      });
    }
    const columns: (CompiledItem | null)[] = [null];
    const tools = new Set<string>();
    const seen = new Set<string>();
    header.slice(1).forEach((raw, index) => {
      const name = raw.trim().toUpperCase();
      const column = header[index + 1] ?? name;
      if (!ITEM_COLUMN.test(name)) {
        problems.push({
          file,
          row: 1,
          column,
          message: `"${raw}" is not an item column; expected question code, dot, item number (e.g. I1.2)`,
          th: `"${raw}" ไม่ใช่ชื่อคอลัมน์หัวข้อ ต้องเป็นรหัสข้อคำถาม จุด และลำดับหัวข้อ เช่น I1.2`,
        });
        columns.push(null);
        return;
      }
      if (seen.has(name)) {
        problems.push({ file, row: 1, column, message: `column ${name} appears twice`, th: `คอลัมน์ ${name} ซ้ำกัน` });
      }
      seen.add(name);
      const item = framework.items.get(name) ?? null;
      if (!item) {
        warnings.push({ code: 'unknown-code', subject: name, source: { file, row: 1 }, params: { framework: framework.id } });
      } else {
        const unit = framework.units.get(item.questionCode);
        if (unit) tools.add(unit.tool);
      }
      columns.push(item);
    });
    if (tools.size > 1) {
      problems.push({
        file,
        row: 1,
        message: `the columns mix tools ${[...tools].join(' and ')}; their respondents are different people, so give one file per tool`,
        th: `คอลัมน์ปนกันหลายเครื่องมือ (${[...tools].join(' และ ')}) ผู้ตอบเป็นคนละกลุ่มกัน ให้แยกไฟล์ตามเครื่องมือ`,
      });
    }
    if (problems.length === 0 && tools.size === 0) {
      problems.push({
        file,
        row: 1,
        message: `no column matches an item of framework ${framework.id}`,
        th: `ไม่มีคอลัมน์ใดตรงกับหัวข้อในชุดคำถาม ${framework.id}`,
      });
    }
    if (problems.length > 0) throw new InputError(problems);
    return new RawResponseTally(file, [...tools][0] ?? '', columns, warnings);
  }

  /** Records one answer; `code` is the answer as written (e.g. 4 or 0). */
  record(column: number, code: number, row: number): void {
    const option = this.lut[column * LUT_WIDTH + (code < 16 ? code : 16)] ?? IGNORED;
    if (option >= 0) {
      this.counts[column * this.stride + option]! += 1;
    } else if (option === INVALID) {
      this.recordInvalid(column, row);
    }
  }

  recordInvalid(column: number, row: number): void {
    if (this.lut[column * LUT_WIDTH] === IGNORED) return;
    this.invalid[column]! += 1;
    const rows = this.invalidRows[column];
    if (rows && rows.length < ROWS_SHOWN) rows.push(row);
  }

  /**
   * Tallies a block of respondents held as answer codes, row by row, one byte per answer
   * column (in header order, without the respondent column); `NO_ANSWER` for none.
   */
  addAnswerMatrix(answers: Uint8Array, rows: number): void {
    const width = this.columns.length - 1;
    const { lut, counts, stride } = this;
    for (let r = 0, k = 0; r < rows; r++) {
      for (let c = 1; c <= width; c++, k++) {
        const code = answers[k]!;
        if (code === NO_ANSWER) continue;
        const option = lut[c * LUT_WIDTH + (code < 16 ? code : 16)]!;
        if (option >= 0) counts[c * stride + option]! += 1;
        else if (option === INVALID) this.recordInvalid(c, this.respondents + r + 2);
      }
    }
    this.respondents += rows;
  }

  /** Tallies one respondent whose answers came from a spreadsheet or JSON (`row` as in the file). */
  addRow(cells: readonly unknown[], row: number): void {
    for (let c = 1; c < this.columns.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined) continue;
      const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '?';
      if (text === '') continue;
      if (/^\d{1,4}$/.test(text)) this.record(c, Number(text), row);
      else this.recordInvalid(c, row);
    }
    this.respondents += 1;
  }

  /** The tallies as scoring input, with a warning per item that had answers out of range. */
  toScoreInput(): ScoreInput {
    const input = emptyScoreInput();
    input.warnings.push(...this.headerWarnings);
    this.columns.forEach((item, column) => {
      if (!item) return;
      const start = column * this.stride;
      input.items.set(item.key, {
        kind: 'counts',
        counts: Array.from(this.counts.subarray(start, start + item.points.length)),
        source: { file: this.file },
      });
      const invalid = this.invalid[column] ?? 0;
      if (invalid > 0) {
        const rows = this.invalidRows[column] ?? [];
        input.warnings.push({
          code: 'answers-out-of-range',
          subject: item.key,
          source: { file: this.file },
          params: {
            count: invalid,
            allowed: item.scale.answers.join(', '),
            rows: rows.join(', ') + (invalid > rows.length ? ', …' : ''),
          },
        });
      }
    });
    if (this.tool) input.respondents.set(this.tool, this.respondents);
    return input;
  }
}

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const ZERO = 48;
const NINE = 57;

const EMPTY = 0;
const NUMBER = 1;
const TEXT = 2;
const QUOTED = 3;
const QUOTED_END = 4;

/**
 * Streams a raw-responses CSV (UTF-8, comma-separated, one respondent per row) into a
 * `RawResponseTally`, byte by byte, without building a string or an object per row.
 * Feed it chunks with `push` (the caller may reuse a chunk once `push` returns) and call `finish`; structural problems (a row with the wrong
 * number of fields) are collected and thrown by `finish` as one `InputError`.
 */
export class RawCsvParser {
  private readonly framework: CompiledFramework;
  private readonly file: string;
  private headerBytes: Uint8Array[] = [];
  private tally: RawResponseTally | null = null;
  private readonly problems: InputProblem[] = [];
  private problemCount = 0;
  private column = 0;
  private state = EMPTY;
  private value = 0;
  private quotedDigitsOnly = true;
  private rowHasContent = false;
  private row = 1;
  private columnCount = 0;

  constructor(framework: CompiledFramework, file: string) {
    this.framework = framework;
    this.file = file;
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    if (!this.tally) {
      const newline = chunk.indexOf(LF);
      if (newline < 0) {
        this.headerBytes.push(chunk.slice());
        return;
      }
      this.headerBytes.push(chunk.slice(0, newline));
      this.readHeader();
      start = newline + 1;
    }
    this.scan(chunk, start);
  }

  finish(): RawResponseTally {
    if (!this.tally) this.readHeader();
    if (this.rowHasContent || this.column > 0 || this.state !== EMPTY) this.scan(Uint8Array.of(LF), 0);
    if (this.problemCount > 0) {
      if (this.problemCount > this.problems.length) {
        this.problems.push({
          file: this.file,
          message: `${this.problemCount - this.problems.length} more rows with problems`,
          th: `และอีก ${this.problemCount - this.problems.length} แถวที่มีปัญหา`,
        });
      }
      throw new InputError(this.problems);
    }
    // readHeader either sets the tally or throws.
    return this.tally!;
  }

  private readHeader(): void {
    const bytes = new Uint8Array(this.headerBytes.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of this.headerBytes) {
      bytes.set(part, offset);
      offset += part.length;
    }
    this.headerBytes = [];
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new InputError([{ file: this.file, row: 1, message: 'the file is not UTF-8 text', th: 'ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8' }]);
    }
    const header = text
      .replace(/\r$/, '')
      .split(',')
      .map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
    this.tally = RawResponseTally.fromHeader(this.framework, header, this.file);
    this.columnCount = header.length;
    this.row = 2;
  }

  private endRow(): void {
    if (!this.tally) return;
    if (this.column !== this.columnCount - 1) {
      this.problemCount++;
      if (this.problems.length < MAX_PROBLEMS) {
        this.problems.push({
          file: this.file,
          row: this.row,
          message: `the row has ${this.column + 1} fields; the header has ${this.columnCount}`,
          th: `แถวนี้มี ${this.column + 1} ช่อง แต่หัวตารางมี ${this.columnCount} ช่อง`,
        });
      }
    } else {
      this.tally.respondents++;
    }
  }

  private scan(chunk: Uint8Array, from: number): void {
    const tally = this.tally;
    if (!tally) return;
    const { lut, counts, stride } = tally;
    const lastColumn = this.columnCount - 1;
    let column = this.column;
    let state = this.state;
    let value = this.value;
    let row = this.row;
    let hasContent = this.rowHasContent;
    let digitsOnly = this.quotedDigitsOnly;

    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (state === QUOTED) {
        if (b === QUOTE) state = QUOTED_END;
        else if (b >= ZERO && b <= NINE) value = value < 0 ? b - ZERO : value < 1000 ? value * 10 + (b - ZERO) : value;
        else digitsOnly = false;
        continue;
      }
      if (b === COMMA || b === LF) {
        if (column > 0 && column <= lastColumn) {
          if (state === QUOTED_END) state = !digitsOnly ? TEXT : value < 0 ? EMPTY : NUMBER;
          if (state === NUMBER) {
            const option = lut[column * LUT_WIDTH + (value < 16 ? value : 16)]!;
            if (option >= 0) counts[column * stride + option]! += 1;
            else if (option === INVALID) tally.recordInvalid(column, row);
          } else if (state === TEXT) {
            tally.recordInvalid(column, row);
          }
        }
        if (state !== EMPTY) hasContent = true;
        state = EMPTY;
        value = 0;
        digitsOnly = true;
        if (b === COMMA) {
          column++;
          hasContent = true;
        } else {
          if (hasContent) {
            this.column = column;
            this.row = row;
            this.endRow();
          }
          column = 0;
          hasContent = false;
          row++;
        }
        continue;
      }
      if (b >= ZERO && b <= NINE) {
        if (state === EMPTY) {
          state = NUMBER;
          value = b - ZERO;
        } else if (state === NUMBER) {
          value = value < 1000 ? value * 10 + (b - ZERO) : value;
        } else if (state === QUOTED_END) {
          state = TEXT;
        }
        continue;
      }
      if (b === CR || b === SPACE || b === TAB) continue;
      if (b === QUOTE) {
        if (state === EMPTY) {
          state = QUOTED;
          value = -1;
          digitsOnly = true;
        } else if (state === QUOTED_END) {
          state = QUOTED;
          digitsOnly = false;
        } else {
          state = TEXT;
        }
        continue;
      }
      state = TEXT;
    }
    this.column = column;
    this.state = state;
    this.value = value;
    this.row = row;
    this.rowHasContent = hasContent;
    this.quotedDigitsOnly = digitsOnly;
  }
}
