import { levelTable, readableUrl, toThaiDigits } from '@prongsai/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { EMBLEM_HEIGHT_PT } from '../letterhead/emblem.js';
import { barChart, radarChart, shareChart, shareChartHeight } from './charts.js';
import {
  ANALYSIS_HEADERS,
  introBlocks,
  measuresCaptions,
  statBreakdowns,
  statCells,
  statChartValues,
  totalCells,
} from './measures-outline.js';
import {
  CADENCE_TH,
  fmt,
  localise,
  officialDate,
  roundTitle,
  PROGRESS_HEADERS,
  indicatorGroups,
  oitRows,
  chartValues,
  photoCaption,
  NO_PHOTOS,
  shown,
  itemsWithData,
  STATUS_TH,
  entryPoint,
  numbered,
  summaryRows,
  thaiYear,
  continuedLabel,
  photoRows,
} from './common.js';
import { DOCX_FONT } from './fonts.js';
import type { ClarificationModel } from '../oit/clarification.js';
import type { MemoModel } from '../calendar/memo.js';
import type { TaskSheetModel } from '../calendar/task-sheet.js';
import { divisionText, type MeasuresModel, type OrderModel, type ProgressModel } from './model.js';
import { wordingOf } from './agency-wording.js';

// Word and LibreOffice set Thai in the complex-script font: name it, and its size, everywhere.
const FONT = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT };
const SIZE = 32; // half-points: 16 pt
const STYLES = {
  default: {
    document: {
      run: { font: FONT, size: SIZE, sizeComplexScript: SIZE, language: { value: 'th-TH', bidirectional: 'th-TH' } },
      paragraph: { spacing: { after: 60 } },
    },
  },
};

const run = (text: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({
    text: localise(text),
    font: FONT,
    size: options.size ?? SIZE,
    sizeComplexScript: options.size ?? SIZE,
    bold: options.bold ?? false,
    boldComplexScript: options.bold ?? false,
  });

function lines(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map((line, i) =>
    i === 0
      ? run(line, options)
      : new TextRun({
          text: localise(line),
          break: 1,
          font: FONT,
          size: options.size ?? SIZE,
          sizeComplexScript: options.size ?? SIZE,
          bold: options.bold ?? false,
          boldComplexScript: options.bold ?? false,
        }),
  );
}

const para = (
  text: string,
  options: {
    bold?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    keepNext?: boolean;
  } = {},
) =>
  new Paragraph({
    ...(options.keepNext ? { keepNext: true, keepLines: true } : {}),
    children: lines(text, options),
    alignment: options.align ?? AlignmentType.LEFT,
    ...(options.indent ? { indent: { firstLine: 720 } } : {}),
  });

const title = (text: string) => para(text, { bold: true, size: 36, align: AlignmentType.CENTER });
const heading = (text: string) =>
  new Paragraph({ children: [run(text, { bold: true, size: 34 })], spacing: { before: 240, after: 120 } });

function cell(
  text: string,
  options: {
    bold?: boolean;
    header?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    span?: number;
    rowSpan?: number;
    size?: number;
    /** A group row's cell: Word keeps its row on the page of the row after it. */
    keepNext?: boolean;
  } = {},
) {
  return new TableCell({
    children: [
      new Paragraph({
        ...(options.keepNext ? { keepNext: true, keepLines: true } : {}),
        children: lines(text, { bold: options.bold ?? options.header ?? false, size: options.size ?? 28 }),
        alignment: options.align ?? (options.header ? AlignmentType.CENTER : AlignmentType.LEFT),
      }),
    ],
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E6F2EE' } } : {}),
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
  });
}

/**
 * A table whose header row repeats on every page and whose rows never break across pages, unless
 * a row may be taller than a page (a progress row's photos): Word cuts off a row taller than a page that may not split.
 */
function table(header: string[], rows: TableCell[][], widths: number[], rowsMayBreak = false) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { header: true })) }),
      ...rows.map((children) => new TableRow({ children, cantSplit: !rowsMayBreak })),
    ],
  });
}

