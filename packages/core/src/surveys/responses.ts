import type { CompiledFramework, CompiledItem } from '../framework/compile.js';
import { emptyScoreInput, type ScoreInput } from '../scoring/input.js';

/** The items a self-assessment survey of a tool asks, in the framework's order and wording. */
export function surveyItems(framework: CompiledFramework, tool: string): CompiledItem[] {
  return [...framework.items.values()].filter(
    (item) => framework.units.get(item.questionCode)?.kind === 'question' && unitTool(framework, item.questionCode) === tool,
  );
}

const unitTool = (framework: CompiledFramework, code: string) => framework.units.get(code)?.tool;

/** Questions of the tool whose items the framework does not know: a survey cannot ask them. */
export function unknownItems(framework: CompiledFramework, tool: string): string[] {
  return [...framework.units.values()]
    .filter((u) => u.kind === 'question' && u.tool === tool && !(u.items ?? []).length)
    .map((u) => u.code);
}

export type AnswerProblem = { key: string; message: string; th: string };

/**
 * Checks one respondent's answers (answer codes by item key, as a raw-responses file holds them):
 * every item of the tool answered with one of its scale's codes, nothing else. Answers the option
 * index of each item, or the problems.
 */
export function checkAnswers(
  items: readonly CompiledItem[],
  answers: Readonly<Record<string, unknown>>,
): { ok: true; options: Map<string, number> } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const byKey = new Map(items.map((i) => [i.key, i]));
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) {
      problems.push({ key, message: `no item ${key.slice(0, 20)} in this survey`, th: `ไม่มีข้อ ${key.slice(0, 20)} ในแบบสอบถามนี้` });
    }
  }
  const options = new Map<string, number>();
  for (const item of items) {
    const answer = answers[item.key];
    if (answer === undefined || answer === null || answer === '') {
      problems.push({ key: item.key, message: `item ${item.key} is not answered`, th: `ยังไม่ได้ตอบข้อ ${item.key}` });
      continue;
    }
    const option = item.scale.answers.indexOf(Number(answer));
    if (typeof answer !== 'number' || option < 0) {
      problems.push({
        key: item.key,
        message: `item ${item.key}: ${String(answer).slice(0, 10)} is not an answer of its scale`,
        th: `ข้อ ${item.key}: คำตอบไม่อยู่ในตัวเลือก`,
      });
      continue;
    }
    options.set(item.key, option);
  }
  return problems.length ? { ok: false, problems } : { ok: true, options };
}

/** Tallies (respondents per item and option) as the scoring engine's input, with the number of respondents. */
export function talliesToScoreInput(
  items: readonly CompiledItem[],
  tool: string,
  tallies: ReadonlyMap<string, readonly number[]>,
  respondents: number,
): ScoreInput {
  const input = emptyScoreInput();
  for (const item of items) {
    const counts = item.scale.options.map((_, option) => tallies.get(item.key)?.[option] ?? 0);
    if (counts.some((c) => c > 0)) input.items.set(item.key, { kind: 'counts', counts });
  }
  if (respondents > 0) input.respondents.set(tool, respondents);
  return input;
}
