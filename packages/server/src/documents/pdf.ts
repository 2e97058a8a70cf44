import type { Content, Node, NodeQueries, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { isWellFormedUrl, levelTable, readableUrl, toThaiDigits } from '@prongsai/core';
import { barChart, radarChart, shareChart } from './charts.js';
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
  PHOTO_WIDTH,
} from './common.js';
import type { ClarificationModel } from '../oit/clarification.js';
import type { MemoModel } from '../calendar/memo.js';
import type { TaskSheetModel } from '../calendar/task-sheet.js';
import { divisionText, type MeasuresModel, type OrderModel, type ProgressModel } from './model.js';
import { renderPdf, thaiPageHeader } from './thai-pdf.js';
import { wordingOf } from './agency-wording.js';
import { EMBLEM_HEIGHT_PT } from '../letterhead/emblem.js';
import { breakable, breakableUrl } from './thai-text.js';

const show = (text: string) => breakable(localise(text));
const t = (text: string, extra: Record<string, unknown> = {}): Content => ({ text: show(text), ...extra }) as Content;
const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text: show(text), ...extra }) as TableCell;
const head = (text: string): TableCell =>
  ({ text: show(text), bold: true, fillColor: '#e6f2ee', alignment: 'center' }) as TableCell;
const heading = (text: string): Content =>
  ({ text: show(text), bold: true, fontSize: 17, margin: [0, 12, 0, 6], headlineLevel: 1 }) as Content;
/** A table's or chart's caption: never left alone at the foot of a page (see `keepCaptions`). */
const caption = (text: string, extra: Record<string, unknown> = {}): Content =>
  t(text, { bold: true, margin: [0, 12, 0, 4], headlineLevel: 1, ...extra });
const paragraph = (text: string): Content =>
  ({ text: show(text), margin: [0, 0, 0, 6], leadingIndent: 36, alignment: 'left' }) as Content;

/** A chart under its caption, the two kept on one page. */
const chart = (captionText: string, png: Buffer, width: number): Content =>
  ({
    unbreakable: true,
    stack: [
      caption(captionText, { headlineLevel: undefined }),
      { image: `data:image/png;base64,${png.toString('base64')}`, width, alignment: 'center' },
    ],
  }) as Content;

/** Section 1's blocks: paragraphs, sub-headings, and each tool's indicators as a list with bold names. */
function introContent(m: MeasuresModel): Content[] {
  const out: Content[] = [];
  let list: Content[] | null = null;
  for (const block of introBlocks(m)) {
    if (block.kind === 'indicator') {
      if (!list) out.push({ ul: (list = []), margin: [18, 0, 0, 6] } as Content);
      // An indicator's name and its few lines of description stay on one page.
      list.push({
        stack: [{ text: [{ text: show(block.lead), bold: true }, { text: show(block.text ? ` ${block.text}` : '') }] }],
        unbreakable: true,
        margin: [0, 0, 0, 4],
      } as Content);
      continue;
    }
    list = null;
    out.push(block.kind === 'subheading' ? t(block.text, { bold: true, margin: [0, 6, 0, 4] }) : paragraph(block.text));
  }
  return out;
}