const image = (data: Buffer, width: number, height: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data, transformation: { width, height } })],
  });

// Page numbers at the top, centred, from the second page (ระเบียบงานสารบรรณ; the seeds print them so).
const pageHeader = new Header({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        run('- '),
        new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28, sizeComplexScript: 28 }),
        run(' -'),
      ],
    }),
  ],
});

// Official documents number their pages from the second on, as the PDFs do.
const noHeader = new Header({ children: [new Paragraph({ children: [] })] });

function document(sections: ISectionOptions[], titleText: string) {
  const [first, ...rest] = sections;
  const opening: ISectionOptions = {
    ...first!,
    properties: { ...first!.properties, titlePage: true },
    headers: { ...first!.headers, first: noHeader },
  };
  return Packer.toBuffer(new Document({ styles: STYLES, title: titleText, creator: 'Prongsai', sections: [opening, ...rest] }));
}

// Page numbers in Thai digits, as official documents print them (- ๒ -).
const THAI_PAGE_NUMBERS = { formatType: NumberFormat.THAI_NUMBERS };
const PORTRAIT = { page: { margin: { top: 1000, bottom: 1000, left: 1400, right: 1000 }, pageNumbers: THAI_PAGE_NUMBERS } };
const LANDSCAPE = {
  page: {
    size: { orientation: PageOrientation.LANDSCAPE },
    margin: { top: 900, bottom: 900, left: 900, right: 900 },
    pageNumbers: THAI_PAGE_NUMBERS,
  },
};

