import { AsyncLocalStorage } from 'node:async_hooks';
import {
  captionWithoutNumber,
  officialThaiDate,
  roundPeriod,
  toThaiDigits,
  type CompiledFramework,
  type ScoreResult,
  type Unit,
} from '@prongsai/core';

/** Per-document options the text helpers read while a document is being built. */
export const documentOptions = new AsyncLocalStorage<{ thaiDigits: boolean }>();

/** Text as the document shows it: with Thai digits when the document asks for them (never in links). */
export function localise(text: string): string {
  return documentOptions.getStore()?.thaiDigits && !/^https?:\/\//.test(text) ? toThaiDigits(text) : text;
}

export const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : (Math.round(Number((n * 100).toPrecision(12))) / 100).toFixed(2);

export const thaiYear = (year: number) => toThaiDigits(String(year));

export const officialDate = officialThaiDate;

export const roundTitle = (round: 6 | 12, fiscalYear: number) => toThaiDigits(roundPeriod(round, fiscalYear));

/** "ภาพที่ ๓ ประชุม…": the photo's number once, then its caption. */
export const photoCaption = (photo: number, caption: string) => `ภาพที่ ${photo} ${captionWithoutNumber(caption)}`.trim();

/** The progress report's column headers, as seeds 000, 003 and 004 print them. */
export const PROGRESS_HEADERS = [
  'ประเด็นการประเมิน',
  'ประเด็นที่เป็นที่ต้องปรับปรุง/ยกระดับการพัฒนา',
  'มาตรการ/กิจกรรม ในการเตรียมความพร้อมรับการประเมิน',
  'ผลการดำเนินการตามมาตรการยกระดับคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  'ภาพกิจกรรมที่แสดงถึงการปฏิบัติจริงอย่างเป็นรูปธรรม',
];

const TOOL_TITLES: Record<string, string> = {
  I: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
  E: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
  O: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)',
};

type GroupedLine<R> = { kind: 'group'; level: 'tool' | 'indicator'; title: string } | { kind: 'row'; row: R };

/**
 * Rows of plan entries with a group row before each tool and each indicator, as the analysis
 * table (seed 001) and the progress reports (000, 003, 004) set them ("แบบวัดการรับรู้ของ
 * ผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่"); extra measures (BMA OSS,
 * communication) come under "มาตรการเพิ่มเติม".
 */
export function indicatorGroups<
  R extends { entry: { section: string; questionCode: string | null; indicatorNumber: number | null; title: string | null } },
>(rows: R[], indicatorNames: Record<number, string>): GroupedLine<R>[] {
  const out: GroupedLine<R>[] = [];
  let tool: string | null = null;
  let indicator: number | null = null;
  for (const row of rows) {
    // A row of several items has no single code: its title ("O10, O15") names the tool.
    const code = row.entry.questionCode ?? /^[IEO](?=\d)/.exec(row.entry.title ?? '')?.[0] ?? null;
    const t = row.entry.section === 'extra' ? 'extra' : (code?.[0] ?? null);
    if (t !== null && t !== tool) {
      out.push({ kind: 'group', level: 'tool', title: t === 'extra' ? 'มาตรการเพิ่มเติม' : (TOOL_TITLES[t] ?? t) });
      tool = t;
      indicator = null;
    }
    const n = row.entry.section === 'extra' ? null : row.entry.indicatorNumber;
    if (n !== null && n !== indicator) {
      out.push({
        kind: 'group',
        level: 'indicator',
        title: `ตัวชี้วัดที่ ${toThaiDigits(String(n))} ${indicatorNames[n] ?? ''}`.trim(),
      });
      indicator = n;
    }
    out.push({ kind: 'row', row });
  }
  return out;
}

/** What an empty photo column says, rather than staying blank. */
export const NO_PHOTOS = '(ไม่มีภาพกิจกรรม)';

/** What a document prints for a score: the published value where the results carry one, else the computed one. */
export const shown = (scored: { score: number; published?: number } | undefined) =>
  scored ? (scored.published ?? scored.score) : undefined;

/**
 * The items of a question table 2 prints: those with answer shares or a score. Results that carry
 * only question scores print the question rows alone, never rows of empty cells.
 */
export const itemsWithData = <T extends { key: string }>(
  items: readonly T[] | null | undefined,
  shares: ReadonlyMap<string, unknown>,
  scores: Record<string, unknown>,
): T[] => (items ?? []).filter((item) => shares.has(item.key) || scores[item.key] !== undefined);

/**
 * The indicators as the charts plot them: each the value table 1 prints (the published score
 * where the results carry one), in indicator order and sorted from lowest.
 */
export function chartValues(framework: CompiledFramework, result: ScoreResult) {
  const numbers = [...framework.indicators.keys()].sort((a, b) => a - b);
  const labels = numbers.map((n) => `${n}. ${framework.indicators.get(n)!.data.name.th}`);
  const values = numbers.map((n) => Number(fmt(shown(result.indicators[String(n)]) ?? 0)));
  const sorted = labels.map((label, i) => ({ label, value: values[i]! })).sort((a, b) => a.value - b.value);
  return { labels, values, sorted };
}