function measuresContent(m: MeasuresModel): Content[] {
  const framework = m.framework;
  const result = m.result;
  const captions = measuresCaptions(m);
  const content: Content[] = [
    t(`มาตรการยกระดับคุณธรรมและความโปร่งใสของ${wordingOf(m).titled}`, { style: 'title' }),
    t(`ประจำปีงบประมาณ พ.ศ. ${thaiYear(m.fiscalYear)}`, { style: 'title', margin: [0, 0, 0, 12] }),
    heading('๑. ความสำคัญของ ITA'),
    ...introContent(m),
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [110, 110, '*'],
        body: [
          [head('ระดับ'), head('คะแนน ITA'), head('เงื่อนไขคะแนนรายเครื่องมือ')],
          ...levelTable(
            framework.data.levels,
            framework.tools.map((tool) => tool.code),
          ).map((row) => [
            cell(row.level.name.th),
            cell(`${row.from.toFixed(2)} – ${row.to.toFixed(2)}`, { alignment: 'center' }),
            cell(row.condition),
          ]),
        ],
      },
    },
  ];
  const rows = summaryRows(framework, result);
  // Section 2's heading, table 1's caption and table 1 fit a page: they move together, whole.
  content.push({
    unbreakable: true,
    stack: [
      heading(captions.results),
      caption(captions.summary, { margin: [0, 0, 0, 4] }),
      {
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths: ['*', 60, 70, 60, 70],
          body: [
            [head('ตัวชี้วัด'), head('น้ำหนัก (ร้อยละ)'), head('คะแนนเฉลี่ยตัวชี้วัด'), head('คะแนนที่ได้ (100)'), head('คะแนนถ่วงน้ำหนัก')],
            ...rows.map((r) => [
              cell(r.label),
              r.first ? cell(r.weight, { rowSpan: r.span, alignment: 'center' }) : {},
              cell(r.indicator, { alignment: 'center' }),
              r.first ? cell(r.toolScore, { rowSpan: r.span, alignment: 'center' }) : {},
              r.first ? cell(r.weighted, { rowSpan: r.span, alignment: 'center' }) : {},
            ]),
            [
              cell('คะแนนรวม ITA', { colSpan: 3, bold: true, alignment: 'right' }),
              {},
              {},
              cell(fmt(result.ita), { bold: true, alignment: 'center' }),
              cell(result.level?.name.th ?? '—', { bold: true, alignment: 'center' }),
            ],
          ] as TableCell[][],
        },
      },
    ] as Content[],
  });
  const { labels, values, sorted: order } = chartValues(framework, result);
  content.push({ ...(chart(captions.radar, radarChart(labels, values), 420) as object), pageBreak: 'before' } as Content);
  content.push(chart(captions.bars, barChart(labels, values, m.threshold), 420));
  content.push(
    chart(
      captions.sortedBars,
      barChart(
        order.map((o) => o.label),
        order.map((o) => o.value),
        m.threshold,
      ),
      420,
    ),
  );

  content.push(caption(captions.questions, { pageBreak: 'before' }));
  const body: TableCell[][] = [
    [head('ข้อคำถาม / หัวข้อการประเมิน'), head('น้อยที่สุด'), head('น้อย'), head('มาก'), head('มากที่สุด'), head('คะแนน')],
  ];
  for (const tool of framework.tools.filter((x) => x.data.kind === 'survey')) {
    for (const indicator of tool.indicators) {
      body.push([
        cell(`ตัวชี้วัดที่ ${indicator.number} ${indicator.data.name.th}`, {
          colSpan: 5,
          bold: true,
          fillColor: '#f3f3f3',
          keepWithNext: true,
        }),
        {},
        {},
        {},
        {},
        cell(fmt(shown(result.indicators[String(indicator.number)])), { bold: true, alignment: 'center', fillColor: '#f3f3f3' }),
      ]);
      for (const unit of indicator.units) {
        if (unit.kind !== 'question') continue;
        const items = itemsWithData(unit.items, m.shares, result.items);
        body.push([
          cell(`${unit.code}. ${unit.data.text.th}`, { colSpan: 5, bold: true, keepWithNext: items.length > 0 }),
          {},
          {},
          {},
          {},
          cell(fmt(shown(result.units[unit.code])), { alignment: 'center', bold: true }),
        ]);
        // Yes/no items have their own header, as seed 001 prints them: มี | ไม่มี | คะแนน.
        if (items.some((item) => item.scaleId === 'yesno')) {
          body.push([
            cell('หัวข้อการประเมิน', { bold: true, fillColor: '#e6f2ee', alignment: 'center', keepWithNext: true }),
            cell('มี', { bold: true, fillColor: '#e6f2ee', alignment: 'center', colSpan: 2 }),
            {},
            cell('ไม่มี', { bold: true, fillColor: '#e6f2ee', alignment: 'center', colSpan: 2 }),
            {},
            head('คะแนน'),
          ]);
        }
        for (const item of items) {
          const scored = result.items[item.key];
          const shares = m.shares.get(item.key);
          if (item.scaleId === 'yesno') {
            const [yes, no] = shares ? shares.map((s) => s.toFixed(2)) : ['', ''];
            body.push([
              cell(`${item.no}. ${item.text.th}`),
              cell(yes ?? '', { alignment: 'center', colSpan: 2 }),
              {},
              cell(no ?? '', { alignment: 'center', colSpan: 2 }),
              {},
              cell(fmt(shown(scored)), { alignment: 'center' }),
            ]);
            continue;
          }
          const values = shares ? shares.map((s) => s.toFixed(2)) : ['', '', '', ''];
          body.push([
            cell(`${item.no}. ${item.text.th}`),
            ...values.map((v) => cell(v, { alignment: 'center' })),
            cell(fmt(shown(scored)), { alignment: 'center' }),
          ]);
        }
      }
    }
  }
  content.push({
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: ['*', 42, 36, 36, 48, 44], body },
    // A table of figures in narrow columns: 12 pt keeps each level's name (น้อยที่สุด) whole in its column.
    fontSize: 12,
  });

  content.push(caption(captions.oit, { pageBreak: 'before' }));
  const oitBody: TableCell[][] = [[head('ข้อ'), head('หัวข้อ / URL ที่ส่ง / คำอธิบายของหน่วยงาน / ข้อเสนอแนะ'), head('คะแนน')]];
  const groupRow = (label: string, score: number | undefined, fill: string, keepWithNext = true): TableCell[] => [
    cell(label, { colSpan: 2, bold: true, fillColor: fill, keepWithNext }),
    {},
    cell(fmt(score), { bold: true, alignment: 'center', fillColor: fill }),
  ];
  for (const row of oitRows(framework)) {
    if (row.kind === 'indicator') {
      oitBody.push(groupRow(`ตัวชี้วัดที่ ${row.number} ${row.name}`, shown(result.indicators[String(row.number)]), '#d3e9e1'));
      continue;
    }
    if (row.kind === 'sub') {
      oitBody.push(groupRow(`${row.code} ${row.name}`, result.subIndicators[row.code], '#eef6f3'));
      continue;
    }
    const u = row.unit;
    const detail = m.oit.find((o) => o.code === u.code);
    const stack: Content[] = [t(u.kind === 'oit' ? (u.data.name?.th ?? '') : '')];
    for (const url of detail?.urls ?? []) {
      stack.push({
        text: breakableUrl(readableUrl(url)),
        fontSize: 12,
        color: '#1c4e9c',
        ...(isWellFormedUrl(url) ? { link: url } : {}),
      });
    }
    if (detail?.explanation) stack.push(t(`คำอธิบายของหน่วยงาน: ${detail.explanation}`, { fontSize: 12 }));
    if (detail?.suggestion) stack.push(t(`ข้อเสนอแนะ: ${detail.suggestion}`, { fontSize: 11 }));
    oitBody.push([
      cell(u.code, { alignment: 'center' }),
      { stack } as TableCell,
      cell(fmt(shown(result.units[u.code])), { alignment: 'center' }),
    ]);
  }
  oitBody.push(groupRow('คะแนนเฉลี่ย (ถ่วงน้ำหนัก)', shown(result.tools.OIT), '#d3e9e1', false));
  content.push({ table: { headerRows: 1, dontBreakRows: true, widths: [34, '*', 48], body: oitBody }, fontSize: 14 });

  for (const [i, b] of statBreakdowns(m).entries()) {
    content.push({
      unbreakable: true,
      ...(i === 0 ? { pageBreak: 'before' } : {}),
      stack: [
        caption(captions.statTable(b, i), { headlineLevel: undefined }),
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['*', 80, 70],
            body: [
              [head(b.title), head('ร้อยละ'), head('จำนวนคน')],
              ...b.rows.map((s) => {
                const [percent, count] = statCells(s);
                return [cell(s.label), cell(percent, { alignment: 'center' }), cell(count, { alignment: 'center' })];
              }),
              [cell('รวม', { bold: true }), ...totalCells(b).map((v) => cell(v, { bold: true, alignment: 'center' }))],
            ],
          },
          fontSize: 14,
        },
      ],
    } as Content);
    const bars = statChartValues(b);
    content.push(chart(captions.statChart(b, i), shareChart(bars.labels, bars.values), 380));
  }

  const planned = m.entries.filter((e) => e.section !== 'extra');
  content.push({
    text: show(captions.analysis),
    bold: true,
    fontSize: 17,
    margin: [0, 0, 0, 6],
    pageBreak: 'before',
    pageOrientation: 'landscape',
    headlineLevel: 1,
  } as Content);
  const analysisRows: TableCell[][] = planned.length
    ? indicatorGroups(
        planned.map((entry) => ({ entry })),
        m.indicatorNames,
      ).map((line): TableCell[] =>
        line.kind === 'group'
          ? [
              cell(line.title, {
                colSpan: 5,
                bold: true,
                fillColor: line.level === 'tool' ? '#d3e9e1' : '#eef6f3',
                keepWithNext: true,
              }),
              {},
              {},
              {},
              {},
            ]
          : [
              cell(entryPoint(line.row.entry)),
              cell(line.row.entry.issue),
              cell(numbered(line.row.entry.measures)),
              cell(divisionText(line.row.entry, m.divisions, wordingOf(m).allUnits), { alignment: 'center' }),
              cell(
                line.row.entry.cadence === 'custom'
                  ? (line.row.entry.cadenceText ?? '')
                  : (CADENCE_TH[line.row.entry.cadence] ?? ''),
                { alignment: 'center' },
              ),
            ],
      )
    : m.weak.map((p) => [cell(`${p.code} (${fmt(p.score)} คะแนน)`), cell(''), cell(''), cell(''), cell('')]);
  content.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [150, 150, '*', 80, 70],
      body: [ANALYSIS_HEADERS.map((h) => head(h)), ...analysisRows],
    },
    fontSize: 14,
  });
  const extra = m.entries.filter((e) => e.section === 'extra');
  for (const [i, e] of extra.entries()) {
    content.push({
      unbreakable: true,
      stack: [
        heading(captions.extra(e.title ?? e.issue, i)),
        {
          table: {
            dontBreakRows: true,
            widths: ['*', 120, 90],
            body: [
              [head('มาตรการ/กิจกรรม'), head('หน่วยงานรับผิดชอบ'), head('การกำกับติดตาม')],
              [
                cell(numbered(e.measures)),
                cell(divisionText(e, m.divisions, wordingOf(m).allUnits), { alignment: 'center' }),
                cell(CADENCE_TH[e.cadence] ?? e.cadenceText ?? '', { alignment: 'center' }),
              ],
            ],
          },
        },
      ] as Content[],
    });
  }
  return content;
}