export async function measuresDocx(m: MeasuresModel): Promise<Buffer> {
  const f = m.framework;
  const r = m.result;
  const { labels, values, sorted } = chartValues(f, r);
  const summary = summaryRows(f, r);
  const captions = measuresCaptions(m);
  const barHeight = Math.round(Math.max(200, labels.length * 34 + 40) * 0.75);
  const questionRows: TableCell[][] = [];
  for (const tool of f.tools.filter((x) => x.data.kind === 'survey')) {
    for (const indicator of tool.indicators) {
      questionRows.push([
        cell(`ตัวชี้วัดที่ ${indicator.number} ${indicator.data.name.th}`, { bold: true, span: 5, keepNext: true }),
        cell(fmt(shown(r.indicators[String(indicator.number)])), { bold: true, align: AlignmentType.CENTER }),
      ]);
      for (const unit of indicator.units) {
        if (unit.kind !== 'question') continue;
        const items = itemsWithData(unit.items, m.shares, r.items);
        questionRows.push([
          cell(`${unit.code}. ${unit.data.text.th}`, { bold: true, span: 5, keepNext: items.length > 0 }),
          cell(fmt(shown(r.units[unit.code])), { bold: true, align: AlignmentType.CENTER }),
        ]);
        // Yes/no items have their own header, as seed 001 prints them: มี | ไม่มี | คะแนน.
        if (items.some((item) => item.scaleId === 'yesno')) {
          questionRows.push([
            cell('หัวข้อการประเมิน', { bold: true, keepNext: true }),
            cell('มี', { bold: true, span: 2, align: AlignmentType.CENTER }),
            cell('ไม่มี', { bold: true, span: 2, align: AlignmentType.CENTER }),
            cell('คะแนน', { bold: true, align: AlignmentType.CENTER }),
          ]);
        }
        for (const item of items) {
          const shares = m.shares.get(item.key);
          if (item.scaleId === 'yesno') {
            const [yes, no] = shares ? shares.map((s) => s.toFixed(2)) : ['', ''];
            questionRows.push([
              cell(`${item.no}. ${item.text.th}`),
              cell(yes ?? '', { span: 2, align: AlignmentType.CENTER }),
              cell(no ?? '', { span: 2, align: AlignmentType.CENTER }),
              cell(fmt(shown(r.items[item.key])), { align: AlignmentType.CENTER }),
            ]);
            continue;
          }
          const values = shares ? shares.map((s) => s.toFixed(2)) : ['', '', '', ''];
          questionRows.push([
            cell(`${item.no}. ${item.text.th}`),
            ...values.map((v) => cell(v, { align: AlignmentType.CENTER })),
            cell(fmt(shown(r.items[item.key])), { align: AlignmentType.CENTER }),
          ]);
        }
      }
    }
  }
  const planned = m.entries.filter((e) => e.section !== 'extra');
  const extra = m.entries.filter((e) => e.section === 'extra');
  return document(
    [
      {
        properties: PORTRAIT,
        headers: { default: pageHeader },
        children: [
          title(`มาตรการยกระดับคุณธรรมและความโปร่งใสของ${wordingOf(m).titled}`),
          title(`ประจำปีงบประมาณ พ.ศ. ${thaiYear(m.fiscalYear)}`),
          heading('๑. ความสำคัญของ ITA'),
          ...introBlocks(m).map((block) =>
            block.kind === 'indicator'
              ? new Paragraph({
                  bullet: { level: 0 },
                  children: [run(block.lead, { bold: true }), run(block.text ? ` ${block.text}` : '')],
                })
              : block.kind === 'subheading'
                ? para(block.text, { bold: true })
                : para(block.text, { indent: true }),
          ),
          table(
            ['ระดับ', 'คะแนน ITA', 'เงื่อนไขคะแนนรายเครื่องมือ'],
            levelTable(
              m.framework.data.levels,
              m.framework.tools.map((tool) => tool.code),
            ).map((row) => [
              cell(row.level.name.th),
              cell(`${row.from.toFixed(2)} – ${row.to.toFixed(2)}`, { align: AlignmentType.CENTER }),
              cell(row.condition),
            ]),
            [2200, 2200, 4700],
          ),
          heading(captions.results),
          para(captions.summary, { bold: true }),
          table(
            ['ตัวชี้วัด', 'น้ำหนัก (ร้อยละ)', 'คะแนนเฉลี่ยตัวชี้วัด', 'คะแนนที่ได้ (100)', 'คะแนนถ่วงน้ำหนัก'],
            [
              ...summary.map((row) => [
                cell(row.label),
                ...(row.first ? [cell(row.weight, { rowSpan: row.span, align: AlignmentType.CENTER })] : []),
                cell(row.indicator, { align: AlignmentType.CENTER }),
                ...(row.first
                  ? [
                      cell(row.toolScore, { rowSpan: row.span, align: AlignmentType.CENTER }),
                      cell(row.weighted, { rowSpan: row.span, align: AlignmentType.CENTER }),
                    ]
                  : []),
              ]),
              [
                cell('คะแนนรวม ITA', { bold: true, span: 3, align: AlignmentType.RIGHT }),
                cell(fmt(r.ita), { bold: true, align: AlignmentType.CENTER }),
                cell(r.level?.name.th ?? '—', { bold: true, align: AlignmentType.CENTER }),
              ],
            ],
            [3600, 1100, 1300, 1100, 1300],
          ),
          para(captions.radar, { bold: true }),
          image(radarChart(labels, values), 480, 390),
          para(captions.bars, { bold: true }),
          image(barChart(labels, values, m.threshold), 480, barHeight),
          para(captions.sortedBars, { bold: true }),
          image(
            barChart(
              sorted.map((s) => s.label),
              sorted.map((s) => s.value),
              m.threshold,
            ),
            480,
            barHeight,
          ),
          para(captions.questions, { bold: true }),
          table(
            ['ข้อคำถาม / หัวข้อการประเมิน', 'น้อยที่สุด', 'น้อย', 'มาก', 'มากที่สุด', 'คะแนน'],
            questionRows,
            [4000, 900, 800, 800, 900, 1100],
          ),
          para(captions.oit, { bold: true }),
          table(
            ['ข้อ', 'หัวข้อ / URL ที่ส่ง / คำอธิบายของหน่วยงาน / ข้อเสนอแนะ', 'คะแนน'],
            [
              ...oitRows(f).map((row) => {
                if (row.kind === 'indicator') {
                  return [
                    cell(`ตัวชี้วัดที่ ${row.number} ${row.name}`, { bold: true, span: 2, keepNext: true }),
                    cell(fmt(shown(r.indicators[String(row.number)])), { bold: true, align: AlignmentType.CENTER }),
                  ];
                }
                if (row.kind === 'sub') {
                  return [
                    cell(`${row.code} ${row.name}`, { bold: true, span: 2, keepNext: true }),
                    cell(fmt(r.subIndicators[row.code]), { bold: true, align: AlignmentType.CENTER }),
                  ];
                }
                const u = row.unit;
                const detail = m.oit.find((o) => o.code === u.code);
                const text = [
                  u.kind === 'oit' ? (u.data.name?.th ?? '') : '',
                  ...(detail?.urls ?? []).map((url) => readableUrl(url)),
                  detail?.explanation ? `คำอธิบายของหน่วยงาน: ${detail.explanation}` : '',
                  detail?.suggestion ? `ข้อเสนอแนะ: ${detail.suggestion}` : '',
                ]
                  .filter(Boolean)
                  .join('\n');
                return [
                  cell(u.code, { align: AlignmentType.CENTER }),
                  cell(text, { size: 24 }),
                  cell(fmt(shown(r.units[u.code])), { align: AlignmentType.CENTER }),
                ];
              }),
              [
                cell('คะแนนเฉลี่ย (ถ่วงน้ำหนัก)', { bold: true, span: 2 }),
                cell(fmt(shown(r.tools.OIT)), { bold: true, align: AlignmentType.CENTER }),
              ],
            ],
            [700, 7000, 1000],
          ),
          ...statBreakdowns(m).flatMap((b, i) => {
            const bars = statChartValues(b);
            return [
              para(captions.statTable(b, i), { bold: true }),
              table(
                [b.title, 'ร้อยละ', 'จำนวนคน'],
                [
                  ...b.rows.map((s) => {
                    const [percent, count] = statCells(s);
                    return [
                      cell(s.label),
                      cell(percent, { align: AlignmentType.CENTER }),
                      cell(count, { align: AlignmentType.CENTER }),
                    ];
                  }),
                  [
                    cell('รวม', { bold: true }),
                    ...totalCells(b).map((v) => cell(v, { bold: true, align: AlignmentType.CENTER })),
                  ],
                ],
                [5000, 1800, 1800],
              ),
              para(captions.statChart(b, i), { bold: true }),
              image(shareChart(bars.labels, bars.values), 420, Math.round((shareChartHeight(bars.labels) * 420) / 560)),
            ];
          }),
        ],
      },
      {
        properties: LANDSCAPE,
        headers: { default: pageHeader },
        children: [
          heading(captions.analysis),
          table(
            ANALYSIS_HEADERS,
            indicatorGroups(
              planned.map((entry) => ({ entry })),
              m.indicatorNames,
            ).map((line) =>
              line.kind === 'group'
                ? [cell(line.title, { bold: true, span: 5, keepNext: true })]
                : [
                    cell(entryPoint(line.row.entry)),
                    cell(line.row.entry.issue),
                    cell(numbered(line.row.entry.measures)),
                    cell(divisionText(line.row.entry, m.divisions, wordingOf(m).allUnits), { align: AlignmentType.CENTER }),
                    cell(
                      line.row.entry.cadence === 'custom'
                        ? (line.row.entry.cadenceText ?? '')
                        : (CADENCE_TH[line.row.entry.cadence] ?? ''),
                      { align: AlignmentType.CENTER },
                    ),
                  ],
            ),
            [2800, 2800, 4600, 1600, 1400],
          ),
          ...extra.flatMap((e, i) => [
            heading(captions.extra(e.title ?? e.issue, i)),
            table(
              ['มาตรการ/กิจกรรม', 'หน่วยงานรับผิดชอบ', 'การกำกับติดตาม'],
              [
                [
                  cell(numbered(e.measures)),
                  cell(divisionText(e, m.divisions, wordingOf(m).allUnits), { align: AlignmentType.CENTER }),
                  cell(CADENCE_TH[e.cadence] ?? e.cadenceText ?? '', { align: AlignmentType.CENTER }),
                ],
              ],
              [8000, 2600, 2200],
            ),
          ]),
        ],
      },
    ],
    `มาตรการยกระดับคุณธรรมและความโปร่งใส ${m.agency.name_th} ${m.fiscalYear}`,
  );
}

