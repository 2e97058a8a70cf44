import type { CompiledFramework, Unit } from '../framework/compile.js';
import { emptyScoreInput, type ScoreInput } from '../scoring/input.js';
import { fromThaiDigits } from '../thai/digits.js';

/** A line of pasted text that looked like data but could not be matched. */
export interface UnreadLine {
  line: number;
  text: string;
  reason: string;
}

export interface PastedResult {
  input: ScoreInput;
  unread: UnreadLine[];
  /** How many rows of each kind were read. */
  counts: { questions: number; items: number; oitItems: number; indicators: number; tools: number };
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const ITEM_ROW = /^(\d{1,2}) ?\. ?(\S.*)$/;
const CODE_ROW = /^([IiEeOo0-9]{1,4})\.? (\S.*)$/;
const INDICATOR_ROW = /^ตัวชี้วัดที่ ?(\d{1,2}) ?\.? ?(\S.*)$/;

/**
 * The numbers that end a row ("… 30.00 89.67 88.04", an optional คะแนน after them), and the text
 * before them; read token by token from the end, so a long pasted line costs its length once.
 */
function trailingNumbers(line: string): { head: string; numbers: number[] } {
  const tokens = line.split(' ');
  const last = tokens.at(-1) ?? '';
  if (last !== 'คะแนน' && last.endsWith('คะแนน')) tokens[tokens.length - 1] = last.slice(0, -'คะแนน'.length);
  let end = tokens.length;
  if (tokens[end - 1] === 'คะแนน') end--;
  let start = end;
  while (start > 1 && NUMBER.test(tokens[start - 1]!)) start--;
  if (start === end) return { head: line, numbers: [] };
  return { head: tokens.slice(0, start).join(' '), numbers: tokens.slice(start, end).map(Number) };
}

function normalise(text: string): string {
  return fromThaiDigits(text)
    .replace(/[\s.,/()\-–“”"'‘’:;]+/g, '')
    .replace(/ใ้ให้/g, 'ให้')
    .toLowerCase();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * How much of `row` (a printed, possibly cut-off question text) appears in `full`: the share of
 * the row's character bigrams found in the full text, 0–1.
 */
export function textContainment(row: string, full: string): number {
  const x = bigrams(normalise(row));
  const y = bigrams(normalise(full));
  let overlap = 0;
  let total = 0;
  for (const [gram, n] of x) {
    overlap += Math.min(n, y.get(gram) ?? 0);
    total += n;
  }
  return total === 0 ? 0 : overlap / total;
}

/**
 * Codes a printed code may stand for, OCR read I as 1 and O as 0: `11` → I1 or I11,
 * `112` → I12, `01` → O1.
 */
function candidateCodes(raw: string): string[] {
  const token = raw.toUpperCase();
  if (/^[IEO]\d+$/.test(token)) return [token];
  if (/^0\d+$/.test(token)) return [`O${token.slice(1)}`];
  if (/^1\d+$/.test(token)) return [`I${token.slice(1)}`, `I${token}`];
  return [];
}

function unitText(unit: Unit): string {
  return unit.kind === 'question' ? unit.data.text.th : (unit.data.name?.th ?? '');
}

/**
 * Reads NACC result tables pasted as text (as they appear in a measures document: question
 * rows with their score, item rows with the four shares or มี/ไม่มี and the score, OIT item
 * rows, indicator headings and the summary table), coping with OCR's I→1 and O→0 and with Thai
 * digits. Question codes are confirmed against the framework's question texts.
 */
export function parseNaccText(framework: CompiledFramework, text: string): PastedResult {
  const input = emptyScoreInput();
  const unread: UnreadLine[] = [];
  const counts = { questions: 0, items: 0, oitItems: 0, indicators: 0, tools: 0 };
  const source = { file: 'pasted text' };
  let current: Unit | null = null;
  let lastIndex = -1;
  const order = [...framework.units.values()];
  const position = new Map(order.map((u, i) => [u.code, i]));

  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    // Tags stripped and white space folded to single spaces, so the row patterns need no \s* runs.
    const line = fromThaiDigits(rawLine.replace(/<[^<>]*>/g, ' '))
      .replace(/[\s\u00a0]+/g, ' ')
      .trim();
    if (line === '') return;
    const { head, numbers } = trailingNumbers(line);

    // Summary table: "ตัวชี้วัดที่ 1. การปฏิบัติหน้าที่ 30.00 89.67 88.04 26.41" and indicator headings.
    const indicatorMatch = INDICATOR_ROW.exec(line);
    if (indicatorMatch) {
      const number = Number(indicatorMatch[1]);
      const indicator = framework.indicators.get(number);
      if (indicator && numbers.length > 0) {
        const score = numbers.length >= 2 ? numbers[1]! : numbers[0]!;
        input.indicators.set(number, { score, source: { ...source, row: lineNo } });
        counts.indicators++;
        if (numbers.length >= 3) {
          input.tools.set(indicator.tool, { score: numbers[2]!, source: { ...source, row: lineNo } });
          counts.tools++;
        }
      }
      return;
    }

    const item = ITEM_ROW.exec(head);
    if (item && (numbers.length === 3 || numbers.length === 5) && current?.kind === 'question') {
      const no = Number(item[1]);
      const key = `${current.code}.${no}`;
      const compiled = framework.items.get(key);
      const shares = numbers.slice(0, -1);
      const score = numbers.at(-1)!;
      if (!compiled) {
        unread.push({ line: lineNo, text: rawLine.trim(), reason: `${current.code} has no item ${no}` });
        return;
      }
      if (shares.length !== compiled.points.length) {
        unread.push({
          line: lineNo,
          text: rawLine.trim(),
          reason: `${key} has ${compiled.points.length} answer options, the row ${shares.length}`,
        });
        return;
      }
      input.items.set(key, { kind: 'shares', shares, published: score, source: { ...source, row: lineNo } });
      counts.items++;
      return;
    }

    const codeRow = CODE_ROW.exec(head);
    if (codeRow && numbers.length <= 1) {
      const candidates = candidateCodes(codeRow[1]!)
        .map((code) => framework.units.get(code))
        .filter((u): u is Unit => u !== undefined);
      if (candidates.length > 0) {
        const body = codeRow[2]!;
        // Prefer the candidate whose text matches; on a tie, the one that follows the last code read.
        const ranked = candidates
          .map((unit) => ({
            unit,
            similarity: Math.round(textContainment(body, unitText(unit)) * 20) / 20,
            ahead: (position.get(unit.code) ?? 0) > lastIndex ? 1 : 0,
          }))
          .sort((a, b) => b.similarity - a.similarity || b.ahead - a.ahead);
        const best = ranked[0]!;
        const text = unitText(best.unit);
        if (text !== '' && best.similarity < 0.35) {
          unread.push({
            line: lineNo,
            text: rawLine.trim(),
            reason: `the text does not match ${best.unit.code} of ${framework.id}`,
          });
          current = null;
          return;
        }
        current = best.unit;
        lastIndex = position.get(best.unit.code) ?? lastIndex;
        if (numbers.length === 1) {
          const seen = input.units.has(best.unit.code);
          input.units.set(best.unit.code, { score: numbers[0]!, source: { ...source, row: lineNo } });
          if (!seen && best.unit.kind === 'oit') counts.oitItems++;
          else if (!seen) counts.questions++;
        } else if (best.unit.kind === 'oit') {
          unread.push({ line: lineNo, text: rawLine.trim(), reason: `no score for ${best.unit.code}` });
        } else {
          counts.questions++;
        }
        return;
      }
    }

    // Anything else with shares or a score in it was meant as data.
    if (numbers.length >= 3 && !/^(หัวข้อ|ตัวชี้วัด|คะแนน|รวม)/.test(line) && !/^\d+(\.\d+)+\s/.test(line)) {
      unread.push({
        line: lineNo,
        text: rawLine.trim(),
        reason: current ? `cannot place this row under ${current.code}` : 'no question before this row',
      });
    }
  });
  return { input, unread, counts };
}