/**
 * Moves a caption or heading to the next page when nothing follows it on its own: a table or
 * chart never starts a page without its caption (pdfmake's documented pattern).
 */
export function keepCaptions(node: Node, nodes: NodeQueries): boolean {
  return node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0;
}

const STYLES = {
  title: { fontSize: 18, bold: true, alignment: 'center' as const },
};

export function measuresPdf(m: MeasuresModel): Promise<Buffer> {
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 48, 42, 48],
    header: thaiPageHeader,
    content: measuresContent(m),
    pageBreakBefore: keepCaptions,
    styles: STYLES,
    info: { title: `มาตรการยกระดับคุณธรรมและความโปร่งใส ${m.agency.name_th} ${m.fiscalYear}` },
  } as TDocumentDefinitions);
}

export function progressPdf(p: ProgressModel): Promise<Buffer> {
  let photo = 0;
  const items = indicatorGroups(p.rows, p.indicatorNames);
  const photoStack = (evidence: ProgressModel['rows'][number]['evidence']): TableCell =>
    ({
      stack:
        evidence.length === 0
          ? [t(NO_PHOTOS, { fontSize: 12, color: '#666' })]
          : evidence.map((e) => {
              photo++;
              const parts: Content[] = [];
              if (e.image) {
                parts.push({
                  image: `data:image/jpeg;base64,${e.image.toString('base64')}`,
                  width: PHOTO_WIDTH,
                  margin: [0, 2, 0, 2],
                });
              }
              parts.push(t(photoCaption(photo, e.caption), { fontSize: 12 }));
              if (e.link) parts.push({ text: e.link, fontSize: 11, color: '#1c4e9c', link: e.link });
              // A photo, its caption and its link on one page.
              return { unbreakable: true, stack: parts } as Content;
            }),
    }) as TableCell;
  const body: TableCell[][] = [PROGRESS_HEADERS.map((h) => head(h))];
  for (const item of items) {
    if (item.kind === 'group') {
      body.push([
        cell(item.title, {
          colSpan: 5,
          bold: true,
          fillColor: item.level === 'tool' ? '#d3e9e1' : '#eef6f3',
          keepWithNext: true,
        }),
        {},
        {},
        {},
        {},
      ]);
      continue;
    }
    const row = item.row;
    // An entry with more photos than fit beside its text goes on in rows of its own, each kept on one page.
    const chunks = photoRows(row.evidence);
    for (const [c, chunk] of chunks.entries()) {
      body.push(
        c === 0
          ? [
              cell(entryPoint(row.entry)),
              cell(row.entry.issue),
              cell(numbered(row.entry.measures)),
              cell(`${STATUS_TH[row.status] ?? ''}\n${row.narrative}`.trim()),
              photoStack(chunk),
            ]
          : [cell(`${continuedLabel(row.entry)} (ต่อ)`, { color: '#555' }), cell(''), cell(''), cell(''), photoStack(chunk)],
      );
    }
  }
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 44],
    header: thaiPageHeader,
    content: [
      t(`การรายงานผลการดำเนินการตามมาตรการยกระดับคุณธรรมและความโปร่งใสภายในหน่วยงาน ของ${p.agency.name_th}`, { style: 'title' }),
      t(`ประจำปีงบประมาณ พ.ศ. ${thaiYear(p.fiscalYear)} ${roundTitle(p.round, p.fiscalYear)}`, {
        style: 'title',
        margin: [0, 0, 0, 10],
      }),
      // Each row on one page, unless it is taller than a page (see `renderPdf`).
      { table: { headerRows: 1, dontBreakRows: true, widths: [120, 120, 150, '*', 150], body }, fontSize: 14 },
    ],
    styles: STYLES,
    info: { title: `รายงานผลการดำเนินการ ${p.agency.name_th} ${p.fiscalYear} รอบ ${p.round} เดือน` },
  } as TDocumentDefinitions);
}

