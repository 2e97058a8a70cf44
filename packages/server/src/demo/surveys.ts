import { todayInBangkok } from '../db/database.js';
import type { Kysely } from 'kysely';
import { addDays, surveyItems } from '@prongsai/core';
import { findAgency, listDivisions } from '../agencies/repository.js';
import type { Database } from '../db/schema.js';
import { loadFramework } from '../frameworks/registry.js';
import { SurveyRepository } from '../surveys/repository.js';
import { SurveyService } from '../surveys/service.js';
import { currentFiscalYear } from './current-year.js';

/**
 * Two seed districts run their own surveys of the current fiscal year: IIT still open, EIT closed, with
 * generated answers. They ask FY2566's items, the latest set whose item texts the seeds give.
 */
const DISTRICTS = ['din-daeng', 'lak-si'] as const;
export const DEMO_SURVEY_FRAMEWORK = 'bma-district-2566';

const shift = (days: number) => addDays(todayInBangkok(), days);

/** Answers leaning positive, the same every load: respondent n of a division, item i. */
const optionOf = (n: number, i: number, options: number) => {
  const x = (n * 2654435761 + i * 40503) % 1000;
  return options === 2 ? (x < 850 ? 0 : 1) : x < 40 ? 0 : x < 140 ? 1 : x < 520 ? 2 : 3;
};

export async function loadDemoSurveys(db: Kysely<Database>): Promise<number> {
  const YEAR = currentFiscalYear();
  const framework = loadFramework(DEMO_SURVEY_FRAMEWORK);
  const service = new SurveyService(db);
  let opened = 0;
  for (const slug of DISTRICTS) {
    const agency = await findAgency(db, slug);
    if (!agency || (await new SurveyRepository(db).roundsOfYear(agency.id, YEAR)).length) continue;
    const divisions = await listDivisions(db, agency.id);
    for (const [tool, opensOn, closesOn, perDivision] of [
      ['IIT', shift(-20), shift(40), 14],
      ['EIT', shift(-60), shift(-5), 41],
    ] as const) {
      const round = await service.open(null, agency, {
        tool,
        fiscalYear: YEAR,
        framework: DEMO_SURVEY_FRAMEWORK,
        opensOn,
        closesOn,
      });
      const items = surveyItems(framework, tool);
      await db.transaction().execute(async (trx) => {
        for (const [d, division] of divisions.entries()) {
          const responses = Math.max(3, perDivision - d * 3);
          const tallies = new Map(items.map((item) => [item.key, item.scale.options.map(() => 0)]));
          for (let n = 0; n < responses; n++) {
            items.forEach((item, i) => {
              const option = optionOf(n + d * 100, i, item.scale.options.length);
              // Negative items are answered the other way round.
              tallies.get(item.key)![item.polarity === 'negative' ? item.scale.options.length - 1 - option : option]!++;
            });
          }
          await new SurveyRepository(trx).addTallies(trx, round.id, division.id, tallies, responses);
        }
      });
      opened++;
    }
  }
  return opened;
}
