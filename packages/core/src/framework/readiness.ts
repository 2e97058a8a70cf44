import type { CompiledFramework, CompiledTool, OitUnit, QuestionUnit } from './compile.js';

/** What a set is used for, each needing its own parts of the set. */
export type FrameworkFeature = 'scoring' | 'results-import' | 'oit' | 'surveys' | 'documents' | 'memo';

export const FRAMEWORK_FEATURES: readonly FrameworkFeature[] = [
  'scoring',
  'results-import',
  'oit',
  'surveys',
  'documents',
  'memo',
];

/** One missing (or unconfirmed) part: which codes, and what is missing in Thai and English. */
export interface MissingPart {
  /** The codes or parts concerned, runs compressed: `O1, O2, O4–O18`, `I1–I12`, `indicators 1–8`, `OIT`. */
  part: string;
  th: string;
  en: string;
}

export interface FeatureReadiness {
  feature: FrameworkFeature;
  ready: boolean;
  missing: MissingPart[];
  /** A set is data: a central admin loads its revision (a new id) or confirms it. */
  fixedBy: 'central-admin';
}

const RANGE = '–';

/**
 * The codes as the seeds print them: runs of three or more neighbours (in `order`, with the same letters)
 * as a range, others listed: `O1, O2, O4–O18, O20–O22`.
 */
export function compressCodes(codes: readonly string[], order: readonly string[]): string {
  const wanted = new Set(codes);
  // The letters before the number: I, E, O, MOIT (codes are short; no expression needed).
  const prefix = (code: string) => {
    let end = code.length;
    while (end > 0 && code[end - 1]! >= '0' && code[end - 1]! <= '9') end--;
    return code.slice(0, end);
  };
  const runs: string[][] = [];
  let run: string[] = [];
  for (const code of order) {
    const last = run.at(-1);
    if (wanted.has(code) && (last === undefined || prefix(last) === prefix(code))) {
      run.push(code);
      continue;
    }
    if (run.length) runs.push(run);
    run = wanted.has(code) ? [code] : [];
  }
  if (run.length) runs.push(run);
  const listed = new Set(runs.flat());
  const rest = codes.filter((c) => !listed.has(c));
  return [...runs.map((r) => (r.length >= 3 ? [`${r[0]}${RANGE}${r.at(-1)}`] : r)).flat(), ...rest].join(', ');
}

/** Indicator numbers compressed the same way: `1–8`, `9, 10`. */
function compressNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  return compressCodes(
    sorted.map(String),
    Array.from({ length: (sorted.at(-1) ?? 0) + 1 }, (_, i) => String(i)),
  );
}

/**
 * How ready a set is for each feature: ready, or exactly which parts are missing or only inferred, in Thai
 * and English, and who can fix it. Pure; the editor and every page that uses a year show it.
 *
 * @example
 * frameworkReadiness(fy2567).find((r) => r.feature === 'oit')?.missing[0]?.th; // 'O1, O2, O4–O18, O20–O22: ไม่มีชื่อข้อ'
 */