/** Table 3's rows: each OIT indicator, its sub-indicators (where the framework has them) and their items, in order. */
export function oitRows(framework: CompiledFramework) {
  type Row =
    | { kind: 'indicator'; number: number; name: string }
    | { kind: 'sub'; code: string; name: string }
    | { kind: 'item'; unit: Unit };
  const rows: Row[] = [];
  const oit = framework.tools.find((tool) => tool.code === 'OIT');
  for (const indicator of oit?.indicators ?? []) {
    rows.push({ kind: 'indicator', number: indicator.number, name: indicator.data.name.th });
    const subs = indicator.data.subIndicators ?? [];
    const units = indicator.units.filter((u) => u.kind === 'oit');
    for (const sub of subs) {
      const inSub = units.filter((u) => u.subIndicator === sub.code);
      if (inSub.length === 0) continue;
      rows.push({ kind: 'sub', code: sub.code, name: sub.name.th });
      for (const unit of inSub) rows.push({ kind: 'item', unit });
    }
    for (const unit of units.filter((u) => !subs.some((s) => s.code === u.subIndicator))) rows.push({ kind: 'item', unit });
  }
  return rows;
}

/** Rows of table 1: each indicator with its tool's weight, score and weighted score on the tool's first row. */
export function summaryRows(framework: CompiledFramework, result: ScoreResult) {
  return framework.tools.flatMap((tool) =>
    tool.indicators.map((indicator, i) => ({
      first: i === 0,
      span: tool.indicators.length,
      tool: tool.code,
      label: `ตัวชี้วัดที่ ${indicator.number}. ${indicator.data.name.th}`,
      weight: tool.data.weight.toFixed(2),
      indicator: fmt(shown(result.indicators[String(indicator.number)])),
      toolScore: fmt(shown(result.tools[tool.code])),
      weighted: fmt(result.tools[tool.code]?.weighted),
    })),
  );
}

export const STATUS_TH: Record<string, string> = {
  'not-started': 'ยังไม่เริ่มดำเนินการ',
  'in-progress': 'อยู่ระหว่างดำเนินการ',
  done: 'ดำเนินการแล้ว',
  'not-done': 'ไม่ได้ดำเนินการ',
};

export const CADENCE_TH: Record<string, string> = {
  bimonthly: 'ทุก 2 เดือน',
  quarterly: 'ทุกไตรมาส',
  semiannual: 'ทุก 6 เดือน',
  'twice-yearly': 'ปีละ 2 ครั้ง',
};

export const DIMENSION_TH: Record<string, string> = {
  gender: 'เพศ',
  age: 'อายุ',
  positionLevel: 'ระดับตำแหน่งงาน',
  yearsOfService: 'จำนวนปีที่ปฏิบัติงาน',
  occupation: 'อาชีพ',
  contactKind: 'ลักษณะการติดต่อ',
  division: 'ฝ่ายที่ติดต่อ',
};

/** An entry's assessment point as the tables print it: code (or indicator, or title), text, score. */
export function entryPoint(e: {
  questionCode: string | null;
  indicatorNumber: number | null;
  title: string | null;
  questionText: string | null;
  score: number | null;
}): string {
  return [
    // A row of several OIT items is labelled with their range as the seeds print it ("O10, O15"), not as the whole indicator.
    e.questionCode ?? e.title ?? (e.indicatorNumber ? `ตัวชี้วัดที่ ${e.indicatorNumber}` : ''),
    e.questionText ?? '',
    e.score === null ? '' : `(${fmt(e.score)} คะแนน)`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Measures as a numbered list, one per line. */
export const numbered = (items: string[]) => items.map((m, i) => `${i + 1}. ${m}`).join('\n');

/** The width a progress report prints a photo at, and the height of photos one row may hold beside its text. */
export const PHOTO_WIDTH = 140;
const PHOTOS_HEIGHT_PER_ROW = 340;

/** A photo's height as printed, with its caption and link, from its size as stored (4:3 where unknown). */
function printedHeight(e: PrintedPhoto): number {
  const ratio = e.width && e.height ? e.height / e.width : 0.75;
  return (e.image ? PHOTO_WIDTH * ratio + 4 : 0) + 30 + (e.link ? 13 : 0);
}
interface PrintedPhoto {
  image: Buffer | null;
  link: string | null;
  width: number | null;
  height: number | null;
}

/**
 * An entry's photos in rows that each fit on a page: the first beside the entry's text, the rest in
 * rows of their own ("I2 (ต่อ)"). Always at least one row, empty when there are no photos.
 */
export function photoRows<T extends PrintedPhoto>(evidence: T[]): T[][] {
  const rows: T[][] = [];
  let height = 0;
  for (const e of evidence) {
    const h = printedHeight(e);
    if (rows.length === 0 || height + h > PHOTOS_HEIGHT_PER_ROW) {
      rows.push([]);
      height = 0;
    }
    rows.at(-1)!.push(e);
    height += h;
  }
  return rows.length ? rows : [[]];
}

/** A continuation row's label: the entry's code (or title) without its question text. */
export const continuedLabel = (e: { questionCode: string | null; title: string | null; indicatorNumber: number | null }) =>
  e.questionCode ?? e.title ?? (e.indicatorNumber ? `ตัวชี้วัดที่ ${e.indicatorNumber}` : '');
