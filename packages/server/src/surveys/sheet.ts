import QRCode from 'qrcode';
import type { Agency, Division, SurveyRound } from '../db/schema.js';
import { escapeHtml } from '../oit/pages.js';

/** The respondents' link of a round, for a division when given (EIT: one per service counter). */
export const respondentLink = (base: string, round: SurveyRound, division?: Division) =>
  `${base}/s/${round.code}${division ? `?d=${division.id}` : ''}`;

export const qrSvg = (link: string) => QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

/** A printable A4 sheet per division: the QR code and the short link, to put at each service counter. */
export async function printableSheets(base: string, agency: Agency, round: SurveyRound, divisions: Division[]): Promise<string> {
  const title = round.tool === 'IIT' ? 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)' : 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)';
  const targets: (Division | undefined)[] = round.tool === 'EIT' ? divisions : [undefined];
  const pages = await Promise.all(
    targets.map(async (division) => {
      const link = respondentLink(base, round, division);
      return `<section class="sheet">
<h1>${escapeHtml(agency.name_th)}</h1>
${division ? `<h2>${escapeHtml(division.name_th)}</h2>` : ''}
<p class="lead">ขอเชิญตอบ${escapeHtml(title)} ประจำปีงบประมาณ พ.ศ. ${round.fiscal_year}</p>
<div class="qr">${await qrSvg(link)}</div>
<p class="link">${escapeHtml(link)}</p>
<p>สแกน QR Code ด้วยกล้องโทรศัพท์ ไม่ต้องลงชื่อเข้าใช้ ไม่เก็บข้อมูลที่ระบุตัวท่าน</p>
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>QR Code แบบสอบถาม – ${escapeHtml(agency.name_th)}</title>
<link rel="stylesheet" href="/s/sheet.css">
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}

export const SHEET_STYLE = `
@page { size: A4; margin: 20mm; }
body { font-family: Sarabun, "TH Sarabun New", sans-serif; margin: 0; color: #000; }
.sheet { page-break-after: always; text-align: center; padding: 10mm 0; }
.sheet:last-child { page-break-after: auto; }
h1 { font-size: 28pt; margin: 0 0 4mm; }
h2 { font-size: 24pt; margin: 0 0 6mm; }
.lead { font-size: 18pt; }
.qr svg { width: 110mm; height: 110mm; }
.link { font-size: 16pt; font-family: monospace; word-break: break-all; }
`;