export function frameworkReadiness(framework: CompiledFramework): FeatureReadiness[] {
  const unitOrder = [...framework.units.keys()];
  const codes = (units: readonly { code: string }[]) =>
    compressCodes(
      units.map((u) => u.code),
      unitOrder,
    );
  const surveyTools = framework.tools.filter((t) => t.data.kind === 'survey');
  const disclosureTools = framework.tools.filter((t) => t.data.kind === 'disclosure');
  const questionsOf = (tool: CompiledTool) =>
    tool.indicators.flatMap((i) => i.units).filter((u): u is QuestionUnit => u.kind === 'question');
  const oitItems = disclosureTools
    .flatMap((t) => t.indicators.flatMap((i) => i.units))
    .filter((u): u is OitUnit => u.kind === 'oit');

  const emptyIndicators = (tools: readonly CompiledTool[]): MissingPart[] => {
    const numbers = tools
      .flatMap((t) => t.indicators)
      .filter((i) => i.units.length === 0)
      .map((i) => i.number);
    if (!numbers.length) return [];
    const r = compressNumbers(numbers);
    return [{ part: `indicators ${r}`, th: `ตัวชี้วัด ${r}: ไม่มีข้อคำถาม`, en: `Indicators ${r}: no questions` }];
  };
  const withoutItems = (tool: CompiledTool, importing = false): MissingPart[] => {
    const units = questionsOf(tool).filter((u) => !u.items?.length);
    if (!units.length) return [];
    const r = codes(units);
    return importing
      ? [
          {
            part: r,
            th: `${r}: ไม่มีข้อย่อยและมาตรวัด นำเข้าได้เฉพาะคะแนนรายข้อคำถาม ไม่ใช่สัดส่วนคำตอบรายข้อย่อย`,
            en: `${r}: no items or answer scales; only question scores can be imported, not the answer shares of items`,
          },
        ]
      : [{ part: r, th: `${r}: ไม่มีข้อย่อยและมาตรวัด`, en: `${r}: no items or answer scales` }];
  };
  const shortLabels = (tool: CompiledTool): MissingPart[] => {
    const units = questionsOf(tool).filter((u) => u.data.textStatus === 'short-label');
    if (!units.length) return [];
    const r = codes(units);
    return [
      {
        part: r,
        th: `${r}: มีเพียงข้อความย่อของคำถาม ไม่ใช่ถ้อยคำเต็ม`,
        en: `${r}: only a short label, not the full wording of the question`,
      },
    ];
  };
  const unnamed = (): MissingPart[] => {
    const units = oitItems.filter((u) => u.data.name === null);
    if (!units.length) return [];
    const r = codes(units);
    return [{ part: r, th: `${r}: ไม่มีชื่อข้อ`, en: `${r}: no item names` }];
  };
  const inferredWeights = (): MissingPart[] => {
    const tools = framework.tools.filter((t) => t.data.weightStatus === 'inferred');
    if (!tools.length) return [];
    const r = tools.map((t) => t.code).join(', ');
    const weights = tools.map((t) => `${t.code} ${t.data.weight}`).join(', ');
    return [
      {
        part: r,
        th: `น้ำหนักเครื่องมือ (${weights}) เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน`,
        en: `Tool weights (${weights}) are inferred, not confirmed`,
      },
    ];
  };
  const inferredAggregation = (): MissingPart[] => {
    const parts: MissingPart[] = [];
    for (const tool of framework.tools) {
      const a = tool.data.aggregation;
      if (a?.status !== 'inferred') continue;
      if (a.method === 'indicator-weights') {
        const numbers = Object.keys(a.weights);
        const ratio = numbers.map((n) => a.weights[n]).join(' : ');
        parts.push({
          part: tool.code,
          th: `${tool.code}: น้ำหนักตัวชี้วัด ${numbers.join(' : ')} = ${ratio} เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน`,
          en: `${tool.code}: indicator weights ${numbers.join(' : ')} = ${ratio} are inferred, not confirmed`,
        });
      } else {
        parts.push({
          part: tool.code,
          th: `${tool.code}: การเฉลี่ยคะแนนทุกข้อของเครื่องมือเป็นการอนุมาน ยังไม่ได้ยืนยัน`,
          en: `${tool.code}: averaging all its questions is inferred, not confirmed`,
        });
      }
    }
    for (const indicator of framework.indicators.values()) {
      const a = indicator.data.aggregation;
      if (a?.method !== 'sub-indicator-weights' || a.status !== 'inferred') continue;
      parts.push({
        part: `indicator ${indicator.number}`,
        th: `ตัวชี้วัด ${indicator.number}: น้ำหนักตัวชี้วัดย่อยเป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน`,
        en: `Indicator ${indicator.number}: sub-indicator weights are inferred, not confirmed`,
      });
    }
    const placed = oitItems.filter((u) => u.data.indicatorStatus === 'inferred');
    if (placed.length) {
      const r = codes(placed);
      parts.push({
        part: r,
        th: `${r}: การจัดข้อเข้าตัวชี้วัดเป็นการอนุมาน ยังไม่ได้ยืนยัน`,
        en: `${r}: which indicator each item belongs to is inferred, not confirmed`,
      });
    }
    return parts;
  };
  const noDisclosure = (): MissingPart[] =>
    oitItems.length ? [] : [{ part: 'OIT', th: 'OIT: ไม่มีรายการข้อ', en: 'OIT: no items' }];

  const byFeature: Record<FrameworkFeature, MissingPart[]> = {
    scoring: [...emptyIndicators(framework.tools), ...inferredWeights(), ...inferredAggregation()],
    'results-import': [...emptyIndicators(framework.tools), ...surveyTools.flatMap((t) => withoutItems(t, true))],
    oit: [...noDisclosure(), ...unnamed()],
    surveys: [...emptyIndicators(surveyTools), ...surveyTools.flatMap((t) => [...withoutItems(t), ...shortLabels(t)])],
    documents: [
      ...emptyIndicators(framework.tools),
      ...surveyTools.flatMap((t) => [...withoutItems(t), ...shortLabels(t)]),
      ...unnamed(),
    ],
    memo: inferredWeights(),
  };
  return FRAMEWORK_FEATURES.map((feature) => ({
    feature,
    ready: byFeature[feature].length === 0,
    missing: byFeature[feature],
    fixedBy: 'central-admin' as const,
  }));
}