export async function progressDocx(p: ProgressModel): Promise<Buffer> {
  let photo = 0;
  const photoCell = (evidence: ProgressModel['rows'][number]['evidence']) => {
    const pictures = evidence.flatMap((e) => {
      photo++;
      const parts: Paragraph[] = [];
      if (e.image) {
        parts.push(
          new Paragraph({
            children: [new ImageRun({ type: 'jpg', data: e.image, transformation: { width: 150, height: 112 } })],
          }),
        );
      }
      parts.push(new Paragraph({ children: lines(photoCaption(photo, e.caption), { size: 24 }) }));
      if (e.link) parts.push(new Paragraph({ children: [run(e.link, { size: 22 })] }));
      return parts;
    });
    return new TableCell({
      children: pictures.length ? pictures : [new Paragraph({ children: lines(NO_PHOTOS, { size: 24 }) })],
    });
  };
  const rows = indicatorGroups(p.rows, p.indicatorNames).flatMap((item) => {
    if (item.kind === 'group') return [[cell(item.title, { bold: true, span: 5, keepNext: true })]];
    const row = item.row;
    // As in the PDF: an entry's photos beyond what fits beside its text go on in rows of their own.
    const [first = [], ...more] = photoRows(row.evidence);
    return [
      [
        cell(entryPoint(row.entry)),
        cell(row.entry.issue),
        cell(numbered(row.entry.measures)),
        cell(`${STATUS_TH[row.status] ?? ''}\n${row.narrative}`.trim()),
        photoCell(first),
      ],
      ...more.map((chunk) => [cell(`${continuedLabel(row.entry)} (ต่อ)`), cell(''), cell(''), cell(''), photoCell(chunk)]),
    ];
  });
  return document(
    [
      {
        properties: LANDSCAPE,
        headers: { default: pageHeader },
        children: [
          title(`การรายงานผลการดำเนินการตามมาตรการยกระดับคุณธรรมและความโปร่งใสภายในหน่วยงาน ของ${p.agency.name_th}`),
          title(`ประจำปีงบประมาณ พ.ศ. ${thaiYear(p.fiscalYear)} ${roundTitle(p.round, p.fiscalYear)}`),
          table(PROGRESS_HEADERS, rows, [2200, 2200, 2800, 3400, 2800], true),
        ],
      },
    ],
    `รายงานผลการดำเนินการ ${p.agency.name_th} ${p.fiscalYear}`,
  );
}

