import { formatThaiDate } from '@prongsai/core';
import { todayInBangkok } from '../db/database.js';
import type { Agency } from '../db/schema.js';
import type { OitSnapshot } from './service.js';

// The agency's public transparency pages: plain HTML, small, readable on a phone, no script.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Bangkok's calendar day of an instant, in Thai with the Buddhist year. */
export function thaiDay(iso: string): string {
  const [year, month, day] = todayInBangkok(Date.parse(iso)).split('-').map(Number);
  return formatThaiDate({ year: year!, month: month!, day: day! });
}

const size = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const kindOf = (mime: string) =>
  mime === 'application/pdf'
    ? 'PDF'
    : mime.startsWith('image/')
      ? 'ภาพ'
      : mime.includes('wordprocessing')
        ? 'Word'
        : mime.includes('spreadsheet')
          ? 'Excel'
          : 'ไฟล์';

export const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Sarabun, "TH Sarabun New", Tahoma, sans-serif; font-size: 1.0625rem; line-height: 1.6; color: #1a1a1a; background: #fff; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 0.5rem; top: 0.5rem; background: #fff; padding: 0.5rem; }
header { background: #0b3d2e; color: #fff; padding: 1rem; }
header p { margin: 0; }
header a { color: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0.25rem 0; line-height: 1.3; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; border-bottom: 2px solid #0b3d2e; }
h3 { font-size: 1.0625rem; margin: 0; }
a { color: #0a4f9e; overflow-wrap: anywhere; }
a:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
ul.items { list-style: none; padding: 0; margin: 0; }
ul.items > li { border: 1px solid #c9d3cf; border-radius: 6px; padding: 0.75rem; margin: 0.5rem 0; }
.code { font-weight: 700; color: #0b3d2e; margin-right: 0.25rem; }
.meta { color: #4a4a4a; font-size: 0.95rem; }
.requirement { background: #f3f6f5; padding: 0.5rem 0.75rem; border-left: 4px solid #0b3d2e; }
footer { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #4a4a4a; font-size: 0.9rem; }
`;

function layout(title: string, agency: Agency, body: string): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/t/style.css">
</head>
<body>
<a class="skip" href="#content">ข้ามไปยังเนื้อหา</a>
<header><p><a href="/t/${escapeHtml(agency.slug)}">${escapeHtml(agency.name_th)}</a></p></header>
<main id="content">
${body}
</main>
<footer><p>ข้อมูลที่หน่วยงานเผยแพร่ตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ของการประเมินคุณธรรมและความโปร่งใส (ITA)</p></footer>
</body>
</html>
`;
}

export const itemPath = (agency: Agency, year: number, code: string) => `/t/${agency.slug}/${year}/${code}`;
export const filePath = (agency: Agency, year: number, code: string, id: number, fileName: string) =>
  `${itemPath(agency, year, code)}/files/${id}/${encodeURIComponent(fileName)}`;

type Item = OitSnapshot['items'][number];

function evidenceList(agency: Agency, year: number, item: Item): string {
  const documents = item.documents.map(
    (d) =>
      `<li><a href="${filePath(agency, year, item.code, d.id, d.fileName)}">${escapeHtml(d.title || d.fileName)}</a> <span class="meta">(${kindOf(d.mime)}, ${size(d.bytes)})</span>${d.note ? `<br><span class="meta">${escapeHtml(d.note)}</span>` : ''}</li>`,
  );
  const links = item.links.map(
    (l) =>
      `<li><a href="${escapeHtml(l.url)}" rel="noopener">${escapeHtml(l.title)}</a>${l.note ? `<br><span class="meta">${escapeHtml(l.note)}</span>` : ''}</li>`,
  );
  return documents.length + links.length ? `<ul>${[...documents, ...links].join('')}</ul>` : '<p>ไม่มีเอกสาร</p>';
}

const itemName = (item: Item) => item.name ?? 'รายการตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ';

/** The year's page: every approved item under its indicator, with its documents and links. */
export function yearPage(agency: Agency, year: number, snapshot: OitSnapshot & { publishedAt: string }): string {
  const indicators = [...new Set(snapshot.items.map((i) => i.indicator))];
  const sections = indicators
    .map((indicator) => {
      const items = snapshot.items.filter((i) => i.indicator === indicator);
      return `<section aria-labelledby="indicator-${indicator}">
<h2 id="indicator-${indicator}">ตัวชี้วัดที่ ${indicator}</h2>
<ul class="items">
${items
  .map(
    (
      item,
    ) => `<li><h3><a href="${itemPath(agency, year, item.code)}"><span class="code">${escapeHtml(item.code)}</span> ${escapeHtml(itemName(item))}</a></h3>
${evidenceList(agency, year, item)}</li>`,
  )
  .join('\n')}
</ul>
</section>`;
    })
    .join('\n');
  return layout(
    `การเปิดเผยข้อมูลสาธารณะ ปีงบประมาณ พ.ศ. ${year} – ${agency.name_th}`,
    agency,
    `<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. ${year}</h1>
<p class="meta">เผยแพร่เมื่อ ${thaiDay(snapshot.publishedAt)} · ${snapshot.items.length} รายการ</p>
${sections}`,
  );
}

/** One item's page: the URL the agency types into ITAS for it. */
export function itemPage(agency: Agency, year: number, item: Item, publishedAt: string): string {
  return layout(
    `${item.code} ${itemName(item)} – ${agency.name_th}`,
    agency,
    `<p class="meta"><a href="/t/${escapeHtml(agency.slug)}/${year}">การเปิดเผยข้อมูลสาธารณะ ปีงบประมาณ พ.ศ. ${year}</a></p>
<h1><span class="code">${escapeHtml(item.code)}</span> ${escapeHtml(itemName(item))}</h1>
<p class="meta">ตัวชี้วัดที่ ${item.indicator}${item.subIndicator ? ` · ตัวชี้วัดย่อยที่ ${escapeHtml(item.subIndicator)}` : ''} · เผยแพร่เมื่อ ${thaiDay(publishedAt)}</p>
${item.requirement ? `<p class="requirement">${escapeHtml(item.requirement)}</p>` : ''}
<h2>เอกสารและลิงก์</h2>
${evidenceList(agency, year, item)}`,
  );
}

/** What an agency has published as open data: a measures plan, results or an approved progress round. */
export interface OpenDataPublication {
  kind: 'plan' | 'results' | 'round';
  year: number;
  round: number | null;
  publishedAt: string;
}

const OPEN_DATA_FILES: Record<OpenDataPublication['kind'], { title: string; files: (p: OpenDataPublication) => string[] }> = {
  plan: { title: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส', files: () => ['measures'] },
  results: { title: 'ผลการประเมินและการวิเคราะห์', files: () => ['results', 'analysis'] },
  round: { title: 'ผลการดำเนินงานตามมาตรการ', files: (p) => [`progress-${p.round}`] },
};

/** The agency's index: the years of OIT it has published, and its published measures, results and progress as open data. */
export function agencyPage(
  agency: Agency,
  years: { year: number; publishedAt: string; items: number }[],
  openData: OpenDataPublication[] = [],
): string {
  const slug = escapeHtml(agency.slug);
  const link = (p: OpenDataPublication, file: string) =>
    ['csv', 'json']
      .map((format) => `<a href="/api/open-data/${slug}/${p.year}/${file}.${format}">${format.toUpperCase()}</a>`)
      .join(' · ');
  const openDataList = [...openData]
    .sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind) || (a.round ?? 0) - (b.round ?? 0))
    .map(
      (p) =>
        `<li>${OPEN_DATA_FILES[p.kind].title} ปีงบประมาณ พ.ศ. ${p.year}${p.round ? ` รอบ ${p.round} เดือน` : ''}: ${OPEN_DATA_FILES[
          p.kind
        ]
          .files(p)
          .map((file) => link(p, file))
          .join(' · ')} <span class="meta">(เผยแพร่เมื่อ ${thaiDay(p.publishedAt)})</span></li>`,
    );
  return layout(
    `การเปิดเผยข้อมูลสาธารณะ – ${agency.name_th}`,
    agency,
    `<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ของ${escapeHtml(agency.name_th)}</h1>
${
  years.length
    ? `<ul>${years.map((y) => `<li><a href="/t/${slug}/${y.year}">ปีงบประมาณ พ.ศ. ${y.year}</a> <span class="meta">(${y.items} รายการ เผยแพร่เมื่อ ${thaiDay(y.publishedAt)})</span></li>`).join('')}</ul>`
    : '<p>หน่วยงานยังไม่ได้เผยแพร่ข้อมูล OIT</p>'
}
<h2>มาตรการ ผลการประเมิน และผลการดำเนินงาน (ข้อมูลเปิด)</h2>
${openDataList.length ? `<ul class="open-data">${openDataList.join('')}</ul>` : '<p>หน่วยงานยังไม่ได้เผยแพร่ข้อมูลเปิด</p>'}`,
  );
}

export function notPublishedPage(agency: Agency, year: number): string {
  return layout(
    `ยังไม่เผยแพร่ – ${agency.name_th}`,
    agency,
    `<h1>ไม่พบข้อมูลที่เผยแพร่</h1><p>${escapeHtml(agency.name_th)} ยังไม่ได้เผยแพร่ข้อมูลนี้ของปีงบประมาณ พ.ศ. ${year}</p>`,
  );
}

export { escapeHtml };
