import { describe, expect, it } from 'vitest';
import { loadFramework } from '../test-support/files.js';
import { InputError } from './problems.js';
import { decodeUtf8, detectFormat, jsonTable, parseCsvTable, readTable } from './table.js';

const framework = loadFramework('bma-district-2566');
const read = (csv: string) => readTable(framework, parseCsvTable(csv, 'd.csv'));
const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('detectFormat', () => {
  it.each([
    ['respondent,I1.1,I1.2', 'raw-responses'],
    ['code,item,p1,p2,p3,p4,yes,no,score', 'distributions'],
    ['code,item,score', 'distributions'],
    ['code,item,yes,no', 'distributions'],
    ['code,score', 'scores'],
    ['indicator,score', 'indicator-scores'],
    ['name,value', null],
    ['code,score,colour', null],
  ])('%s → %s', (header, format) => {
    expect(detectFormat(header.split(','))).toBe(format);
  });
});

describe('readTable', () => {
  it('reads likert and yes/no shares, question, OIT and tool scores, with Thai digits', () => {
    const input = read(
      'code,item,p1,p2,p3,p4,yes,no,score\nI1,1,0.30,1.12,29.92,68.66,,,89.08\ni7,๑,,,,,0.51,99.49,99.49\nI2,,,,,,,,88.88\nO1,,,,,,,,100\nIIT,,,,,,,,88.04\n',
    );
    expect(input.items.get('I1.1')).toEqual({
      kind: 'shares',
      shares: [0.3, 1.12, 29.92, 68.66],
      published: 89.08,
      source: { file: 'd.csv', row: 2 },
    });
    expect(input.items.get('I7.1')).toMatchObject({ kind: 'shares', shares: [0.51, 99.49] });
    expect(input.units.get('I2')?.score).toBe(88.88);
    expect(input.units.get('O1')?.score).toBe(100);
    expect(input.tools.get('IIT')?.score).toBe(88.04);
  });

  it('warns when a row fills the other scale’s columns', () => {
    const input = read('code,item,p1,p2,p3,p4,yes,no\nI7,1,1,2,3,94,,\n');
    expect(input.warnings.map((w) => `${w.code} ${w.subject}`)).toEqual(['scale-mismatch I7.1']);
  });

  it('names file, row and column of every bad value', () => {
    const problems = problemsOf(() =>
      read('code,item,p1,p2,p3,p4,score\nI1,1,a,1,2,3,4\nI1,2,1,,2,3,\n,1,1,1,1,1,1\nI1,x,,,,,1\n'),
    );
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'p1', '"a" is not a number'],
      [3, 'p2', 'I1.2: p2 empty'],
      [4, 'code', 'code is empty'],
      [5, 'item', '"x" is not an item number'],
    ]);
    expect(problems[0]?.th).toBe('"a" ไม่ใช่ตัวเลข');
  });

  it('reads indicator scores', () => {
    const input = read('indicator,score\n1,99.35\n9,95\n');
    expect(input.indicators.get(9)?.score).toBe(95);
  });

  it('rejects an unknown header', () => {
    expect(problemsOf(() => read('name,value\na,1\n'))[0]?.message).toContain('unrecognised header');
  });

  it('reads raw responses from JSON objects', () => {
    const input = readTable(
      framework,
      jsonTable(
        [
          { respondent: 'R1', 'I3.1': 4 },
          { 'I3.1': '3', respondent: 'R2' },
        ],
        'r.json',
      ),
    );
    expect(input.items.get('I3.1')).toMatchObject({ counts: [0, 0, 1, 1] });
    expect(input.respondents.get('IIT')).toBe(2);
  });

  it('rejects JSON that is not rows', () => {
    expect(problemsOf(() => jsonTable({ a: 1 }, 'x.json'))[0]?.message).toContain('array of objects');
  });

  it('rejects text that is not UTF-8', () => {
    // "คะแนน" in Windows-874 (TIS-620)
    expect(problemsOf(() => decodeUtf8(Uint8Array.of(0xa4, 0xd0, 0xaa, 0xb9, 0xb9), 'w.csv'))[0]?.th).toContain('UTF-8');
  });
});