/** The emblem's size in pixels at 96 dpi for a height of 3 cm, keeping its proportions. */
function emblemSize(png: Buffer): { width: number; height: number } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const target = Math.round((EMBLEM_HEIGHT_PT * 96) / 72);
  return { width: Math.round((width * target) / height), height: target };
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** A table drawn without lines: names beside roles in an order, a memo's quota list. */
const borderless = (columnWidths: number[], rows: TableRow[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows,
  });

export async function orderDocx(o: OrderModel): Promise<Buffer> {
  const c = o.committee;
  const th = toThaiDigits;
  return document(
    [
      {
        properties: { page: { margin: { top: 1100, bottom: 1100, left: 1700, right: 1100 }, pageNumbers: THAI_PAGE_NUMBERS } },
        headers: { default: pageHeader },
        children: [
          // The Garuda, 3 cm tall; until the agency uploads it, a paragraph of the same height.
          o.emblem
            ? new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new ImageRun({ type: 'png', data: o.emblem, transformation: emblemSize(o.emblem) })],
              })
            : new Paragraph({ spacing: { before: 0, after: 0, line: EMBLEM_HEIGHT_PT * 20, lineRule: 'exact' }, children: [] }),
          para(th(`คำสั่ง${o.agency.name_th}`), { bold: true, align: AlignmentType.CENTER, size: 34 }),
          para(th(`ที่ ${c.orderNumber}`), { align: AlignmentType.CENTER }),
          para(th(`เรื่อง ${c.subject}`), { align: AlignmentType.CENTER }),
          para('-------------------------------', { align: AlignmentType.CENTER }),
          ...c.preamble.map((p) => para(th(p), { indent: true, align: AlignmentType.THAI_DISTRIBUTE })),
          borderless(
            [5200, 3400],
            c.members.map(
              (member, i) =>
                new TableRow({
                  cantSplit: true,
                  children: [cell(th(`${i + 1}. ${member.name}`), { size: SIZE }), cell(th(member.role), { size: SIZE })],
                }),
            ),
          ),
          para(th('ให้คณะกรรมการฯ มีอำนาจหน้าที่ดังนี้'), { indent: true }),
          ...c.duties.map((duty, i) => para(th(`${i + 1}. ${duty}`), { indent: true, align: AlignmentType.THAI_DISTRIBUTE })),
          // The closing and the date kept on the signature's page.
          para(th(c.closing), { indent: true, keepNext: true }),
          para(th(`สั่ง ณ วันที่ ${officialDate(c.signedDate).replace(/ (?=\S+$)/, ' พ.ศ. ')}`), { indent: true, keepNext: true }),
          para('', { keepNext: true }),
          para('', { keepNext: true }),
          para(th(`(${c.signatoryName})`), { align: AlignmentType.CENTER, keepNext: true }),
          para(th(c.signatoryTitle), { align: AlignmentType.CENTER }),
        ],
      },
    ],
    `คำสั่ง${o.agency.name_th} ที่ ${c.orderNumber}`,
  );
}

