import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database, SurveyRound } from '../db/schema.js';
import { agencyContains, orderSql, within, type Page, type SortColumn } from '../db/page.js';
import type { RoundState, SurveySort } from './schemas.js';
import type { ShownFigures } from './shown.js';

/** A round's columns the database or the survey service keep, never given when a round is made. */
type KeptColumn = 'latest' | 'required' | 'shown_kept' | 'shown_responses' | 'quota_groups' | 'groups_short' | 'short_by';

const surveyColumn: Record<SurveySort, SortColumn> = {
  code: { column: 'agencies.code', notNull: true },
  name: { column: 'agencies.name_th', notNull: true },
  opensOn: { column: 'r.opens_on', notNull: true },
  closesOn: { column: 'r.closes_on', notNull: true },
};

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Survey rounds, their tallies, counts, receipts, codes and quotas. The secretariat's reads are
 * authorised by the survey service; the respondents' form reads a round by its public code only.
 */
export class SurveyRepository {
  constructor(private readonly db: Executor) {}

  byId(id: number): Promise<SurveyRound | undefined> {
    return this.db.selectFrom('survey_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  }

  ofAgency(agencyId: number): Promise<SurveyRound[]> {
    return this.db.selectFrom('survey_rounds').selectAll().where('agency_id', '=', agencyId).orderBy('id', 'desc').execute();
  }

  /**
   * A page of each agency's latest round of a year and tool (the agencies in scope), with those
   * rounds' counts and quotas, how many match and the group's figures: four queries (five with a
   * filter), whatever the number of agencies. The latest round and its quotas' sum are kept on the
   * rounds (migration 0033): the figures are read from an index of the rounds alone.
   */
  async cityProgressPage(
    fiscalYear: number,
    tool: string,
    scope: readonly number[] | undefined,
    today: string,
    page: Page<SurveySort> & { state?: RoundState | undefined },
  ) {
    // A round's state on the day, as plain conditions on its columns (a filter by state is then
    // estimated from their statistics, and read along the agencies' order when it matches many).
    const open = sql<SqlBool>`(r.closed_at is null and r.opens_on <= ${today} and ${today} <= r.closes_on)`;
    const upcoming = sql<SqlBool>`(r.closed_at is null and r.opens_on > ${today})`;
    const stateOf = sql<RoundState>`case when ${open} then 'open' when ${upcoming} then 'upcoming' else 'closed' end`;
    const inState = { open, upcoming, closed: sql<SqlBool>`(not ${open} and not ${upcoming})` }[page.state ?? 'open'];
    const latest = this.db
      .selectFrom('survey_rounds as r')
      .where('r.fiscal_year', '=', fiscalYear)
      .where('r.tool', '=', tool)
      .where('r.latest', '=', 1)
      .where(within('r.agency_id', scope));
    const matching = latest
      .innerJoin('agencies', 'agencies.id', 'r.agency_id')
      .$if(Boolean(page.q), (qb) => qb.where(agencyContains(page.q ?? '')))
      .$if(Boolean(page.state), (qb) => qb.where(inState));
    // The whole country's figures are read from the rounds counted by their days (kept by the
    // database), an overseer's from the rounds of the agencies overseen.
    const whole = scope === undefined;
    const days = sql<RoundState>`case
      when d.closed = 0 and d.opens_on <= ${today} and ${today} <= d.closes_on then 'open'
      when d.closed = 0 and d.opens_on > ${today} then 'upcoming' else 'closed' end`;
    const [rounds, count, figures] = await Promise.all([
      matching
        .selectAll('r')
        .select([
          'agencies.code as agency_code',
          'agencies.slug as agency_slug',
          'agencies.name_th as agency_name_th',
          'agencies.kind as agency_kind',
        ])
        .orderBy(orderSql(surveyColumn[page.sort], page.order, 'agencies.code'))
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      // Without a search, how many match is the sum of the rounds (in the state asked for); the
      // agencies are read only when searched.
      page.q || (page.state && !whole)
        ? (page.q ? matching : latest.where(inState))
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        : null,
      // The rounds by state with their quotas' sum, in one reading of the group.
      whole
        ? this.db
            .selectFrom('survey_round_days as d')
            .where('d.fiscal_year', '=', fiscalYear)
            .where('d.tool', '=', tool)
            .select([
              days.as('state'),
              (eb) => eb.fn.sum<number | string>('d.rounds').as('n'),
              (eb) => eb.fn.sum<number | string | null>('d.required').as('required'),
            ])
            .groupBy(sql`1`)
            .execute()
        : latest
            .select([
              stateOf.as('state'),
              (eb) => eb.fn.countAll<number | string>().as('n'),
              (eb) => eb.fn.sum<number | string | null>('r.required').as('required'),
            ])
            .groupBy(sql`1`)
            .execute(),
    ]);
    const states = figures.map(({ state, n }) => ({ state, n }));
    const required = figures.reduce((sum, f) => sum + Number(f.required ?? 0), 0);
    const inStates = (wanted: readonly RoundState[]) =>
      states.filter((f) => wanted.includes(f.state)).reduce((sum, f) => sum + Number(f.n), 0);
    const total = count ? Number(count.n) : inStates(page.state ? [page.state] : ['open', 'upcoming', 'closed']);
    return { rounds, total, states, required };
  }

  /** Some rounds' responses counted by division and their quotas by division: one statement. */
  async roundParts(ids: readonly number[]) {
    const counts: { round_id: number; division_id: number; responses: number }[] = [];
    const quotas: { round_id: number; division_id: number; required: number }[] = [];
    if (!ids.length) return { counts, quotas };
    const of = sql.join(ids);
    const rows = await sql<{ part: string; round_id: number; division_id: number; n: number | string }>`
select 'count' as part, round_id, division_id, responses as n from survey_counts where round_id in (${of})
union all
select 'quota', round_id, division_id, required from survey_quotas where round_id in (${of})`.execute(this.db);
    for (const { part, round_id, division_id, n } of rows.rows) {
      if (part === 'count') counts.push({ round_id, division_id, responses: Number(n) });
      else quotas.push({ round_id, division_id, required: Number(n) });
    }
    return { counts, quotas };
  }

  /** How many responses wait to be counted in each of some rounds (those with none are left out). */
  async pendingOf(ids: readonly number[]): Promise<{ round_id: number; n: number }[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom('survey_pending')
      .select('round_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('round_id', 'in', ids)
      .groupBy('round_id')
      .execute();
    return rows.map((r) => ({ round_id: r.round_id, n: Number(r.n) }));
  }

  /** Keeps what the city's progress shows of a round (worked out by the caller from its counts and quotas). */
  async keepShown(trx: Transaction<Database>, id: number, figures: ShownFigures): Promise<void> {
    await trx
      .updateTable('survey_rounds')
      .set({
        shown_kept: 1,
        shown_responses: figures.responses,
        quota_groups: figures.quotaGroups,
        groups_short: figures.groupsShort,
        short_by: figures.shortBy,
      })
      .where('id', '=', id)
      .execute();
  }

  /** An agency's rounds of a fiscal year, newest first (for the OIT prediction, which sees no actor). */
  roundsOfYear(agencyId: number, fiscalYear: number): Promise<SurveyRound[]> {
    return this.db
      .selectFrom('survey_rounds')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .orderBy('id', 'desc')
      .execute();
  }

  /** An agency's rounds of a year and tool that are not closed and not past their last day (open, or still to open). */
  runningRounds(agencyId: number, fiscalYear: number, tool: string, today: string): Promise<SurveyRound[]> {
    return this.db
      .selectFrom('survey_rounds')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .where('tool', '=', tool)
      .where('closed_at', 'is', null)
      .where('closes_on', '>=', today)
      .execute();
  }

  /** A round by its public code: what the respondents' link names. */
  byCode(code: string): Promise<SurveyRound | undefined> {
    return this.db.selectFrom('survey_rounds').selectAll().where('code', '=', code).executeTakeFirst();
  }

  insertRound(row: Omit<SurveyRound, 'id' | KeptColumn>): Promise<SurveyRound> {
    return this.db.insertInto('survey_rounds').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async close(id: number, at: string): Promise<void> {
    await this.db.updateTable('survey_rounds').set({ closed_at: at }).where('id', '=', id).execute();
  }

  /** Keeps submission ids (their keyed tags); answers those that were new (the others were kept before: retries). */
  receipts(trx: Transaction<Database>, rows: { round_id: number; client_id: string }[]) {
    return trx
      .insertInto('survey_receipts')
      .values(rows)
      .onConflict((oc) => oc.columns(['round_id', 'client_id']).doNothing())
      .returning(['id', 'round_id', 'client_id'])
      .execute();
  }

  async dropReceipt(trx: Transaction<Database>, id: number): Promise<void> {
    await trx.deleteFrom('survey_receipts').where('id', '=', id).execute();
  }

  /** Whether rounds were closed meanwhile (the intake reads them again inside its transaction). */
  closedRounds(trx: Transaction<Database>, ids: number[]) {
    return trx.selectFrom('survey_rounds').select('id').where('id', 'in', ids).where('closed_at', 'is not', null).execute();
  }

  /** The division of an unused single-use code; undefined when it is unknown or was used already. */
  unusedCode(trx: Transaction<Database>, roundId: number, codeHash: string): Promise<{ division_id: number } | undefined> {
    return trx
      .selectFrom('survey_codes')
      .select('division_id')
      .where('round_id', '=', roundId)
      .where('code_hash', '=', codeHash)
      .where('used', '=', 0)
      .executeTakeFirst();
  }

  /** Keeps sealed responses to be counted later; a row whose code tag is taken already is not kept (not returned). */
  insertPending(trx: Transaction<Database>, rows: { id: string; round_id: number; code_tag: string | null; sealed: string }[]) {
    if (!rows.length) return Promise.resolve([]);
    return trx
      .insertInto('survey_pending')
      .values(rows)
      .onConflict((oc) => oc.columns(['round_id', 'code_tag']).doNothing())
      .returning('id')
      .execute();
  }

  async pendingCount(executor: Executor, roundId: number): Promise<number> {
    const row = await executor
      .selectFrom('survey_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  pending(trx: Transaction<Database>, roundId: number) {
    return trx.selectFrom('survey_pending').select(['id', 'sealed']).where('round_id', '=', roundId).execute();
  }

  async dropPending(trx: Transaction<Database>, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await trx
        .deleteFrom('survey_pending')
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }

  /** Marks the codes of a counted batch used, all at once. */
  async markCodesUsed(trx: Transaction<Database>, roundId: number, codeHashes: string[]): Promise<void> {
    for (let i = 0; i < codeHashes.length; i += 500) {
      await trx
        .updateTable('survey_codes')
        .set({ used: 1 })
        .where('round_id', '=', roundId)
        .where('code_hash', 'in', codeHashes.slice(i, i + 500))
        .execute();
    }
  }

  /** Adds counts to tallies and response counts, creating the cells a first answer opens. */
  async addToTallies(
    trx: Transaction<Database>,
    tallies: { round_id: number; division_id: number; item_key: string; option_index: number; count: number }[],
    counts: { round_id: number; division_id: number; responses: number }[],
  ): Promise<void> {
    for (let i = 0; i < tallies.length; i += 400) {
      await trx
        .insertInto('survey_tallies')
        .values(tallies.slice(i, i + 400))
        .onConflict((oc) =>
          oc
            .columns(['round_id', 'division_id', 'item_key', 'option_index'])
            .doUpdateSet({ count: sql`survey_tallies.count + excluded.count` }),
        )
        .execute();
    }
    if (counts.length) {
      await trx
        .insertInto('survey_counts')
        .values(counts)
        .onConflict((oc) =>
          oc.columns(['round_id', 'division_id']).doUpdateSet({ responses: sql`survey_counts.responses + excluded.responses` }),
        )
        .execute();
    }
  }

  /** Adds many responses of a division at once: their answers to the round's tallies, their number to the division's (demo data). */
  addTallies(
    trx: Transaction<Database>,
    roundId: number,
    divisionId: number,
    tallies: ReadonlyMap<string, readonly number[]>,
    responses: number,
  ): Promise<void> {
    const rows = [...tallies].flatMap(([item_key, counts]) =>
      counts.map((count, option_index) => ({ round_id: roundId, division_id: 0, item_key, option_index, count })),
    );
    return this.addToTallies(trx, rows, [{ round_id: roundId, division_id: divisionId, responses }]);
  }

  /** The round's tallies: whole-round only, never per division. */
  tallies(roundId: number) {
    return this.db
      .selectFrom('survey_tallies')
      .select(['item_key', 'option_index'])
      .select((eb) => eb.fn.sum<number>('count').as('count'))
      .where('round_id', '=', roundId)
      .groupBy(['item_key', 'option_index'])
      .execute();
  }

  counts(roundId: number) {
    return this.db.selectFrom('survey_counts').select(['division_id', 'responses']).where('round_id', '=', roundId).execute();
  }

  quotas(roundId: number) {
    return this.db
      .selectFrom('survey_quotas')
      .select(['division_id', 'headcount', 'required'])
      .where('round_id', '=', roundId)
      .execute();
  }

  async setQuota(
    trx: Transaction<Database>,
    roundId: number,
    divisionId: number,
    headcount: number,
    required: number,
  ): Promise<void> {
    await trx
      .insertInto('survey_quotas')
      .values({ round_id: roundId, division_id: divisionId, headcount, required })
      .onConflict((oc) => oc.columns(['round_id', 'division_id']).doUpdateSet({ headcount, required }))
      .execute();
  }

  async insertCodes(trx: Transaction<Database>, roundId: number, divisionId: number, hashes: string[]): Promise<void> {
    for (let i = 0; i < hashes.length; i += 500) {
      await trx
        .insertInto('survey_codes')
        .values(hashes.slice(i, i + 500).map((code_hash) => ({ round_id: roundId, division_id: divisionId, code_hash, used: 0 })))
        .execute();
    }
  }

  async codeCounts(roundId: number) {
    return this.db
      .selectFrom('survey_codes')
      .select(['division_id', 'used'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('round_id', '=', roundId)
      .groupBy(['division_id', 'used'])
      .execute();
  }
}
