import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Responses wait here, sealed with the survey key (kept outside the database), until they are
  // counted in a shuffled batch of at least 5. A row has a random id (SQLite keeps it without a
  // rowid, so rows lie in random order), its round, the keyed tag of its code (with codes, so a
  // code is used once), and the sealed answers: no time, no order, nothing readable.
  await db.schema
    .createTable('survey_pending')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id').onDelete('cascade'))
    .addColumn('code_tag', 'varchar(64)')
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_pending_code', ['round_id', 'code_tag'])
    .$call((table) => (engine === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await db.schema.createIndex('survey_pending_round').on('survey_pending').column('round_id').execute();

  // Tallies no longer keep a division: a division's own tally of one or two people would be their
  // answers. The tallies kept so far are added together per round (division 0); the divisions'
  // response counts stay for the quotas.
  const sums = await db
    .selectFrom('survey_tallies')
    .select(['round_id', 'item_key', 'option_index'])
    .select((eb) => eb.fn.sum<number>('count').as('count'))
    .groupBy(['round_id', 'item_key', 'option_index'])
    .execute();
  await db.deleteFrom('survey_tallies').execute();
  for (let i = 0; i < sums.length; i += 400) {
    await db
      .insertInto('survey_tallies')
      .values(
        sums.slice(i, i + 400).map((s) => ({
          round_id: s.round_id,
          division_id: 0,
          item_key: s.item_key,
          option_index: s.option_index,
          count: Number(s.count),
        })),
      )
      .execute();
  }

  // Receipts now keep a keyed tag of the submission id, not the id: ids kept so far may be times
  // (phones without crypto.randomUUID made them from the clock), so they go.
  await db.deleteFrom('survey_receipts').execute();
}
