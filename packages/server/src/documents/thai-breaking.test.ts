import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { fromThaiDigits } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadThaiDictionary, loadThaiWords } from '../frameworks/registry.js';
import { demoApp, login, TEST_DATABASES } from '../test-support/databases.js';
import { makeDocument } from '../test-support/documents.js';
import type * as ThaiPdf from './thai-pdf.js';
import { renderPdf } from './thai-pdf.js';
import { documentRenderer } from './renderer.js';
import { breakable } from './thai-text.js';

const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
const poppler = existsSync('/usr/bin/pdftotext');
if (!poppler && process.env.CI) throw new Error('the line-break tests need poppler-utils (pdftotext)');
mkdirSync(OUTPUT, { recursive: true });

/** The text of every PDF made, as given to pdfmake, to tell a break at a space the text has from one we made. */
const rendered = vi.hoisted(() => ({ texts: [] as string[] }));
vi.mock('./thai-pdf.js', async (importOriginal) => {
  const actual = await importOriginal<typeof ThaiPdf>();
  const collect = (node: unknown): void => {
    if (typeof node === 'string') rendered.texts.push(normal(node, true));
    else if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) if (!['image', 'svg'].includes(key)) collect(value);
    }
  };
  return {
    ...actual,
    renderPdf: (doc: Parameters<typeof actual.renderPdf>[0]) => {
      collect(doc.content);
      return actual.renderPdf(doc);
    },
  };
});

/**
 * Text as compared here: no U+200B, ำ as one letter (pdftotext gives ํ + า), Arabic digits, one space
 * for any run of white space; U+2060 (where a word too wide for its line may break) only if asked.
 */