export function orderPdf(o: OrderModel): Promise<Buffer> {
  const c = o.committee;
  const th = (text: string) => show(toThaiDigits(text));
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [72, 56, 56, 56],
    header: thaiPageHeader,
    defaultStyle: { fontSize: 16 },
    content: [
      // The Garuda, 3 cm tall as the official form has it; until the agency uploads it, its space.
      o.emblem
        ? { image: `data:image/png;base64,${o.emblem.toString('base64')}`, height: EMBLEM_HEIGHT_PT, alignment: 'center' }
        : { table: { widths: ['*'], heights: [EMBLEM_HEIGHT_PT], body: [['']] }, layout: 'noBorders' },
      { text: th(`คำสั่ง${o.agency.name_th}`), bold: true, alignment: 'center', fontSize: 17 },
      { text: th(`ที่ ${c.orderNumber}`), alignment: 'center', margin: [0, 2, 0, 2] },
      { text: th(`เรื่อง ${c.subject}`), alignment: 'center', margin: [40, 0, 40, 6] },
      { canvas: [{ type: 'line', x1: 160, y1: 0, x2: 307, y2: 0, lineWidth: 0.8 }], margin: [0, 0, 0, 10] },
      ...c.preamble.map((para) => ({
        text: th(para),
        leadingIndent: 48,
        alignment: 'left' as const,
        margin: [0, 0, 0, 8] as [number, number, number, number],
      })),
      {
        table: {
          dontBreakRows: true,
          widths: ['*', 170],
          body: c.members.map((member, i) => [{ text: th(`${i + 1}. ${member.name}`) }, { text: th(member.role) }]),
        },
        layout: 'noBorders',
        margin: [24, 0, 0, 8],
      },
      { text: th('ให้คณะกรรมการฯ มีอำนาจหน้าที่ดังนี้'), leadingIndent: 48, margin: [0, 0, 0, 4] },
      ...c.duties.map((duty, i) => ({
        text: th(`${i + 1}. ${duty}`),
        leadingIndent: 48,
        alignment: 'left' as const,
        margin: [0, 0, 0, 4] as [number, number, number, number],
      })),
      // The closing, the date and who signs on one page: the signature never stands alone.
      {
        unbreakable: true,
        stack: [
          { text: th(c.closing), leadingIndent: 48, margin: [0, 8, 0, 8] },
          {
            text: th(`สั่ง ณ วันที่ ${officialDate(c.signedDate).replace(/ (?=\S+$)/, ' พ.ศ. ')}`),
            leadingIndent: 96,
            margin: [0, 0, 0, 40],
          },
          { text: th(`(${c.signatoryName})`), alignment: 'center', margin: [180, 0, 0, 0] },
          { text: th(c.signatoryTitle), alignment: 'center', margin: [180, 0, 0, 0] },
        ],
      },
    ],
    info: { title: `คำสั่ง${o.agency.name_th} ที่ ${c.orderNumber}` },
  } as TDocumentDefinitions);
}

