import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../scoring/engine.js';
import { loadFramework, repoPath } from '../test-support/files.js';
import { InputError } from './problems.js';
import { RawCsvParser } from './raw-tally.js';
import { parseCsvTable, readTable } from './table.js';

const framework = loadFramework('bma-district-2566');
const encode = (text: string) => new TextEncoder().encode(text);

function parseInChunks(bytes: Uint8Array, size: number, file = 'r.csv') {
  const parser = new RawCsvParser(framework, file);
  for (let i = 0; i < bytes.length; i += size) parser.push(bytes.subarray(i, i + size));
  return parser.finish().toScoreInput();
}

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('RawCsvParser', () => {
  const example = readFileSync(repoPath('examples/synthetic-iit-responses.csv'));

  it('gives the same tallies however the stream is cut', () => {
    const whole = parseInChunks(example, example.length);
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      expect(parseInChunks(example, size)).toEqual(whole);
    }
    expect(whole.respondents.get('IIT')).toBe(60);
  });

  it('agrees with the general table reader', () => {
    const streamed = scoreAssessment(framework, parseInChunks(example, 4096));
    const tabled = scoreAssessment(framework, readTable(framework, parseCsvTable(example.toString('utf8'), 'r.csv')));
    expect(streamed.units).toEqual(tabled.units);
    expect(streamed.respondents).toEqual(tabled.respondents);
  });

  it('reads BOM, CRLF, quotes, blanks and a last row without newline', () => {
    const text = '\uFEFFrespondent,I3.1,I7.1\r\n"R, 1",4,0\r\n\r\n"R2","3",""\r\nR3, 2 ,1';
    const input = parseInChunks(encode(text), 5);
    expect(input.items.get('I3.1')).toMatchObject({ counts: [0, 1, 1, 1] });
    // yes/no answers: 1 = มี, 0 = ไม่มี; options in the order มี, ไม่มี.
    expect(input.items.get('I7.1')).toMatchObject({ counts: [1, 1] });
    expect(input.respondents.get('IIT')).toBe(3);
  });

  it('warns about answers out of range with their rows, and leaves them out', () => {
    const text = 'respondent,I3.1\nR1,5\nR2,x\nR3,4\nR4,0\nR5,12\n';
    const input = parseInChunks(encode(text), 3);
    expect(input.items.get('I3.1')).toMatchObject({ counts: [0, 0, 0, 1] });
    expect(input.warnings).toEqual([
      {
        code: 'answers-out-of-range',
        subject: 'I3.1',
        source: { file: 'r.csv' },
        params: { count: 4, allowed: '1, 2, 3, 4', rows: '2, 3, 5, 6' },
      },
    ]);
  });

  it('rejects rows with the wrong number of fields, naming each row', () => {
    const problems = problemsOf(() => parseInChunks(encode('respondent,I3.1,I4.1\nR1,4,4\nR2,4\nR3,4,4,4\n'), 4));
    expect(problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'the row has 2 fields; the header has 3'],
      [4, 'the row has 4 fields; the header has 3'],
    ]);
  });

  it('rejects a file mixing IIT and EIT columns', () => {
    const problems = problemsOf(() => parseInChunks(encode('respondent,I3.1,E2.1\nR1,4,4\n'), 100));
    expect(problems[0]?.message).toContain('mix tools');
  });

  it('rejects a header that is not item columns, and a file that is not UTF-8', () => {
    expect(problemsOf(() => parseInChunks(encode('respondent,age\n1,2\n'), 100))[0]?.column).toBe('age');
    expect(problemsOf(() => parseInChunks(Uint8Array.of(0x72, 0xff, 0xfe, 10), 100))[0]?.message).toContain('UTF-8');
  });

  it('ignores unknown item columns with a warning', () => {
    const input = parseInChunks(encode('respondent,I3.1,I99.1\nR1,4,4\n'), 100);
    expect(input.warnings.map((w) => `${w.code} ${w.subject}`)).toEqual(['unknown-code I99.1']);
    expect(input.items.has('I99.1')).toBe(false);
  });
});
