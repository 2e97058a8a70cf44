import { fromThaiDigits } from '../thai/digits.js';
import type { FrameworkData, ItemData, OitItemData, QuestionData, ScaleData } from './schema.js';

/**
 * Reading the text of NACC's ITA manual as a central admin pastes it from a PDF: the IIT and EIT
 * questions with their items (ข้อย่อย) and answer options, and the OIT items under their indicators and
 * sub-indicators. OCR noise is undone (`1` for I and `0` for O in codes, Thai digits in numbers, lines
 * broken mid-sentence, page numbers and running headers); every line that cannot be placed is listed
 * with its line number and the reason in Thai and English.
 */

export interface ManualLine {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  reason: { th: string; en: string };
}

export interface DraftItem {
  no: number;
  text: string;
  /** Options of the answer scale as printed, when the manual gives them. */
  options: string[] | null;
  /** `negative` when the manual marks the item as a negative one; otherwise not said. */
  polarity: 'negative' | null;
  line: number;
}

export interface DraftQuestion {
  code: string;
  tool: string;
  indicator: number | null;
  text: string;
  options: string[] | null;
  items: DraftItem[];
  line: number;
}

export interface DraftOitItem {
  code: string;
  indicator: number | null;
  subIndicator: string | null;
  group: string | null;
  name: string;
  line: number;
}

export interface ManualDraft {
  questions: DraftQuestion[];
  oitItems: DraftOitItem[];
  /** Indicator headings as printed (number, name, tool). */
  indicators: { number: number; name: string; tool: string | null; line: number }[];
}

export interface ManualPasteResult {
  draft: ManualDraft;
  /** Lines that could not be placed. */
  unplaced: ManualLine[];
  /** Lines read as page numbers, running headers or table headings and left out. */
  ignored: ManualLine[];
  /** Line numbers of every line that went into the draft (continuations included). */
  placed: number[];
  warnings: ManualLine[];
}

const TOOL_OF_PREFIX: Record<string, string> = { I: 'IIT', E: 'EIT' };

const PAGE_NUMBER = /^[-–—(]? ?(?:หน้า|page)? ?\d{1,4} ?[-–—)]?$/iu;
const INDICATOR = /^ตัวชี้วัดที่\s?(\d{1,2})\.?\s?(.*)$/u;
const SUB_INDICATOR = /^(?:ตัวชี้วัดย่อยที่\s?)?(\d{1,2}\.\d{1,2})\.?(?:\s(.*))?$/u;
const GROUP = /^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?(?:\s(.*))?$/u;
const OPTIONS = /^(?:ตัวเลือกคำตอบ|ตัวเลือก|ระดับคำตอบ|คำตอบ|มาตรวัด)\s?:?\s?(.*)$/u;
/** A code as OCR leaves it: a letter (or 1/l/| for I, 0 for O), optional space, digits, an optional dot. */
const CODE = /^([IilL|1EeOo0]) ?(\d{1,3})(?:\. ?| |$)(.*)$/u;
const ITEM = /^\(?(\d{1,2}) ?[.)] ?(.*)$/u;
const TABLE_HEADING = /^(?:หัวข้อการประเมิน|ข้อย่อย|คะแนน)(?:\s|$)/u;
const FILL_IN = /\.{4}|_{4}|…{2}/u;
const NEGATIVE_MARK = /\s?\((?:ข้อคำถาม)?เชิงลบ\)$/u;

function toolOfHeading(line: string): string | null {
  if (!line.startsWith('แบบ') && !/\((?:IIT|EIT|OIT)\)/u.test(line)) return null;
  if (line.includes('(IIT)') || line.includes('ผู้มีส่วนได้ส่วนเสียภายใน')) return 'IIT';
  if (line.includes('(EIT)') || line.includes('ผู้มีส่วนได้ส่วนเสียภายนอก')) return 'EIT';
  if (line.includes('(OIT)') || line.includes('การเปิดเผยข้อมูลสาธารณะ')) return 'OIT';
  return null;
}

function isThai(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\u0e01' && ch <= '\u0e4e';
}

/** Joins a line broken mid-sentence: no space between two Thai letters (Thai has none), one otherwise. */
export function joinBroken(head: string, tail: string): string {
  return isThai(head.at(-1)) && isThai(tail[0]) ? head + tail : `${head} ${tail}`;
}

function splitOptions(text: string): string[] {
  return text
    .split(/[/|,]/u)
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
}