/** The clarification form: each disputed OIT item with the assessors' score and suggestion, the agency's clarification and evidence. */
export function clarificationPdf(c: ClarificationModel): Promise<Buffer> {
  const disputed = c.items.filter((i) => i.disputed);
  const body: TableCell[][] = [
    [head('ข้อ'), head('คะแนนเบื้องต้น'), head('ข้อเสนอแนะของผู้ประเมิน'), head('คำชี้แจงของหน่วยงาน'), head('หลักฐาน / URL')],
    ...disputed.map((item) => [
      cell(`${item.code}${item.name ? ` ${item.name}` : ''}`),
      cell(item.preliminary.toFixed(2), { alignment: 'center' }),
      cell(item.suggestion ?? '-'),
      cell(item.clarification),
      {
        stack: item.evidence.length
          ? item.evidence.map((e) => ({ text: breakableUrl(readableUrl(e.url)), fontSize: 12 }))
          : [{ text: show('ไม่มี'), fontSize: 11 }],
      } as TableCell,
    ]),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 48],
    header: thaiPageHeader,
    defaultStyle: { fontSize: 14 },
    content: [
      { text: show('แบบชี้แจงผลการประเมินการเปิดเผยข้อมูลสาธารณะ (OIT)'), bold: true, fontSize: 18, alignment: 'center' },
      {
        text: show(`${c.agency.name_th} ประจำปีงบประมาณ พ.ศ. ${c.fiscalYear}`),
        bold: true,
        fontSize: 17,
        alignment: 'center',
        margin: [0, 0, 0, 8],
      },
      paragraph(
        `${c.agency.name_th} ขอชี้แจงผลการตรวจการเปิดเผยข้อมูลสาธารณะเบื้องต้นจำนวน ${disputed.length} ข้อ ตามรายละเอียดต่อไปนี้ ข้ออื่นหน่วยงานยอมรับผลการตรวจเบื้องต้น`,
      ),
      { table: { headerRows: 1, dontBreakRows: true, widths: [120, 56, 150, '*', 170], body }, fontSize: 14 },
      {
        unbreakable: true,
        stack: [
          { text: show('ลงชื่อ ........................................................ ผู้ชี้แจง'), margin: [360, 36, 0, 4] },
          { text: show('ตำแหน่ง ........................................................'), margin: [360, 0, 0, 4] },
          { text: show('วันที่ ........................................................'), margin: [360, 0, 0, 0] },
        ],
      },
    ],
    info: { title: `แบบชี้แจงผล OIT ${c.agency.name_th} ${c.fiscalYear}` },
  } as TDocumentDefinitions);
}

