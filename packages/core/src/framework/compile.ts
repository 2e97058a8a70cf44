import {
  frameworkSchema,
  type FrameworkData,
  type IndicatorData,
  type ItemData,
  type Localized,
  type OitItemData,
  type QuestionData,
  type ScaleData,
  type ToolData,
} from './schema.js';

/** One problem in a framework file: where it is and what is wrong. */
export interface FrameworkProblem {
  source: string;
  /** Path inside the file, e.g. `questions[3].indicator`. */
  path: string;
  message: string;
}

export interface CompiledItem {
  /** `I1.2`: question code, dot, item number. */
  key: string;
  questionCode: string;
  no: number;
  text: Localized;
  scaleId: string;
  scale: ScaleData;
  polarity: ItemData['polarity'];
  /** Points for each option in option order, polarity already applied. */
  points: readonly number[];
}

interface UnitBase {
  code: string;
  indicator: number;
  tool: string;
  subIndicator: string | undefined;
}
export interface QuestionUnit extends UnitBase {
  kind: 'question';
  data: QuestionData;
  /** `null` where the framework does not know the items. */
  items: CompiledItem[] | null;
}
export interface OitUnit extends UnitBase {
  kind: 'oit';
  data: OitItemData;
}
/** What an indicator averages: a survey question or an OIT item. */
export type Unit = QuestionUnit | OitUnit;

export interface CompiledIndicator {
  number: number;
  tool: string;
  data: IndicatorData;
  units: Unit[];
}

export interface CompiledTool {
  code: string;
  data: ToolData;
  indicators: CompiledIndicator[];
  /** Indicator number → weight, for tools that weight indicators explicitly. */
  indicatorWeights: ReadonlyMap<number, number> | null;
}

export interface CompiledFramework {
  id: string;
  data: FrameworkData;
  tools: CompiledTool[];
  indicators: ReadonlyMap<number, CompiledIndicator>;
  units: ReadonlyMap<string, Unit>;
  items: ReadonlyMap<string, CompiledItem>;
}