export async function clarificationDocx(c: ClarificationModel): Promise<Buffer> {
  const disputed = c.items.filter((i) => i.disputed);
  return document(
    [
      {
        properties: LANDSCAPE,
        headers: { default: pageHeader },
        children: [
          title('แบบชี้แจงผลการประเมินการเปิดเผยข้อมูลสาธารณะ (OIT)'),
          para(`${c.agency.name_th} ประจำปีงบประมาณ พ.ศ. ${c.fiscalYear}`, { bold: true, align: AlignmentType.CENTER }),
          para(
            `${c.agency.name_th} ขอชี้แจงผลการตรวจการเปิดเผยข้อมูลสาธารณะเบื้องต้นจำนวน ${disputed.length} ข้อ ตามรายละเอียดต่อไปนี้ ข้ออื่นหน่วยงานยอมรับผลการตรวจเบื้องต้น`,
            { indent: true },
          ),
          table(
            ['ข้อ', 'คะแนนเบื้องต้น', 'ข้อเสนอแนะของผู้ประเมิน', 'คำชี้แจงของหน่วยงาน', 'หลักฐาน / URL'],
            disputed.map((item) => [
              cell(`${item.code}${item.name ? ` ${item.name}` : ''}`),
              cell(item.preliminary.toFixed(2), { align: AlignmentType.CENTER }),
              cell(item.suggestion ?? '-'),
              cell(item.clarification),
              cell(item.evidence.length ? item.evidence.map((e) => readableUrl(e.url)).join('\n') : 'ไม่มี', { size: 24 }),
            ]),
            [2400, 1200, 2800, 4200, 3400],
          ),
          para(''),
          para('ลงชื่อ ........................................................ ผู้ชี้แจง', { align: AlignmentType.RIGHT }),
          para('ตำแหน่ง ........................................................', { align: AlignmentType.RIGHT }),
          para('วันที่ ........................................................', { align: AlignmentType.RIGHT }),
        ],
      },
    ],
    `แบบชี้แจงผล OIT ${c.agency.name_th} ${c.fiscalYear}`,
  );
}