/** The memo (บันทึกข้อความ) in the official form: heading lines, the body's sections and numbered instructions, who signs. */
export function memoPdf(m: MemoModel): Promise<Buffer> {
  const field = (label: string, text: string) => ({
    text: [{ text: show(`${label} `), bold: true }, { text: show(text) }],
    margin: [0, 0, 0, 4] as [number, number, number, number],
  });
  const signature = (signer: MemoModel['signers'][number]) => ({
    unbreakable: true,
    stack: [signer.name, ...signer.titles].map((line) => ({ text: show(line), alignment: 'center' })),
    margin: [180, 36, 0, 0],
  });
  const body = m.blocks.map((block) =>
    block.kind === 'heading'
      ? { text: show(block.text), bold: true, margin: [0, 6, 0, 2] }
      : block.kind === 'table'
        ? {
            table: { dontBreakRows: true, widths: ['*', 'auto'], body: block.rows.map((row) => row.map((text) => cell(text))) },
            layout: 'noBorders',
            margin: [48, 0, 0, 4],
          }
        : { text: show(block.text), leadingIndent: 48, margin: [0, 2, 0, 4] },
  );
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [72, 48, 56, 56],
    header: thaiPageHeader,
    defaultStyle: { fontSize: 16 },
    content: [
      {
        columns: [
          m.emblem
            ? { image: `data:image/png;base64,${m.emblem.toString('base64')}`, height: 42, width: 42 }
            : { text: '', width: 42 },
          { text: show('บันทึกข้อความ'), bold: true, fontSize: 24, alignment: 'center', margin: [0, 6, 42, 0] },
        ],
        margin: [0, 0, 0, 10],
      },
      field('ส่วนราชการ', m.section),
      { columns: [field('ที่', m.number), field('วันที่', m.date)], margin: [0, 0, 0, 0] },
      field('เรื่อง', m.subject),
      field('เรียน', m.to),
      ...body.slice(0, -1),
      // The last block of text, the closing and those who sign on one page: a signature never stands alone.
      {
        unbreakable: true,
        stack: [
          ...body.slice(-1),
          { text: show(m.closing), leadingIndent: 48, margin: [0, 8, 0, 0] },
          ...m.signers.map(signature),
        ],
      },
    ],
    info: { title: `บันทึกข้อความ ${m.agency.name_th} ITA ${m.fiscalYear}` },
  } as TDocumentDefinitions);
}

