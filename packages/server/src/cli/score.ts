import { parseArgs } from 'node:util';
import {
  formatProblem,
  formatScore,
  formatWarning,
  InputError,
  mergeScoreInputs,
  presentResult,
  scoreAssessment,
  toThaiDigits,
  type CompiledFramework,
  type ScoreResult,
} from '@prongsai/core';
import { FrameworkError, loadFramework } from '../frameworks/registry.js';
import { readScoreFile } from '../inputs/read-file.js';
import { USER_ERROR, type CliIo } from './io.js';
import { textTable } from './text-table.js';

type Lang = 'th' | 'en';

const labels = {
  th: {
    title: (id: string) => `ผลการประเมินคุณธรรมและความโปร่งใส (ITA) — ชุดคำถาม ${id}`,
    indicator: 'ตัวชี้วัด',
    tool: 'เครื่องมือ',
    weight: 'น้ำหนัก (ร้อยละ)',
    score: 'คะแนน',
    weighted: 'คะแนนถ่วงน้ำหนัก',
    total: 'คะแนนรวม ITA',
    level: 'ระดับผลการประเมิน',
    noTotal: 'คำนวณคะแนนรวมไม่ได้ (ดูคำเตือน)',
    respondents: 'จำนวนผู้ตอบ',
    questions: 'คะแนนรายข้อ',
    warnings: (n: number) => `คำเตือน (${n})`,
    none: '—',
  },
  en: {
    title: (id: string) => `Integrity & Transparency Assessment (ITA) — framework ${id}`,
    indicator: 'Indicator',
    tool: 'Tool',
    weight: 'Weight (%)',
    score: 'Score',
    weighted: 'Weighted',
    total: 'ITA total',
    level: 'Level',
    noTotal: 'No total can be computed (see warnings)',
    respondents: 'Respondents',
    questions: 'Question scores',
    warnings: (n: number) => `Warnings (${n})`,
    none: '—',
  },
} as const;

const usage = `Usage: prongsai score --framework <id|file.json> [--lang th|en] [--json] [--detail] [--thai-digits] <file>...
Files: CSV, XLSX or JSON; distributions (code,item,p1..p4,yes,no,score), raw responses
(respondent,I1.1,...), scores (code,score) or indicator scores (indicator,score).`;

export function renderScoreTable(framework: CompiledFramework, result: ScoreResult, lang: Lang, detail: boolean): string {
  const l = labels[lang];
  const name = (text: { th: string; en?: string | null | undefined }) => (lang === 'en' ? (text.en ?? text.th) : text.th);
  const score = (value: number | undefined) => (value === undefined ? l.none : formatScore(value));
  const out: string[] = [l.title(framework.id), ''];

  out.push(
    textTable(
      [
        ['', l.indicator, l.score],
        ...framework.tools.flatMap((tool) =>
          tool.indicators.map((i) => [String(i.number), name(i.data.name), score(result.indicators[String(i.number)]?.score)]),
        ),
      ],
      ['r', 'l', 'r'],
    ),
    '',
  );
  out.push(
    textTable(
      [
        [l.tool, l.weight, l.score, l.weighted],
        ...framework.tools.map((tool) => {
          const scored = result.tools[tool.code];
          return [tool.code, tool.data.weight.toFixed(2), score(scored?.score), score(scored?.weighted)];
        }),
      ],
      ['l', 'r', 'r', 'r'],
    ),
    '',
  );
  if (result.ita === null || !result.level) out.push(l.noTotal);
  else out.push(`${l.total}: ${formatScore(result.ita)}  ${l.level}: ${name(result.level.name)}`);

  const respondents = Object.entries(result.respondents);
  if (respondents.length > 0) {
    out.push(`${l.respondents}: ${respondents.map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
  }

  if (detail) {
    out.push('', l.questions);
    out.push(
      textTable(
        [...framework.units.values()]
          .filter((u) => result.units[u.code])
          .map((u) => [u.code, score(result.units[u.code]?.score)]),
        ['l', 'r'],
      ),
    );
  }
  if (result.warnings.length > 0) {
    out.push('', l.warnings(result.warnings.length), ...result.warnings.map((w) => `- ${formatWarning(w, lang)}`));
  }
  return out.join('\n') + '\n';
}

export async function runScore(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        framework: { type: 'string', short: 'f' },
        lang: { type: 'string', default: 'th' },
        json: { type: 'boolean', default: false },
        detail: { type: 'boolean', default: false },
        'thai-digits': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return USER_ERROR;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  const lang = values.lang === 'en' ? 'en' : values.lang === 'th' ? 'th' : null;
  if (!lang || !values.framework || positionals.length === 0) {
    io.stderr.write(
      `${!lang ? `--lang must be th or en\n` : !values.framework ? 'missing --framework\n' : 'no input file given\n'}${usage}\n`,
    );
    return USER_ERROR;
  }
  try {
    const framework = loadFramework(values.framework);
    const inputs = [];
    const problems = [];
    for (const path of positionals) {
      try {
        inputs.push(await readScoreFile(framework, path));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.problems);
      }
    }
    if (problems.length > 0) throw new InputError(problems);
    const result = scoreAssessment(framework, mergeScoreInputs(inputs));
    let text = values.json
      ? `${JSON.stringify(presentResult(result), null, 2)}\n`
      : renderScoreTable(framework, result, lang, values.detail);
    if (values['thai-digits'] && !values.json) text = toThaiDigits(text);
    io.stdout.write(text);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(error.problems.map((p) => formatProblem(p, lang)).join('\n') + '\n');
      return USER_ERROR;
    }
    if (error instanceof FrameworkError) {
      io.stderr.write(`${error.message}\n`);
      return USER_ERROR;
    }
    throw error;
  }
}
