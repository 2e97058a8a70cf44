import type { LevelData, LevelSchemeData } from '../framework/schema.js';
import { round2 } from './round.js';

/**
 * The level a total score reaches: the first level (highest first) whose minimum the rounded
 * total reaches and whose tool condition holds for every rounded tool score.
 *
 * @example determineLevel(scheme, 94.87, [88.04, 94.86, 100]).name.th // 'ผ่านดี'
 */
export function determineLevel(scheme: LevelSchemeData, total: number, toolScores: readonly number[]): LevelData {
  const score = round2(total);
  const lowestTool = Math.min(...toolScores.map(round2));
  const level = scheme.levels.find(
    (candidate) => score >= candidate.min && (candidate.allToolsMin === undefined || lowestTool >= candidate.allToolsMin),
  );
  // compileFramework guarantees a level with min 0 and no tool condition at the end.
  if (!level) throw new Error(`level scheme ${scheme.id} has no level for ${score}`);
  return level;
}

export interface LevelRow {
  level: LevelData;
  /** The lowest and highest total score at this level, as printed (2 decimals). */
  from: number;
  to: number;
  /** The tool condition in words, as the official documents print it. */
  condition: string;
}

/** `IIT, EIT และ OIT` */
function toolList(codes: readonly string[]): string {
  return codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} และ ${codes.at(-1)}`;
}

/**
 * The table of levels as the measures document prints it (seed 001 §1), derived from the
 * scheme: a level reaches up to 100.00 when a higher level can be missed by its tool
 * condition alone, otherwise to just under the next level without one; a level without a
 * condition that shares its minimum with a conditioned one is the level where some tool fell short.
 *
 * @example levelTable(bma5, ['IIT', 'EIT', 'OIT'])[2] // ผ่าน, 85–100, 'IIT, EIT และ OIT บางเครื่องมือได้น้อยกว่า 85 คะแนน'
 */
export function levelTable(scheme: LevelSchemeData, toolCodes: readonly string[]): LevelRow[] {
  const tools = toolList(toolCodes);
  return scheme.levels.map((level, i) => {
    const higher = scheme.levels.slice(0, i);
    const ceiling = higher.filter((h) => h.allToolsMin === undefined).map((h) => round2(h.min - 0.01));
    const to = ceiling.length ? Math.min(...ceiling) : 100;
    const sameFloor = higher.find((h) => h.allToolsMin !== undefined && h.min === level.min);
    const condition =
      level.allToolsMin !== undefined
        ? `${tools} ทุกเครื่องมือได้ ${level.allToolsMin} คะแนน`
        : sameFloor
          ? `${tools} บางเครื่องมือได้น้อยกว่า ${sameFloor.allToolsMin} คะแนน`
          : 'ไม่มีเงื่อนไข';
    return { level, from: level.min, to, condition };
  });
}