const reasons = {
  noTarget: {
    th: 'ไม่ทราบว่าข้อความนี้เป็นส่วนใดของชุดคำถาม (ไม่มีข้อคำถามหรือรายการก่อนหน้า)',
    en: 'Cannot tell which part of the set this text belongs to (no question or item before it)',
  },
  noise: { th: 'ไม่ใช่ข้อความของชุดคำถาม (สัญลักษณ์หรือช่องเว้นว่าง)', en: 'Not text of the set (symbols or a fill-in line)' },
  itemOutside: { th: 'ข้อย่อยนี้ไม่อยู่ใต้ข้อคำถามใด', en: 'This item is not under any question' },
  optionsOutside: { th: 'ตัวเลือกคำตอบนี้ไม่อยู่ใต้ข้อคำถามใด', en: 'These answer options are not under any question' },
  oitOutside: {
    th: 'รหัส O อยู่นอกส่วนแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)',
    en: 'An O code outside the OIT part of the manual',
  },
  duplicate: { th: 'รหัสนี้ซ้ำกับที่อ่านแล้ว จึงไม่ได้ใช้', en: 'This code was already read; the line is not used' },
  page: { th: 'เลขหน้า', en: 'Page number' },
  header: { th: 'หัวกระดาษหรือหัวเรื่องของเอกสาร', en: 'Running header or document title' },
  table: { th: 'หัวตาราง', en: 'Table heading' },
} as const;