/** What each division still owes, one division a page, to hand out at the working group's meeting. */
export function taskSheetPdf(m: TaskSheetModel): Promise<Buffer> {
  const title = (extra: Record<string, unknown> = {}) =>
    t(`งาน ITA ที่ยังค้างส่ง ${m.agency.name_th} ประจำปีงบประมาณ พ.ศ. ${thaiYear(m.fiscalYear)}`, {
      bold: true,
      fontSize: 17,
      ...extra,
    });
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 48, 48, 56],
    header: thaiPageHeader,
    defaultStyle: { fontSize: 16 },
    content: [
      ...m.divisions.flatMap((division, i): Content[] => [
        title(i > 0 ? { pageBreak: 'before' } : {}),
        t(`ข้อมูล ณ วันที่ ${m.asOf}`, { margin: [0, 0, 0, 8] }),
        t(division.nameTh, { bold: true, fontSize: 16, margin: [0, 0, 0, 4] }),
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [24, '*', 120, 124],
            body: [
              [head('ที่'), head('รายการ'), head('กำหนดส่ง'), head('สถานะ')],
              ...division.rows.map((row, k) => [
                cell(toThaiDigits(String(k + 1)), { alignment: 'center' }),
                cell(row.what),
                cell(row.dueOn ?? '-'),
                cell(row.late ? `${row.state} (เลยกำหนด)` : row.state, row.late ? { bold: true } : {}),
              ]),
            ],
          },
        } as Content,
      ]),
      ...(m.divisions.length === 0 ? [title(), t(`ข้อมูล ณ วันที่ ${m.asOf}`, { margin: [0, 0, 0, 8] })] : []),
      ...(m.clear.length ? [t(`${wordingOf(m).unitTerm}ที่ไม่มีงานค้าง: ${m.clear.join(' ')}`, { margin: [0, 12, 0, 0] })] : []),
    ],
    info: { title: `งาน ITA ที่ยังค้างส่ง ${m.agency.name_th} ${m.fiscalYear}` },
  } as TDocumentDefinitions);
}
