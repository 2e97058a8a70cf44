import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { barChart, chartSvg, radarChartOption, shareChart, shareChartHeight, shareChartOption } from './charts.js';
import { SARABUN } from './fonts.js';

const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
const require = createRequire(import.meta.url);
interface Font {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number; bbox: { minY: number; maxY: number } };
}
const fontkit = require('fontkit') as { openSync(path: string): Font };
const font = fontkit.openSync(SARABUN.regular);

interface Box {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Where each text of an ECharts SVG is inked: its advance across, its glyphs' extent up and down (Sarabun). */
function textBoxes(svg: string): Box[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].flatMap(([, attributes, text]) => {
    if (!text!.trim()) return [];
    const attr = (name: string) => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attributes!)?.[1];
    const size = Number(/font-size:\s*([\d.]+)px/.exec(attr('style') ?? '')?.[1] ?? 12);
    const [tx, ty] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(attr('transform') ?? '')?.slice(1) ?? ['0', '0']).map(Number);
    const x = tx! + Number(attr('x') ?? 0);
    const y = ty! + Number(attr('y') ?? 0);
    const run = font.layout(text!);
    const scale = size / font.unitsPerEm;
    const width = run.advanceWidth * scale;
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    // ECharts sets labels on a central baseline: the baseline half the font's height below y (as outlineText draws it).
    const baseline = attr('dominant-baseline') === 'central' ? y + ((1068 - 232) / 2 / 1000) * size : y;
    return [{ text: text!, x0, x1: x0 + width, y0: baseline - run.bbox.maxY * scale, y1: baseline - run.bbox.minY * scale }];
  });
}

/** Pairs of texts whose ink overlaps by more than half a pixel each way. */
function overlaps(svg: string): string[] {
  const boxes = textBoxes(svg);
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) {
        found.push(`${a.text} / ${b.text}`);
      }
    }
  }
  return found;
}

// Bang Khae's FY2566 indicators (seed 001), two of them at 100.
const INDICATORS = [
  '1. การปฏิบัติหน้าที่',
  '2. การใช้งบประมาณ',
  '3. การใช้อำนาจ',
  '4. การใช้ทรัพย์สินของราชการ',
  '5. การแก้ไขปัญหาการทุจริต',
  '6. คุณภาพการดำเนินงาน',
  '7. ประสิทธิภาพการสื่อสาร',
  '8. การปรับปรุงระบบการทำงาน',
  '9. การเปิดเผยข้อมูล',
  '10. การป้องกันการทุจริต',
];
const SCORES = [89.67, 84.18, 89.06, 90.88, 85.93, 97.24, 95.3, 91.66, 100, 100];
// EIT respondents by occupation (chart 10) and a breakdown of long labels (chart 12).
const OCCUPATIONS = [
  'เจ้าหน้าที่ของรัฐ/ข้าราชการ/พนักงานราชการ/พนักงานรัฐวิสาหกิจ',
  'พนักงานบริษัทเอกชน',
  'ประกอบธุรกิจส่วนตัว',
  'เกษตรกร',
  'อาชีพอิสระ',
  'รับจ้างทั่วไป',
  'อื่น ๆ (โปรดระบุ)',
];
const PURPOSES = [
  'ติดต่อขอรับบริการ/ขอรับอนุญาต/ขอรับเอกสารทางราชการ/ชำระภาษี/ค่าธรรมเนียม',
  'ติดต่อเพื่อร้องเรียน/แจ้งเบาะแส/ขอความช่วยเหลือ',
  'ติดต่อประสานงานระหว่างหน่วยงานของรัฐหรือเอกชน',
  'อื่น ๆ',
];

describe('chart labels', () => {
  it('the radar chart prints its values (100.00 at the rim included) clear of the indicators’ names', () => {
    const svg = chartSvg(radarChartOption(INDICATORS, SCORES), 640, 520);
    expect(textBoxes(svg).length).toBeGreaterThan(INDICATORS.length + SCORES.length);
    writeFileSync(`${OUTPUT}chart-radar.svg`, svg);
    expect(overlaps(svg)).toEqual([]);
  });

  it.each([
    ['occupations', OCCUPATIONS],
    ['purposes', PURPOSES],
  ])('a respondent chart (%s) gives each wrapped label room of its own', (name, labels) => {
    const values = labels.map((_, i) => 10 + i * 7.5);
    const svg = chartSvg(shareChartOption(labels, values), 560, shareChartHeight(labels));
    expect(overlaps(svg)).toEqual([]);
    writeFileSync(`${OUTPUT}chart-share-${name}.png`, shareChart(labels, values));
  });

  it('keeps the PNGs to look at', () => {
    writeFileSync(`${OUTPUT}chart-bars.png`, barChart(INDICATORS, SCORES, 85));
  });
});
