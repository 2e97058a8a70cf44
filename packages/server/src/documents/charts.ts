import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { wrapLabel } from './thai-text.js';
import { SARABUN } from './fonts.js';

const require = createRequire(import.meta.url);
interface Glyph {
  path: { toSVG(): string };
}
interface Font {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string): {
    advanceWidth: number;
    glyphs: Glyph[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}
const fontkit = require('fontkit') as { openSync(path: string): Font };
const font = fontkit.openSync(SARABUN.regular);
const boldFont = fontkit.openSync(SARABUN.bold);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * Replaces every <text> of an SVG with outlines shaped by fontkit, which places Thai marks the
 * way the font says; resvg's own text layout misplaces them above ำ and stacked marks.
 */
export function outlineText(svg: string): string {
  return svg.replace(/<text ([^>]*)>([^<]*)<\/text>/g, (_all, attributes: string, raw: string) => {
    const text = raw.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
    if (text.trim() === '') return '';
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1];
    const style = attr('style') ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const face = /font-weight:\s*(bold|[6-9]00)/.test(style) ? boldFont : font;
    const scale = size / face.unitsPerEm;
    const run = face.layout(text);
    const width = run.advanceWidth * scale;
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
    const baseline = attr('dominant-baseline') ?? 'alphabetic';
    const y0 =
      baseline === 'central' || baseline === 'middle'
        ? ((face.ascent + face.descent) / 2) * scale
        : baseline === 'hanging' || baseline === 'text-before-edge'
          ? face.ascent * scale
          : baseline === 'ideographic' || baseline === 'text-after-edge'
            ? face.descent * scale
            : 0;
    let pen = 0;
    const paths = run.glyphs.map((glyph, i) => {
      const position = run.positions[i]!;
      const x = x0 + (pen + position.xOffset) * scale;
      const y = y0 - position.yOffset * scale;
      pen += position.xAdvance;
      return `<path d="${glyph.path.toSVG()}" transform="translate(${x.toFixed(2)} ${y.toFixed(2)}) scale(${scale} ${-scale})"/>`;
    });
    const transform = attr('transform');
    const x = attr('x');
    const y = attr('y');
    const place = [transform, x !== undefined || y !== undefined ? `translate(${x ?? 0} ${y ?? 0})` : undefined]
      .filter(Boolean)
      .join(' ');
    return `<g${place ? ` transform="${place}"` : ''} fill="${attr('fill') ?? '#000'}"${attr('fill-opacity') ? ` fill-opacity="${attr('fill-opacity')}"` : ''}>${paths.join('')}</g>`;
  });
}

// Without a browser ECharts guesses text widths; measure them with the real font instead.
echarts.setPlatformAPI({
  measureText(text: string, fontSpec?: string) {
    const size = Number(/(?<![\d.])(\d+(?:\.\d+)?)px/.exec(fontSpec ?? '')?.[1] ?? 12);
    return { width: (font.layout(text).advanceWidth / font.unitsPerEm) * size };
  },
});

/** An ECharts option as SVG, its text still text. */
export function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'Sarabun', fontSize: 13, color: '#222' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Renders an ECharts option to PNG at 2× for print, with Sarabun as the only font. */
export function chartPng(option: echarts.EChartsCoreOption, width: number, height: number): Buffer {
  const svg = outlineText(chartSvg(option, width, height));
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { fontFiles: [SARABUN.regular, SARABUN.bold], loadSystemFonts: false, defaultFontFamily: 'Sarabun' },
    background: 'white',
  })
    .render()
    .asPng();
  return Buffer.from(png);
}

/**
 * The radar chart: a smaller ring, the indicators' names 26 px outside it and each value printed
 * under its point, so a value at the rim (100.00) never runs into a name (chart-layout.test.ts
 * measures the labels' ink).
 */
export const radarChartOption = (labels: string[], values: number[]) => ({
  radar: {
    radius: '52%',
    center: ['50%', '53%'],
    indicator: labels.map((name) => ({ name: wrapLabel(name), min: 0, max: 100 })),
    axisName: { color: '#222', fontSize: 13, lineHeight: 17 },
    axisNameGap: 26,
    splitNumber: 4,
  },
  series: [
    {
      type: 'radar',
      data: [
        {
          value: values,
          areaStyle: { opacity: 0.25 },
          itemStyle: { color: '#0b7a5a' },
          label: {
            show: true,
            formatter: (p: { value: number }) => p.value.toFixed(2),
            position: 'bottom',
            fontSize: 11,
            textBorderColor: 'transparent',
          },
        },
      ],
    },
  ],
});

export function radarChart(labels: string[], values: number[]): Buffer {
  return chartPng(radarChartOption(labels, values), 640, 520);
}

export function barChart(labels: string[], values: number[], threshold: number): Buffer {
  return chartPng(
    {
      grid: { left: 10, right: 50, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: labels, axisLabel: { fontSize: 13 } },
      series: [
        {
          type: 'bar',
          data: values.map((v) => ({ value: v, itemStyle: { color: v < threshold ? '#e8590c' : '#0b7a5a' } })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => p.value.toFixed(2),
            textBorderColor: 'transparent',
          },
        },
      ],
    },
    640,
    Math.max(200, labels.length * 34 + 40),
  );
}

/**
 * The option of a respondent breakdown's bar chart: each group's percent, as its table prints it;
 * a hidden group (under 5 respondents) keeps its label and has no bar.
 */
export function shareChartOption(labels: string[], values: (number | null)[]) {
  return {
    grid: { left: 10, right: 60, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: 13 } },
    // Each group's band is as tall as its label's lines (see shareChartHeight): a long label never runs into the next.
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels.map((l) => wrapLabel(l, 28)),
      axisLabel: { fontSize: 14, lineHeight: SHARE_LINE },
    },
    series: [
      {
        type: 'bar',
        data: values.map((v) => (v === null ? '-' : { value: v, itemStyle: { color: '#1c6e9c' } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${p.value.toFixed(2)}%`,
          fontSize: 14,
          textBorderColor: 'transparent',
        },
      },
    ],
  };
}

const SHARE_LINE = 18;

/** The chart's height: every group's band holds its label's lines, the longest label's at least. */
export const shareChartHeight = (labels: string[]) => {
  const lines = Math.max(1, ...labels.map((l) => wrapLabel(l, 28).split('\n').length));
  return Math.max(140, labels.length * Math.max(36, lines * SHARE_LINE + 14) + 50);
};

export function shareChart(labels: string[], values: (number | null)[]): Buffer {
  return chartPng(shareChartOption(labels, values), 560, shareChartHeight(labels));
}
