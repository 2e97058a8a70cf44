import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../agencies/repository.js';
import type { Db } from '../db/database.js';
import { demoApp, TEST_DATABASES } from '../test-support/databases.js';
import { shareChartOption } from './charts.js';
import { chartValues, summaryRows } from './common.js';
import { statBreakdowns, statCells, statChartValues } from './measures-outline.js';
import { measuresModel } from './model.js';

describe.each(TEST_DATABASES.slice(0, 1))('chart values on $engine', (database) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await demoApp(database));
  });
  afterAll(async () => close());

  it("plots exactly what table 1 prints: Bang Khae's published 84.18, 89.06 and 85.93, not the computed 84.15, 89.07, 85.92", async () => {
    const agency = (await findAgency(db.kysely, 'bang-khae'))!;
    const m = await measuresModel(db.kysely, agency, 2567);
    const { labels, values, sorted } = chartValues(m.framework, m.result);
    const table = new Map(summaryRows(m.framework, m.result).map((row) => [row.label.replace(/^ตัวชี้วัดที่ /, ''), row.indicator]));
    expect(labels).toHaveLength(10);
    labels.forEach((label, i) => expect(values[i]!.toFixed(2), label).toBe(table.get(label)));
    expect(values).toEqual(expect.arrayContaining([84.18, 89.06, 85.93]));
    expect(values).not.toEqual(expect.arrayContaining([84.15]));
    expect(sorted[0]).toEqual({ label: '2. การใช้งบประมาณ', value: 84.18 });
  });

  it('plots each respondent breakdown as its table prints it, with no bar for a hidden group', async () => {
    const agency = (await findAgency(db.kysely, 'bang-khae'))!;
    const breakdowns = statBreakdowns(await measuresModel(db.kysely, agency, 2567));
    expect(breakdowns).toHaveLength(9);
    for (const b of breakdowns) {
      const { labels, values } = statChartValues(b);
      const series = shareChartOption(labels, values).series[0]!.data;
      b.rows.forEach((row, i) => {
        const bar = series[i]!;
        expect(bar === '-' ? 'hidden' : bar.value.toFixed(2), `${b.tool} ${b.dimension} ${row.label}`).toBe(
          row.suppressed ? 'hidden' : statCells(row)[0],
        );
      });
    }
    expect(breakdowns[0]).toMatchObject({ tool: 'IIT', dimension: 'gender', total: 986 });
  });
});