/** Reads the pasted text of the manual into a draft, line by line. */
export function parseManualText(text: string): ManualPasteResult {
  const draft: ManualDraft = { questions: [], oitItems: [], indicators: [] };
  const unplaced: ManualLine[] = [];
  const ignored: ManualLine[] = [];
  const warnings: ManualLine[] = [];
  const placed: number[] = [];
  let tool: string | null = null;
  let indicator: number | null = null;
  let subIndicator: string | null = null;
  let group: string | null = null;
  let question: DraftQuestion | null = null;
  /** What a continuation line is appended to. */
  let target: { get: () => string; set: (t: string) => void } | null = null;
  const seen = new Set<string>();
  /** The highest IIT question number read so far: "1N" is I(N) when N follows it. */
  let lastI = 0;

  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const original = raw.replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
    if (original === '') return;
    const line = fromThaiDigits(original);
    const note = (list: ManualLine[], reason: { th: string; en: string }) =>
      list.push({ line: lineNo, text: original, reason: { ...reason } });

    if (PAGE_NUMBER.test(line)) return note(ignored, reasons.page);
    if (line.startsWith('คู่มือการประเมิน')) {
      target = null;
      return note(ignored, reasons.header);
    }
    const headingTool = toolOfHeading(line);
    if (headingTool !== null && !CODE.test(line) && !INDICATOR.test(line)) {
      tool = headingTool;
      question = null;
      target = null;
      indicator = null;
      placed.push(lineNo);
      return;
    }
    const ind = INDICATOR.exec(line);
    if (ind) {
      indicator = Number(ind[1]);
      subIndicator = null;
      group = null;
      question = null;
      target = null;
      draft.indicators.push({ number: indicator, name: (ind[2] ?? '').trim(), tool, line: lineNo });
      placed.push(lineNo);
      return;
    }
    const grp = GROUP.exec(line);
    if (grp) {
      group = grp[1]!;
      subIndicator = group.split('.').slice(0, 2).join('.');
      target = null;
      placed.push(lineNo);
      return;
    }
    const sub = SUB_INDICATOR.exec(line);
    if (sub && (tool === 'OIT' || line.startsWith('ตัวชี้วัดย่อย'))) {
      subIndicator = sub[1]!;
      group = null;
      target = null;
      placed.push(lineNo);
      return;
    }
    const opts = OPTIONS.exec(line);
    if (opts) {
      if (!question) return note(unplaced, reasons.optionsOutside);
      const options = splitOptions(opts[1] ?? '');
      if (question.items.length === 0) question.options = options;
      else question.items.at(-1)!.options = options;
      target = null;
      placed.push(lineNo);
      return;
    }
    if (TABLE_HEADING.test(line) && line.length < 80 && !CODE.test(line)) return note(ignored, reasons.table);

    const code = CODE.exec(line);
    const item = ITEM.exec(line);
    const letter = code?.[1]?.toUpperCase();
    const codeLetter = letter === undefined ? null : 'IL|1'.includes(letter) ? 'I' : letter === '0' ? 'O' : letter;
    const codeNo = code ? Number(code[2]) : NaN;

    // "11." is I1 (OCR read I as 1) when I1 is the next question; otherwise item 11.
    let isQuestion = false;
    if (code && (codeLetter === 'I' || codeLetter === 'E')) {
      if (letter === '1') {
        isQuestion = (tool === 'IIT' || tool === null) && codeNo === lastI + 1;
        if (!isQuestion && question === null && tool === 'IIT') isQuestion = true;
      } else isQuestion = true;
    }
    if (isQuestion && code) {
      const c = `${codeLetter}${codeNo}`;
      if (seen.has(c)) return note(unplaced, reasons.duplicate);
      seen.add(c);
      const q: DraftQuestion = {
        code: c,
        tool: TOOL_OF_PREFIX[codeLetter!]!,
        indicator,
        text: code[3] ?? '',
        options: null,
        items: [],
        line: lineNo,
      };
      if (tool !== null && tool !== q.tool) {
        note(warnings, {
          th: `ข้อคำถาม ${c} อยู่ในส่วนของ ${tool}`,
          en: `Question ${c} is in the ${tool} part of the manual`,
        });
      }
      draft.questions.push(q);
      if (codeLetter === 'I') lastI = Math.max(lastI, codeNo);
      question = q;
      target = { get: () => q.text, set: (t) => (q.text = t) };
      placed.push(lineNo);
      return;
    }
    if (code && codeLetter === 'O' && (letter !== '0' || tool === 'OIT' || !item)) {
      if (tool !== 'OIT' && tool !== null) return note(unplaced, reasons.oitOutside);
      const c = `O${codeNo}`;
      if (seen.has(c)) return note(unplaced, reasons.duplicate);
      seen.add(c);
      const o: DraftOitItem = { code: c, indicator, subIndicator, group, name: code[3] ?? '', line: lineNo };
      draft.oitItems.push(o);
      question = null;
      target = { get: () => o.name, set: (t) => (o.name = t) };
      placed.push(lineNo);
      return;
    }
    if (item) {
      if (!question) return note(unplaced, reasons.itemOutside);
      let itemText = item[2] ?? '';
      let polarity: DraftItem['polarity'] = null;
      if (NEGATIVE_MARK.test(itemText)) {
        itemText = itemText.replace(NEGATIVE_MARK, '');
        polarity = 'negative';
      }
      const it: DraftItem = { no: Number(item[1]), text: itemText, options: null, polarity, line: lineNo };
      const expected = question.items.length + 1;
      if (it.no !== expected) {
        note(warnings, {
          th: `ข้อย่อยที่ ${it.no} ของ ${question.code} ควรเป็นข้อที่ ${expected}`,
          en: `Item ${it.no} of ${question.code} was expected to be item ${expected}`,
        });
      }
      question.items.push(it);
      target = { get: () => it.text, set: (t) => (it.text = t) };
      placed.push(lineNo);
      return;
    }
    // A continuation of the line before, or noise.
    if (FILL_IN.test(line) || !/[\u0e01-\u0e2ea-z]/iu.test(line)) return note(unplaced, reasons.noise);
    const t = target as { get: () => string; set: (t: string) => void } | null;
    if (!t) return note(unplaced, reasons.noTarget);
    t.set(joinBroken(t.get(), original));
    placed.push(lineNo);
  });

  for (const q of draft.questions) {
    if (q.items.length === 0) {
      warnings.push({
        line: q.line,
        text: q.code,
        reason: { th: `ข้อคำถาม ${q.code} ไม่มีข้อย่อย`, en: `Question ${q.code} has no items` },
      });
    }
  }
  return { draft, unplaced, ignored, placed, warnings };
}

function sameOptions(a: readonly string[], scale: ScaleData): boolean {
  return a.length === scale.options.length && a.every((o, i) => o === scale.options[i]!.th);
}

export interface MergedManual {
  framework: FrameworkData;
  warnings: ManualLine[];
}

/**
 * Puts the draft onto a base set (e.g. last year's): weights, levels, indicators and scoring come from the
 * base; the pasted tools' questions and the pasted OIT items replace the base's. An item's polarity comes
 * from the manual's mark, else from the base's item of the same code and number, else it is positive
 * (with a warning).
 */
