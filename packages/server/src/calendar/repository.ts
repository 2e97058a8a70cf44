import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** What a fiscal year's records say of one agency, for the milestones that take their state from them. */
export interface YearRecords {
  planId: number | null;
  /** The plan's entries, and how many are still blank (no heading, issue or measure written). */
  planEntries: { total: number; empty: number };
  committee: boolean;
  memos: { kind: string; issued: boolean }[];
  /** The statuses of the OIT checklist's items; null without a checklist. */
  oitStatuses: string[] | null;
  /** Live publications by kind (`plan`, `oit`). */
  published: Set<string>;
  surveyRounds: { tool: string; closed: boolean; closesOn: string }[];
  /** Progress rounds (6, 12) of the year's plan that are approved. */
  approvedRounds: Set<number>;
  results: boolean;
}

const emptyRecords = (): YearRecords => ({
  planId: null,
  planEntries: { total: 0, empty: 0 },
  committee: false,
  memos: [],
  oitStatuses: null,
  published: new Set(),
  surveyRounds: [],
  approvedRounds: new Set(),
  results: false,
});

/** The calendar's rows: city-wide defaults, agencies' own dates and marks, and feeds. */
export class CalendarRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The calendar's read model over the features' own tables: for each agency, what its year's
   * records say (plan, committee, memos, OIT checklist, publications, survey rounds, approved
   * progress rounds, results), in one query per kind of record whatever the number of agencies.
   */
  async yearRecords(agencyIds: number[], fiscalYear: number): Promise<Map<number, YearRecords>> {
    const records = new Map(agencyIds.map((id) => [id, emptyRecords()]));
    if (!agencyIds.length) return records;
    const of = (agencyId: number) => records.get(agencyId)!;
    const db = this.db;
    const [plans, committees, memos, checklists, rounds, assessments, publications] = await Promise.all([
      db
        .selectFrom('measure_plans')
        .select(['id', 'agency_id'])
        .where('agency_id', 'in', agencyIds)
        .where('fiscal_year', '=', fiscalYear)
        .execute(),
      db
        .selectFrom('committees')
        .select('agency_id')
        .where('agency_id', 'in', agencyIds)
        .where('fiscal_year', '=', fiscalYear)
        .execute(),
      db
        .selectFrom('memos')
        .select(['agency_id', 'kind', 'issued_at'])
        .where('agency_id', 'in', agencyIds)
        .where('fiscal_year', '=', fiscalYear)
        .execute(),
      db
        .selectFrom('oit_checklists')
        .select(['id', 'agency_id'])
        .where('agency_id', 'in', agencyIds)
        .where('fiscal_year', '=', fiscalYear)
        .execute(),
      db
        .selectFrom('survey_rounds')
        .select(['agency_id', 'tool', 'closed_at', 'closes_on'])
        .where('agency_id', 'in', agencyIds)
        .where('fiscal_year', '=', fiscalYear)
        .execute(),
      db
        .selectFrom('assessments')
        .select('agency_id')
        .where('agency_id', 'in', agencyIds)
        .where('fiscal_year', '=', fiscalYear)
        .execute(),
      db
        .selectFrom('publications')
        .select(['agency_id', 'kind'])
        .where('agency_id', 'in', agencyIds)
        .where('fiscal_year', '=', fiscalYear)
        .where('kind', 'in', ['plan', 'oit'])
        .where('round', 'is', null)
        .where('withdrawn_at', 'is', null)
        .execute(),
    ]);
    for (const p of plans) of(p.agency_id).planId = p.id;
    for (const c of committees) of(c.agency_id).committee = true;
    for (const m of memos) of(m.agency_id).memos.push({ kind: m.kind, issued: m.issued_at !== null });
    for (const r of rounds) {
      of(r.agency_id).surveyRounds.push({ tool: r.tool, closed: r.closed_at !== null, closesOn: r.closes_on });
    }
    for (const a of assessments) of(a.agency_id).results = true;
    for (const p of publications) of(p.agency_id).published.add(p.kind);
    const agencyOfChecklist = new Map(checklists.map((c) => [c.id, c.agency_id]));
    for (const c of checklists) of(c.agency_id).oitStatuses = [];
    const agencyOfPlan = new Map(plans.map((p) => [p.id, p.agency_id]));
    const [tasks, approved, entries] = await Promise.all([
      checklists.length
        ? this.db
            .selectFrom('oit_tasks')
            .select(['checklist_id', 'status'])
            .where('checklist_id', 'in', [...agencyOfChecklist.keys()])
            .execute()
        : [],
      plans.length
        ? this.db
            .selectFrom('progress_rounds')
            .select(['plan_id', 'round'])
            .where('plan_id', 'in', [...agencyOfPlan.keys()])
            .where('status', '=', 'approved')
            .execute()
        : [],
      plans.length
        ? this.db
            .selectFrom('measure_entries')
            .select((eb) => [
              'plan_id',
              eb.fn.countAll().as('total'),
              eb.fn
                .sum(
                  eb
                    .case()
                    .when(eb.and([eb('measures', '=', '[]'), eb('issue', '=', ''), eb('title', 'is', null)]))
                    .then(1)
                    .else(0)
                    .end(),
                )
                .as('empty'),
            ])
            .where('plan_id', 'in', [...agencyOfPlan.keys()])
            .groupBy('plan_id')
            .execute()
        : [],
    ]);
    for (const e of entries) {
      of(agencyOfPlan.get(e.plan_id)!).planEntries = { total: Number(e.total), empty: Number(e.empty) };
    }
    for (const t of tasks) of(agencyOfChecklist.get(t.checklist_id)!).oitStatuses!.push(t.status);
    for (const r of approved) of(agencyOfPlan.get(r.plan_id)!).approvedRounds.add(r.round);
    return records;
  }

  /** The own dates and marks of several agencies' year: one query. */
  ownOfAgencies(agencyIds: number[], fiscalYear: number) {
    if (!agencyIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('agency_milestones')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .where('fiscal_year', '=', fiscalYear)
      .execute();
  }

  defaults(fiscalYear: number) {
    return this.db.selectFrom('calendar_defaults').selectAll().where('fiscal_year', '=', fiscalYear).execute();
  }

  async setDefault(fiscalYear: number, milestone: string, startsOn: string | null, dueOn: string): Promise<void> {
    await this.db
      .insertInto('calendar_defaults')
      .values({ fiscal_year: fiscalYear, milestone, starts_on: startsOn, due_on: dueOn })
      .onConflict((oc) => oc.columns(['fiscal_year', 'milestone']).doUpdateSet({ starts_on: startsOn, due_on: dueOn }))
      .execute();
  }

  own(agencyId: number, fiscalYear: number) {
    return this.db
      .selectFrom('agency_milestones')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .execute();
  }

  async setOwn(
    agencyId: number,
    fiscalYear: number,
    milestone: string,
    changes: {
      starts_on?: string | null;
      due_on?: string | null;
      owner_division_id?: number | null;
      done_at?: string | null;
      done_by?: number | null;
    },
  ): Promise<void> {
    await this.db
      .insertInto('agency_milestones')
      .values({
        agency_id: agencyId,
        fiscal_year: fiscalYear,
        milestone,
        starts_on: changes.starts_on ?? null,
        due_on: changes.due_on ?? null,
        owner_division_id: changes.owner_division_id ?? null,
        done_at: changes.done_at ?? null,
        done_by: changes.done_by ?? null,
      })
      .onConflict((oc) => oc.columns(['agency_id', 'fiscal_year', 'milestone']).doUpdateSet(changes))
      .execute();
  }

  feed(tokenHash: string) {
    return this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** Makes a feed, revoking the one before of the same agency and division (its URL stops working). */
  async replaceFeed(agencyId: number, divisionId: number, tokenHash: string, actorId: number): Promise<void> {
    const at = new Date().toISOString();
    await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: at })
      .where('agency_id', '=', agencyId)
      .where('division_id', '=', divisionId)
      .where('revoked_at', 'is', null)
      .execute();
    await this.db
      .insertInto('calendar_feeds')
      .values({
        agency_id: agencyId,
        division_id: divisionId,
        token_hash: tokenHash,
        created_by: actorId,
        created_at: at,
        revoked_at: null,
      })
      .execute();
  }

  async revokeFeeds(agencyId: number, divisionId: number): Promise<number> {
    const result = await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date().toISOString() })
      .where('agency_id', '=', agencyId)
      .where('division_id', '=', divisionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