export async function memoDocx(m: MemoModel): Promise<Buffer> {
  const labelled = (label: string, text: string) =>
    new Paragraph({ children: [run(`${label} `, { bold: true }), ...lines_(text)], spacing: { after: 80 } });
  const body = m.blocks.map((block) =>
    block.kind === 'heading'
      ? para(block.text, { bold: true })
      : block.kind === 'table'
        ? borderless(
            [5600, 3000],
            block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text, { size: SIZE })) })),
          )
        : para(block.text, { indent: true, align: AlignmentType.THAI_DISTRIBUTE }),
  );
  return document(
    [
      {
        properties: PORTRAIT,
        headers: { default: pageHeader },
        children: [
          ...(m.emblem
            ? [
                new Paragraph({
                  children: [new ImageRun({ type: 'png', data: m.emblem, transformation: { width: 56, height: 56 } })],
                }),
              ]
            : []),
          para('บันทึกข้อความ', { bold: true, size: 48, align: AlignmentType.CENTER }),
          labelled('ส่วนราชการ', m.section),
          labelled('ที่', m.number),
          labelled('วันที่', m.date),
          labelled('เรื่อง', m.subject),
          labelled('เรียน', m.to),
          ...body,
          // The closing kept on the first signature's page.
          para(m.closing, { indent: true, keepNext: true }),
          ...m.signers.flatMap((signer) => [
            para('', { keepNext: true }),
            para('', { keepNext: true }),
            para(signer.name, { align: AlignmentType.CENTER, keepNext: signer.titles.length > 0 }),
            ...signer.titles.map((title) => para(title, { align: AlignmentType.CENTER })),
          ]),
        ],
      },
    ],
    `บันทึกข้อความ ${m.agency.name_th} ITA ${m.fiscalYear}`,
  );
}
const lines_ = (text: string) => lines(text);

/** What each division still owes, one division a page. */
export async function taskSheetDocx(m: TaskSheetModel): Promise<Buffer> {
  const title = `งาน ITA ที่ยังค้างส่ง ${m.agency.name_th} ประจำปีงบประมาณ พ.ศ. ${toThaiDigits(String(m.fiscalYear))}`;
  const divisions = m.divisions.flatMap((division, i) => [
    new Paragraph({ children: lines(title, { bold: true, size: 32 }), pageBreakBefore: i > 0 }),
    para(`ข้อมูล ณ วันที่ ${m.asOf}`),
    para(division.nameTh, { bold: true, size: 32 }),
    table(
      ['ที่', 'รายการ', 'กำหนดส่ง', 'สถานะ'],
      division.rows.map((row, k) => [
        cell(toThaiDigits(String(k + 1)), { align: AlignmentType.CENTER }),
        cell(row.what),
        cell(row.dueOn ?? '-'),
        cell(row.late ? `${row.state} (เลยกำหนด)` : row.state, { bold: row.late }),
      ]),
      [600, 5000, 1800, 2200],
    ),
  ]);
  return document(
    [
      {
        properties: PORTRAIT,
        headers: { default: pageHeader },
        children: [
          ...(m.divisions.length ? divisions : [para(title, { bold: true, size: 32 }), para(`ข้อมูล ณ วันที่ ${m.asOf}`)]),
          ...(m.clear.length ? [para(''), para(`${wordingOf(m).unitTerm}ที่ไม่มีงานค้าง: ${m.clear.join(' ')}`)] : []),
        ],
      },
    ],
    `งาน ITA ที่ยังค้างส่ง ${m.agency.name_th} ${m.fiscalYear}`,
  );
}