function normal(text: string, fallbackMarks = false): string {
  const marks = fallbackMarks ? /\u200B/g : /[\u200B\u2060]/g;
  return fromThaiDigits(text.replace(marks, '').replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33')).replace(/\s+/g, ' ');
}

const dictionary = new Set([...loadThaiDictionary(), ...loadThaiWords()]);
const longest = Math.max(...[...dictionary].map((w) => w.length));
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const THAI_LETTER = /[\u0E01-\u0E3A\u0E40-\u0E4E]/;
const COMBINING = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

type Cost = [unknownLetters: number, words: number];
const add = (a: Cost, b: Cost): Cost => [a[0] + b[0], a[1] + b[1]];
const worse = (a: Cost, b: Cost) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The cost of the best split of a text into dictionary words, found by the dictionary alone (maximal
 * matching, as Thai word breakers did before ICU): the fewest letters in no word, then the fewest words.
 */
function splitCost(text: string): Cost {
  const best: Cost[] = [[0, 0]];
  for (let i = 0; i < text.length; i++) {
    const here = best[i]!;
    const offer = (end: number, cost: Cost) => {
      if (!best[end] || worse(best[end]!, cost)) best[end] = cost;
    };
    offer(i + 1, add(here, [1, 1]));
    for (let end = i + 2; end <= Math.min(text.length, i + longest); end++) {
      if (dictionary.has(text.slice(i, end))) offer(end, add(here, [0, 1]));
    }
  }
  return best[text.length]!;
}

interface Piece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}
interface Line {
  page: number;
  y0: number;
  height: number;
  /** Where the line's last run of text starts (a table row's last cell, when cells share the line). */
  lastRunX0: number;
  x1: number;
  text: string;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The PDF's lines of text in drawing order, from `pdftotext -bbox`: its words (in content-stream order)
 * gathered while they stay on one baseline. pdftotext cuts a word at a raised mark and lists the mark
 * after the letter that follows it (ผู้ช | ว | ่ | ย): a piece that starts with a mark is put back before
 * the piece drawn where the mark is.
 */
function pdfLines(path: string): Line[] {
  const xml = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines: Line[] = [];
  let page = 0;
  let pieces: Piece[] = [];
  const flush = () => {
    if (pieces.length === 0) return;
    const ordered = [...pieces].sort(
      (a, b) => a.x0 - (COMBINING.test(a.text) ? 0.5 : 0) - (b.x0 - (COMBINING.test(b.text) ? 0.5 : 0)),
    );
    let text = '';
    let lastRunX0 = ordered[0]!.x0;
    let end = -Infinity;
    for (const piece of ordered) {
      const gap = piece.x0 - end;
      if (text !== '' && gap > 1) text += ' ';
      if (gap > 24) lastRunX0 = piece.x0;
      text += piece.text;
      end = Math.max(end, piece.x1);
    }
    lines.push({ page, y0: pieces[0]!.y0, height: pieces[0]!.y1 - pieces[0]!.y0, lastRunX0, x1: end, text });
    pieces = [];
  };
  for (const row of xml.split('\n')) {
    if (row.includes('<page ')) {
      flush();
      page++;
      continue;
    }
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(row);
    if (!m) continue;
    const piece = { x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: unescape(m[5]!) };
    if (pieces.length > 0 && Math.abs(piece.y0 - pieces[0]!.y0) > 1) flush();
    pieces.push(piece);
  }
  flush();
  return lines;
}

/** Whether a text has `before` and `after` with U+2060 between them (words marked inside, as in `markWordBreaks`). */
function markedBetween(texts: readonly string[], before: string, after: string): boolean {
  const letters = (text: string) => [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u2060*');
  const pattern = new RegExp(`${letters(before)}\u2060+${letters(after)}`);
  return texts.some((text) => text.includes('\u2060') && pattern.test(text));
}

/**
 * The words a PDF breaks inside at a line end: each place where a line ending in a Thai letter goes on
 * in the same paragraph or cell on the next line with a Thai letter, and the best split of the two
 * lines' words joined into dictionary words (`splitCost`) is worse with a break there than without:
 * a compound the segmenter splits (หน่วย|งาน, ตรวจ|สอบ) or a word cut anywhere (ปฏิ|บัติ). Each as
 * "page N: before|after". Given the texts the PDF was made from (`normal(text, true)`), only a break
 * inside one of them counts (not one at a space it has, nor between a heading and its paragraph), and
 * one where it marks a word too wide for any line to break (น้อย|ที่สุด in a narrow column) is listed
 * apart, as `forced`.
 */
function wordsBrokenAtLineEnds(path: string, texts: readonly string[] = []) {
  const lines = pdfLines(path);
  const plain = texts.map((text) => text.replace(/\u2060/g, ''));
  /** Lines that end in a Thai letter and go on with one on the next line of the same text. */
  let wraps = 0;
  const broken: string[] = [];
  const forced: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    // The next line of the same paragraph or cell: right below, starting inside the line's last run.
    const below = next.y0 - line.y0;
    const continues =
      next.page === line.page &&
      below > 0 &&
      below < line.height * 1.3 &&
      next.lastRunX0 >= line.lastRunX0 - 60 &&
      next.lastRunX0 < line.x1;
    if (!continues) continue;
    if (!THAI_LETTER.test(line.text.at(-1)!) || !THAI_LETTER.test(next.text[0]!)) continue;
    const before = normal(line.text.slice(line.text.lastIndexOf(' ') + 1));
    const after = normal(next.text.split(' ')[0]!);
    // Not the same text going on (a heading, then its paragraph), or a break at a space it has: not a wrap.
    if (texts.length > 0 && !plain.some((text) => text.includes(before + after))) continue;
    if (plain.some((text) => text.includes(`${before} ${after}`))) continue;
    wraps++;
    if (!worse(add(splitCost(before), splitCost(after)), splitCost(before + after))) continue;
    const at = `page ${line.page}: ${before}|${after}`;
    (markedBetween(texts, before, after) ? forced : broken).push(at);
  }
  return { wraps, broken, forced };
}

describe.runIf(poppler)('the count of words broken at line ends', () => {
  it('finds compounds the segmenter splits, and words cut anywhere', async () => {
    // Marked at Intl.Segmenter's boundaries alone, as the documents were before the dictionary.
    const marked = (text: string) => [...segmenter.segment(text)].map((s) => s.segment).join('\u200B');
    const text = 'หน่วยงานตรวจสอบและเผยแพร่ข้อมูลดังกล่าวครบถ้วนแล้ว';
    const path = `${OUTPUT}thai-breaking-probe.pdf`;
    const columns = [40, 50, 60, 70, 80].map((width) => ({ table: { widths: [width], body: [[{ text: marked(text) }]] } }));
    writeFileSync(path, await renderPdf({ content: columns }));
    const found = wordsBrokenAtLineEnds(path).broken;
    expect(found.length).toBeGreaterThan(0);
    expect(found.join(' ')).toMatch(/หน่วย\|งาน|ตรวจ\|สอบ|เผย\|แพร่|ดัง\|กล่าว|ครบ\|ถ้วน/);
    // A narrow cell's whole-word lines are not counted.
    const whole = `${OUTPUT}thai-breaking-whole.pdf`;
    writeFileSync(
      whole,
      await renderPdf({
        content: [{ table: { widths: [80], body: [[{ text: 'หน่วยงาน\u200Bตรวจสอบ\u200Bและ\u200Bเผยแพร่' }]] } }],
      }),
    );
    expect(wordsBrokenAtLineEnds(whole).broken).toEqual([]);
    // A word too wide for its cell breaks between its own words, listed apart.
    rendered.texts = [];
    const narrow = `${OUTPUT}thai-breaking-narrow.pdf`;
    writeFileSync(narrow, await renderPdf({ content: [{ table: { widths: [30], body: [[{ text: breakable('น้อยที่สุด') }]] } }] }));
    expect(wordsBrokenAtLineEnds(narrow, rendered.texts)).toEqual({ wraps: 1, broken: [], forced: ['page 1: น้อย|ที่สุด'] });
  });
});

/** Every kind of document, for the demo agency whose data fills it most. */
const DOCUMENTS: [name: string, email: string, agency: string, body: object][] = [
  ['measures-bang-khae-2567', 'admin@bang-khae.demo', 'bang-khae', { kind: 'measures', format: 'pdf', year: 2567 }],
  [
    'measures-thai-digits-bang-khae-2567',
    'admin@bang-khae.demo',
    'bang-khae',
    { kind: 'measures', format: 'pdf', year: 2567, thaiDigits: true },
  ],
  [
    'progress-phasi-charoen-2567',
    'admin@phasi-charoen.demo',
    'phasi-charoen',
    { kind: 'progress', format: 'pdf', year: 2567, round: 6 },
  ],
  ['progress-din-daeng-2567', 'admin@din-daeng.demo', 'din-daeng', { kind: 'progress', format: 'pdf', year: 2567, round: 6 }],
  ['progress-lak-si-2568', 'admin@lak-si.demo', 'lak-si', { kind: 'progress', format: 'pdf', year: 2568, round: 6 }],
  ['order-bang-sue-2568', 'admin@bang-sue.demo', 'bang-sue', { kind: 'order', format: 'pdf', year: 2568 }],
  [
    'memo-collection-bang-khae-2568',
    'admin@bang-khae.demo',
    'bang-khae',
    { kind: 'memo', memoKind: 'collection', format: 'pdf', year: 2568 },
  ],
  [
    'memo-schools-bang-khae-2568',
    'admin@bang-khae.demo',
    'bang-khae',
    { kind: 'memo', memoKind: 'schools', format: 'pdf', year: 2568 },
  ],
  ['tasks-lak-si-2567', 'admin@lak-si.demo', 'lak-si', { kind: 'tasks', format: 'pdf', year: 2567 }],
];

describe.each(TEST_DATABASES)('Thai words kept whole at line ends, in every document on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Laid out here, where the mock above sees the text pdfmake is given.
    documentRenderer.onCallingThread(true);
    ({ app, close } = await demoApp(database));
  }, 60_000);
  afterAll(async () => {
    documentRenderer.onCallingThread(false);
    await close();
  });

  /** Makes a PDF, keeps it to look at, and counts its line ends. */
  async function breaksOf(name: string, make: () => Promise<Buffer>) {
    const path = `${OUTPUT}breaking-${name}-${database.engine}.pdf`;
    rendered.texts = [];
    writeFileSync(path, await make());
    const { wraps, broken, forced } = wordsBrokenAtLineEnds(path, rendered.texts);
    console.log(
      `${name} (${database.engine}): ${wraps} lines wrapped between Thai letters, ${broken.length} inside a word, ` +
        `${forced.length} inside a word too wide for its line` +
        [...broken, ...forced.map((f) => `${f} (too wide)`)].map((b) => `\n  ${b}`).join(''),
    );
    expect(wraps).toBeGreaterThan(0);
    return { broken, forced };
  }

  it.runIf(poppler).each(DOCUMENTS)(
    '%s breaks no word at a line end',
    async (name, email, agency, body) => {
      const { broken } = await breaksOf(name, async () => makeDocument(app, await login(app, email), agency, body));
      expect(broken).toEqual([]);
    },
    120_000,
  );

  it.runIf(poppler)(
    'the OIT clarification form breaks no word at a line end',
    async () => {
      const admin = await login(app, 'admin@bang-khae.demo');
      const base = '/api/agencies/bang-khae/oit/2566';
      const call = (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
        app.inject({ method, url: `${base}${url}`, headers: admin.headers, payload });
      await call('', {});
      // The assessors' preliminary result (Bang Khae's FY2566 OIT details), with O5 scored 0.
      const details = readFileSync(
        fileURLToPath(new URL('../../../../examples/bang-khae-2566-oit-details.csv', import.meta.url)),
        'utf8',
      );
      const preliminary = details.replace(/^(O5,.*?),100\.00,/m, '$1,0.00,');
      const imported = await call('/clarification/preliminary', {
        fileName: 'bang-khae-2566-oit-preliminary.csv',
        contentBase64: Buffer.from(preliminary).toString('base64'),
      });
      expect(imported.statusCode, imported.body).toBe(200);
      const evidence = await call('/items/O5/evidence', {
        title: 'แผนการใช้จ่ายงบประมาณประจำปี พ.ศ. 2566',
        url: 'https://webportal.bangkok.go.th/bangkhae/page/sub/26001/แผนการใช้จ่ายงบประมาณ',
      });
      const clarification =
        'หน่วยงานตรวจสอบแล้วพบว่าได้เผยแพร่แผนการใช้จ่ายงบประมาณประจำปีดังกล่าวครบถ้วนแล้ว ตั้งแต่วันที่ 1 ตุลาคม 2565 ตาม URL ที่แนบ';
      const disputed = await call(
        '/clarification/items/O5',
        { disputed: true, clarification, evidence: [evidence.json().id] },
        'PUT',
      );
      expect(disputed.statusCode, disputed.body).toBe(200);
      const { broken } = await breaksOf('clarification-bang-khae-2566', () =>
        makeDocument(app, admin, 'bang-khae', { kind: 'clarification', format: 'pdf', year: 2566 }),
      );
      expect(broken).toEqual([]);
    },
    120_000,
  );
});
