import { stringify } from 'csv-stringify/sync';

/** A cell as the exports hand it over: text, a number the product computed, or nothing. */
export type CsvValue = string | number | null | undefined;

/** What a spreadsheet would run as a formula at the start of a cell (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet could take for a formula (`=1+1`, `=HYPERLINK(…)`, `+…`, `-…`, `@…`,
 * a leading tab or carriage return), written with a leading apostrophe so it stays text.
 */
export function guardText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** How a number is written (by default as JavaScript writes it); `column` counts from 0. */
  number?: (value: number, column: number) => string;
}

/**
 * The one CSV writer of every export: UTF-8 with a BOM so that Excel opens Thai correctly, `\n`
 * between records, quotes only where a cell holds a comma, quote or line break. Text is always
 * guarded against formulas (`guardText`); numbers are written as numbers, a negative one
 * included, since the product made them.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const number = options.number ?? ((value: number) => String(value));
  return stringify([[...columns], ...rows.map((row) => [...row])], {
    bom: true,
    record_delimiter: 'unix',
    // A lone carriage return is a line break to most readers: quoted like \n.
    quoted_match: /\r/,
    cast: {
      number: (value, context) => number(value, typeof context.index === 'number' ? context.index : Number(context.index)),
      string: (value) => guardText(value),
    },
  });
}

/** The same CSV from records keyed by column name (a missing key is an empty cell). */
export function recordsToCsv(
  columns: readonly string[],
  rows: readonly Record<string, CsvValue>[],
  options: CsvOptions = {},
): string {
  return toCsv(
    columns,
    rows.map((row) => columns.map((column) => row[column])),
    options,
  );
}