export type FrameworkResult = { ok: true; framework: CompiledFramework } | { ok: false; problems: FrameworkProblem[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Validates framework data (parsed JSON) and builds the lookup structure scoring uses.
 * Every problem found is returned, each with the file, the path inside it and the problem.
 *
 * @example
 * const result = compileFramework(JSON.parse(text), 'frameworks/bma-district-2566.json');
 * if (!result.ok) console.error(result.problems.map((p) => `${p.source}: ${p.path}: ${p.message}`));
 */
export function compileFramework(input: unknown, source: string): FrameworkResult {
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        source,
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
  const data = parsed.data;
  const problems: FrameworkProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ source, path, message });

  const tools = new Map<string, CompiledTool>();
  data.tools.forEach((tool, i) => {
    if (tools.has(tool.code)) problem(`tools[${i}].code`, `tool ${tool.code} is defined twice`);
    tools.set(tool.code, { code: tool.code, data: tool, indicators: [], indicatorWeights: null });
  });
  const weightSum = data.tools.reduce((sum, t) => sum + t.weight, 0);
  if (Math.abs(weightSum - 100) > 1e-9) problem('tools', `tool weights add up to ${weightSum}, not 100`);

  const indicators = new Map<number, CompiledIndicator>();
  data.indicators.forEach((indicator, i) => {
    const tool = tools.get(indicator.tool);
    if (indicators.has(indicator.number)) {
      problem(`indicators[${i}].number`, `indicator ${indicator.number} is defined twice`);
      return;
    }
    if (!tool) {
      problem(`indicators[${i}].tool`, `tool ${indicator.tool} is not defined`);
      return;
    }
    const compiled: CompiledIndicator = { number: indicator.number, tool: tool.code, data: indicator, units: [] };
    indicators.set(indicator.number, compiled);
    tool.indicators.push(compiled);
    const subCodes = new Set((indicator.subIndicators ?? []).map((s) => s.code));
    if (indicator.aggregation?.method === 'sub-indicator-weights') {
      for (const key of Object.keys(indicator.aggregation.weights)) {
        if (!subCodes.has(key)) {
          problem(`indicators[${i}].aggregation.weights.${key}`, `sub-indicator ${key} is not defined`);
        }
      }
      for (const sub of subCodes) {
        if (!(sub in indicator.aggregation.weights)) {
          problem(`indicators[${i}].aggregation.weights`, `sub-indicator ${sub} has no weight`);
        }
      }
    }
  });

  data.tools.forEach((toolData, i) => {
    const tool = tools.get(toolData.code);
    if (!tool) return;
    if (tool.indicators.length === 0) problem(`tools[${i}]`, `tool ${tool.code} has no indicators`);
    if (toolData.aggregation?.method === 'indicator-weights') {
      const weights = new Map<number, number>();
      for (const [key, weight] of Object.entries(toolData.aggregation.weights)) {
        const number = Number(key);
        const indicator = indicators.get(number);
        if (!indicator || indicator.tool !== tool.code) {
          problem(`tools[${i}].aggregation.weights.${key}`, `indicator ${key} is not an indicator of ${tool.code}`);
        } else {
          weights.set(number, weight);
        }
      }
      for (const indicator of tool.indicators) {
        if (!weights.has(indicator.number)) {
          problem(`tools[${i}].aggregation.weights`, `indicator ${indicator.number} has no weight`);
        }
      }
      tool.indicatorWeights = weights;
    }
  });

  const units = new Map<string, Unit>();
  const items = new Map<string, CompiledItem>();
  const placeUnit = (unit: Unit, path: string, kind: 'survey' | 'disclosure') => {
    if (units.has(unit.code)) {
      problem(`${path}.code`, `code ${unit.code} is used twice`);
      return false;
    }
    const indicator = indicators.get(unit.indicator);
    if (!indicator) {
      problem(`${path}.indicator`, `indicator ${unit.indicator} is not defined`);
      return false;
    }
    const tool = tools.get(indicator.tool);
    if (tool?.data.kind !== kind) {
      problem(`${path}.indicator`, `indicator ${unit.indicator} belongs to ${indicator.tool}, which is not a ${kind} tool`);
      return false;
    }
    if (unit.subIndicator !== undefined && !(indicator.data.subIndicators ?? []).some((s) => s.code === unit.subIndicator)) {
      problem(`${path}.subIndicator`, `sub-indicator ${unit.subIndicator} is not defined in indicator ${unit.indicator}`);
      return false;
    }
    unit.tool = indicator.tool;
    units.set(unit.code, unit);
    indicator.units.push(unit);
    return true;
  };

  data.questions.forEach((question, qi) => {
    const path = `questions[${qi}]`;
    let compiledItems: CompiledItem[] | null = null;
    if (question.items) {
      compiledItems = [];
      question.items.forEach((item, ii) => {
        const scale = data.scales[item.scale];
        if (item.no !== ii + 1) problem(`${path}.items[${ii}].no`, `items must be numbered 1, 2, 3… in order`);
        if (!scale) {
          problem(`${path}.items[${ii}].scale`, `scale ${item.scale} is not defined in scales`);
          return;
        }
        const points = item.polarity === 'positive' ? [...scale.scores] : [...scale.scores].reverse();
        compiledItems?.push({
          key: `${question.code}.${item.no}`,
          questionCode: question.code,
          no: item.no,
          text: item.text,
          scaleId: item.scale,
          scale,
          polarity: item.polarity,
          points,
        });
      });
    }
    const unit: QuestionUnit = {
      kind: 'question',
      code: question.code,
      indicator: question.indicator,
      tool: '',
      subIndicator: undefined,
      data: question,
      items: compiledItems,
    };
    if (placeUnit(unit, path, 'survey')) {
      for (const item of compiledItems ?? []) items.set(item.key, item);
    }
  });
  data.oitItems.forEach((oit, i) => {
    placeUnit(
      { kind: 'oit', code: oit.code, indicator: oit.indicator, tool: '', subIndicator: oit.subIndicator, data: oit },
      `oitItems[${i}]`,
      'disclosure',
    );
  });
  // A provisional set (transcribed, not yet confirmed) may name an indicator whose questions no source gives;
  // its readiness says so and no district assesses with it.
  const provisional = !Array.isArray(data.provenance) && data.provenance?.provisional === true;
  for (const indicator of indicators.values()) {
    if (indicator.units.length === 0 && !provisional) {
      problem(
        `indicators[${data.indicators.indexOf(indicator.data)}]`,
        `indicator ${indicator.number} has no questions or OIT items`,
      );
    }
  }

  const levels = data.levels.levels;
  levels.forEach((level, i) => {
    const previous = levels[i - 1];
    if (previous && previous.min < level.min) {
      problem(`levels.levels[${i}].min`, 'levels must be listed from the highest minimum score down');
    }
  });
  if (levels.at(-1)?.min !== 0) problem('levels.levels', 'the lowest level must start at 0 so that every score has a level');

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    framework: { id: data.id, data, tools: [...tools.values()], indicators, units, items },
  };
}

/** Formats problems one per line: `file: path: message`. */
export function formatFrameworkProblems(problems: readonly FrameworkProblem[]): string {
  return problems.map((p) => `${p.source}: ${p.path}: ${p.message}`).join('\n');
}
