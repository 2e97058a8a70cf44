import { toThaiDigits, type ShownStat } from '@prongsai/core';
import { wordingOf } from './agency-wording.js';
import { DIMENSION_TH, fmt, thaiYear } from './common.js';
import type { MeasuresModel } from './model.js';

/** The measures document's fixed texts (frameworks/documents/intro-th.json). */
export interface MeasuresIntro {
  importance: string[];
  participation: string;
  tools: { tool: string; text: string }[];
  disclosure: string;
  collection: { heading: string; tools: { tool: string; text: string }[] };
  indicators: { name: string; english: string; text: string }[];
  levels: { heading: string; text: string };
}

/** A block of section 1: a paragraph, a sub-heading, or an indicator with its bold lead. */
export type IntroBlock =
  { kind: 'paragraph'; text: string } | { kind: 'subheading'; text: string } | { kind: 'indicator'; lead: string; text: string };

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);

/** "ตัวชี้วัดก ตัวชี้วัดข และตัวชี้วัดค", as seed 001 lists a tool's indicators. */
function listed(names: string[]): string {
  const words = names.map((n) => `ตัวชี้วัด${n}`);
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(' ')} และ${words.at(-1)}`;
}

/**
 * Section 1 of the measures document as seed 001 writes it: the importance of ITA, the agency's
 * participation, the three tools with their indicators, the data collection of each tool with
 * what each indicator measures, and the levels. Counts and names come from the framework; the
 * indicator texts are printed for the framework's indicators of the same name.
 */
export function introBlocks(m: MeasuresModel): IntroBlock[] {
  const framework = m.framework;
  const values = {
    ...wordingOf(m).intro,
    agency: m.agency.name_th,
    year: thaiYear(m.fiscalYear),
    indicators: toThaiDigits(String(framework.indicators.size)),
    tools: toThaiDigits(String(framework.tools.length)),
    levels: toThaiDigits(String(framework.data.levels.levels.length)),
  };
  const blocks: IntroBlock[] = m.intro.importance.map((text) => ({ kind: 'paragraph', text }));
  blocks.push({ kind: 'paragraph', text: fill(m.intro.participation, values) });
  for (const tool of framework.tools) {
    const text = m.intro.tools.find((t) => t.tool === tool.code)?.text ?? `${tool.data.name.th} (${tool.code})`;
    blocks.push({
      kind: 'paragraph',
      text: `${fill(text, values)} ประกอบด้วย ${listed(tool.indicators.map((i) => i.data.name.th))}`,
    });
  }
  blocks.push({ kind: 'paragraph', text: fill(m.intro.disclosure, values) });
  blocks.push({ kind: 'subheading', text: fill(m.intro.collection.heading, values) });
  for (const tool of framework.tools) {
    const text = m.intro.collection.tools.find((t) => t.tool === tool.code)?.text;
    if (text) blocks.push({ kind: 'paragraph', text: fill(text, { ...values, count: String(tool.indicators.length) }) });
    for (const indicator of tool.indicators) {
      const name = indicator.data.name.th;
      const known = m.intro.indicators.find((i) => i.name === name);
      blocks.push({
        kind: 'indicator',
        lead: `ตัวชี้วัดที่ ${toThaiDigits(String(indicator.number))} ${name}${known?.english ? ` (${known.english})` : ''}`,
        text: fill(known?.text ?? '', values),
      });
    }
  }
  blocks.push({ kind: 'subheading', text: m.intro.levels.heading });
  blocks.push({ kind: 'paragraph', text: fill(m.intro.levels.text, values) });
  return blocks;
}

/** The breakdowns' order in seed 001: IIT by gender, age, position, service; EIT by gender, age, occupation, contact. */
const DIMENSION_ORDER = ['gender', 'age', 'positionLevel', 'yearsOfService', 'occupation', 'contactKind', 'division'];
const TOOL_ORDER = ['IIT', 'EIT'];

const STAKEHOLDERS: Record<string, string> = {
  IIT: 'ผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
  EIT: 'ผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
};

export interface StatBreakdown {
  tool: string;
  dimension: string;
  /** The dimension as the table's first header names it. */
  title: string;
  rows: ShownStat[];
  /** Respondents of the breakdown (the รวม row), or null when the results give only percents. */
  total: number | null;
}

/** The respondent statistics as tables 4 onwards print them, one breakdown per table, in seed 001's order. */
export function statBreakdowns(m: MeasuresModel): StatBreakdown[] {
  const rank = (list: string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length);
  const keys = [...new Set(m.stats.map((s) => `${s.tool}|${s.dimension}`))].map((k) => k.split('|') as [string, string]);
  keys.sort(
    ([t1, d1], [t2, d2]) => rank(TOOL_ORDER, t1) - rank(TOOL_ORDER, t2) || rank(DIMENSION_ORDER, d1) - rank(DIMENSION_ORDER, d2),
  );
  return keys.map(([tool, dimension]) => ({
    tool,
    dimension,
    title: dimension === 'division' ? `${wordingOf(m).unitTerm}ที่ติดต่อ` : (DIMENSION_TH[dimension] ?? dimension),
    rows: m.stats.filter((s) => s.tool === tool && s.dimension === dimension),
    total: m.statTotals.get(`${tool}|${dimension}`) ?? null,
  }));
}

/** A statistics row's percent and count cells: a group under 5, 0 included, never as a number. */
export function statCells(stat: ShownStat): [string, string] {
  if (!stat.suppressed) return [fmt(stat.percent), stat.count === null ? '—' : String(stat.count)];
  return stat.hiddenBecause === 'small' ? ['น้อยกว่า 5 คน', 'น้อยกว่า 5'] : ['ไม่แสดง', 'ไม่แสดง'];
}

/** The รวม row of a breakdown. */
export const totalCells = (b: StatBreakdown): [string, string] => ['100.00', b.total === null ? '—' : String(b.total)];

/** The percent each group's bar shows; a hidden group has no bar. */
export const statChartValues = (b: StatBreakdown) => ({
  labels: b.rows.map((s) => (s.suppressed ? `${s.label} (ไม่แสดง)` : s.label)),
  values: b.rows.map((s) => (s.suppressed || s.percent === null ? null : Number(fmt(s.percent)))),
});

/**
 * The numbered captions of the measures document, worded as seed 001's: tables 1–3 and charts
 * 1–3 for the results, then a table and a chart per respondent breakdown (tables 4–12 and charts
 * 4–12 with the seed's nine breakdowns).
 */
export function measuresCaptions(m: MeasuresModel) {
  const agency = wordingOf(m).titled;
  const of = `${agency} ประจำปีงบประมาณ พ.ศ. ${m.resultsYear}`;
  const ita = `การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${of}`;
  const stat = (b: StatBreakdown) => `สถิติผู้ตอบแบบสอบถาม${STAKEHOLDERS[b.tool] ?? b.tool} ${of} แยกตาม${b.title}`;
  return {
    summary: `ตารางที่ 1: ค่าคะแนน${ita} ในภาพรวมจำแนกตามตัวชี้วัด`,
    radar: `แผนภาพที่ 1: กราฟใยแมงมุมแสดงค่าคะแนน${ita}`,
    questions: `ตารางที่ 2: ค่าคะแนน${ita} จำแนกตามตัวชี้วัดและข้อคำถาม`,
    bars: `แผนภาพที่ 2: กราฟแท่งแสดงผล${ita} ในภาพรวม จำแนกตามตัวชี้วัด`,
    sortedBars: `แผนภาพที่ 3: กราฟแท่งแสดงผล${ita} ในภาพรวม เรียงตามคะแนนจากน้อยไปมาก`,
    oit: `ตารางที่ 3: รายละเอียดผลการประเมินการเปิดเผยข้อมูลสาธารณะ ${of}`,
    statTable: (b: StatBreakdown, i: number) => `ตารางที่ ${i + 4}: ${stat(b)}`,
    statChart: (b: StatBreakdown, i: number) => `แผนภาพที่ ${i + 4}: กราฟแท่งแสดง${stat(b)}`,
    // Section headings are numbered in Thai digits, and so is every number in them (no 2566 beside ๓.).
    results: toThaiDigits(`๒. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${agency} ประจำปีงบประมาณ พ.ศ. ${m.resultsYear}`),
    analysis: toThaiDigits(
      `๓. การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${agency} ในปี ${m.resultsYear} ประเด็นที่ต้องปรับปรุง/ยกระดับการพัฒนา (พิจารณาจากข้อที่มีผลการประเมินต่ำกว่าร้อยละ ${m.threshold})`,
    ),
    /** Extra measures follow the analysis as sections ๔, ๕ …, as seed 001 numbers BMA OSS. */
    extra: (title: string, i: number) => `${toThaiDigits(String(i + 4))}. ${title}`,
  };
}

/** The analysis table's column headers, in full as seed 001 prints them. */
export const ANALYSIS_HEADERS = [
  'ประเด็นการประเมิน',
  'ประเด็นที่ต้องปรับปรุง/ยกระดับการพัฒนา',
  'มาตรการ/กิจกรรม ในการเตรียมความพร้อมรับการประเมิน ในประเด็นที่ต้องปรับปรุง/ยกระดับการพัฒนา',
  'หน่วยงานรับผิดชอบ',
  'การกำกับติดตาม',
];