export function mergeManualDraft(base: FrameworkData, draft: ManualDraft): MergedManual {
  const warnings: ManualLine[] = [];
  const scales: Record<string, ScaleData> = structuredClone(base.scales);
  const baseQuestions = new Map(base.questions.map((q) => [q.code, q]));
  const baseOit = new Map(base.oitItems.map((o) => [o.code, o]));
  const indicatorOfTool = new Map<number, string>(base.indicators.map((i) => [i.number, i.tool]));

  const scaleFor = (options: string[] | null, fallback: string | undefined, line: number, code: string): string => {
    if (options === null) {
      if (fallback) return fallback;
      const first = Object.keys(scales)[0]!;
      warnings.push({
        line,
        text: code,
        reason: {
          th: `ไม่พบตัวเลือกคำตอบของ ${code} จึงใช้มาตรวัด ${first}`,
          en: `No answer options for ${code}; scale ${first} is used`,
        },
      });
      return first;
    }
    const found = Object.entries(scales).find(([, s]) => sameOptions(options, s));
    if (found) return found[0];
    const key = `manual-${Object.keys(scales).length + 1}`;
    const n = options.length;
    scales[key] = {
      options: options.map((th) => ({ th })),
      answers: options.map((_, i) => i + 1),
      scores: options.map((_, i) => Math.round((100 * i) / Math.max(1, n - 1))),
    };
    warnings.push({
      line,
      text: options.join(' / '),
      reason: {
        th: `ตัวเลือกคำตอบใหม่ จึงตั้งมาตรวัด ${key} คะแนนเท่า ๆ กัน 0–100 โปรดตรวจสอบ`,
        en: `New answer options; scale ${key} is made with even scores 0–100, please check`,
      },
    });
    return key;
  };

  const pastedTools = new Set(draft.questions.map((q) => q.tool));
  const questions: QuestionData[] = [];
  for (const q of draft.questions) {
    const old = baseQuestions.get(q.code);
    const indicator = q.indicator ?? old?.indicator;
    if (indicator === undefined) {
      warnings.push({
        line: q.line,
        text: q.code,
        reason: { th: `ไม่ทราบตัวชี้วัดของ ${q.code}`, en: `The indicator of ${q.code} is not known` },
      });
    }
    const items: ItemData[] = q.items.map((it) => {
      const oldItem = old?.items?.find((o) => o.no === it.no);
      let polarity: ItemData['polarity'] = it.polarity ?? oldItem?.polarity ?? 'positive';
      if (it.polarity === null && !oldItem) {
        polarity = 'positive';
        warnings.push({
          line: it.line,
          text: `${q.code} ${it.no}`,
          reason: {
            th: `ไม่ทราบทิศทางของข้อย่อย ${it.no} ของ ${q.code} จึงถือเป็นเชิงบวก`,
            en: `Polarity of item ${it.no} of ${q.code} is not known; taken as positive`,
          },
        });
      }
      return {
        no: it.no,
        text: { th: it.text },
        scale: scaleFor(it.options ?? q.options, oldItem?.scale, it.line, q.code),
        polarity,
        source: `manual paste line ${it.line}`,
      };
    });
    questions.push({
      code: q.code,
      indicator: indicator ?? 0,
      text: { th: q.text },
      items: items.length > 0 ? items : null,
      source: `manual paste line ${q.line}`,
    });
  }
  for (const old of base.questions) {
    const t = indicatorOfTool.get(old.indicator);
    if (t === undefined || !pastedTools.has(t)) questions.push(old);
  }

  const oitItems: OitItemData[] =
    draft.oitItems.length === 0
      ? base.oitItems
      : draft.oitItems.map((o) => {
          const old = baseOit.get(o.code);
          const item: OitItemData = {
            code: o.code,
            indicator: o.indicator ?? old?.indicator ?? 0,
            name: { th: o.name },
            scoring: old?.scoring ?? 'binary',
            source: `manual paste line ${o.line}`,
          };
          const subIndicator = o.subIndicator ?? old?.subIndicator;
          if (subIndicator) item.subIndicator = subIndicator;
          const group = o.group ?? old?.group;
          if (group) item.group = group;
          if (old?.nameVariants && old.name?.th === o.name) item.nameVariants = old.nameVariants;
          return item;
        });

  return { framework: { ...structuredClone(base), scales, questions, oitItems }, warnings };
}
