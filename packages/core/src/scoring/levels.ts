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
