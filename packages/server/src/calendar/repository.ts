import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { isPostgres } from '../db/engine.js';
import { jsonAggOf, jsonRows } from '../db/json.js';
import { agencyContains, within } from '../db/page.js';
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

/** The records' answer, per agency, for a milestone whose state a feature tells (null: the agency does not use it). */
export const FEATURE_COLUMNS = {
  'committee-order': 'committee',
  memos: 'memos',
  'measures-plan': 'plan_made',
  'measures-publication': 'plan_published',
  'oit-evidence': 'oit_evidence',
  'oit-publication': 'oit_published',
  'iit-collection': 'iit',
  'eit-collection': 'eit',
  'progress-6': 'progress_6',
  'progress-12': 'progress_12',
  results: 'results',
} as const;

/** What decides the milestones of a fiscal year that an agency can be late with, over some agencies. */
export interface LateBasis {
  fiscalYear: number;
  /** The milestones an agency owes, in the year's order, with the template's due date of the year (the last fallback). */
  milestones: readonly { milestone: string; templateDueOn: string }[];
  /** Milestones whose done comes from the records where the agency uses the feature (keys of FEATURE_COLUMNS). */
  features: readonly (keyof typeof FEATURE_COLUMNS)[];
  /** The memo kinds there are: every one must be issued for an agency's memos to be done, where `kinds` is absent. */
  memoKinds: readonly string[];
  /**
   * What each kind of agency owes (by kind id), and what an agency whose kind is none of them owes:
   * an agency has no state for a milestone its kind does not have, and its memos are done once the
   * memos its kind has are issued. Every milestone and memo of every agency when absent.
   */
  kinds?: { byKind: ReadonlyMap<string, KindBasis>; otherwise: KindBasis } | undefined;
}

/** What the agencies of a kind owe in a year: the milestones its year has, and the memos its memos step needs. */
export interface KindBasis {
  milestones: readonly string[];
  memoKinds: readonly string[];
}

/** The late and due-soon milestones of a fiscal year on a day, over some agencies, as kept. */
export interface LateScope {
  fiscalYear: number;
  /** Agencies in scope (all when undefined). */
  agencyIds: readonly number[] | undefined;
  /** The milestones listed and counted, in the year's order (their place is the index in the year's whole list). */
  milestones: readonly { milestone: string; place: number }[];
  /** The day (ISO): due before it and not done is late. */
  today: string;
  /** The last due day that is due soon (today + DUE_SOON_DAYS). */
  soon: string;
}

/** Filters and order of the late rows; rows done or not yet due soon are never listed. */
export interface LateFilter {
  milestone?: string | undefined;
  state?: 'late' | 'due-soon' | undefined;
  /** Text the agency's Thai or English name, code or slug holds (case-insensitive, wildcards taken literally). */
  q?: string | undefined;
  /** The agencies `q` matches, when read first (few enough to name). */
  matching?: readonly number[] | undefined;
}

/** How many agencies are late or due soon with a milestone (by its place) due on a day. */
export interface LateTally {
  place: number;
  dueOn: string;
  agencies: number;
}

export type LateOrder = { by: 'dueOn' | 'name' | 'milestone'; order: 'asc' | 'desc' } | 'export';

/**
 * Whether a page in this order is read group by group (last first by milestone or due date): it then
 * needs the sizes of the groups, from the tallies, before its rows.
 */
export const readsByGroups = (order: LateOrder): order is Exclude<LateOrder, 'export'> =>
  order !== 'export' && order.order === 'desc' && order.by !== 'name';

export interface LateRow {
  agency_id: number;
  code: string;
  slug: string;
  name_th: string;
  milestone: string;
  due_on: string;
  state: 'late' | 'due-soon';
  /** The agency's kind (its id), which names its milestones. */
  kind: string;
}

/**
 * Every agency-milestone of the year over some agencies (all when undefined), as its records and
 * dates decide it whatever the day: its due date (the agency's own, else the year's default, else
 * the template's), done (the records' answer where the agency uses the feature, else the
 * secretariat's mark) and, for survey collection not closed by hand, the day after which it is
 * done (the first round's closing day). Each feature's table is read for those agencies only.
 */
function decidedStates(b: LateBasis, agencyIds: readonly number[] | undefined): RawBuilder<unknown> {
  const fy = b.fiscalYear;
  const ms = sql.join(b.milestones.map((m, i) => sql`(${m.milestone}, cast(${i} as integer), ${m.templateDueOn})`));
  const feature = b.features.length
    ? sql`case ms.milestone ${sql.join(
        b.features.map((m) => sql`when ${m} then f.${sql.raw(FEATURE_COLUMNS[m])}`),
        sql` `,
      )} end`
    : sql`null`;
  const after = (['iit-collection', 'eit-collection'] as const).filter((m) => b.features.includes(m));
  const doneAfter = after.length
    ? sql`case ms.milestone ${sql.join(
        after.map((m) => sql`when ${m} then f.${sql.raw(`${FEATURE_COLUMNS[m]}_after`)}`),
        sql` `,
      )} end`
    : sql`null`;
  const of = (column: string) => within(column, agencyIds);
  // What each kind owes; '' stands for every kind not listed.
  const listed = [...(b.kinds?.byKind.keys() ?? [])];
  const owed = b.kinds
    ? [...[...b.kinds.byKind].map(([kind, owes]) => ({ kind, ...owes })), { kind: '', ...b.kinds.otherwise }]
    : [{ kind: '', milestones: b.milestones.map((m) => m.milestone), memoKinds: b.memoKinds }];
  // The milestones (by place) each kind does not have.
  const skipped = owed
    .flatMap(({ kind, milestones }) => b.milestones.map((m, place) => ({ kind, place, has: milestones.includes(m.milestone) })))
    .filter((k) => !k.has);
  // The memos each kind's memos step needs issued.
  const needed = owed.flatMap(({ kind, memoKinds }) => memoKinds.map((memo) => ({ kind, memo })));
  const needs = needed.length
    ? sql`needs (kind, memo) as (values ${sql.join(needed.map((n) => sql`(${n.kind}, ${n.memo})`))}),`
    : sql`needs (kind, memo) as (select '', '' where 1 = 0),`;
  const kindOf = listed.length ? sql`case when kind in (${sql.join(listed)}) then kind else '' end` : sql`''`;
  const skip = skipped.length
    ? sql`lacks (kind, place) as (values ${sql.join(skipped.map((k) => sql`(${k.kind}, cast(${k.place} as integer))`))}),`
    : sql``;
  const has = skipped.length
    ? sql`where not exists (select 1 from lacks where lacks.kind = scope.kind and lacks.place = ms.place)`
    : sql``;
  return sql`with ms (milestone, place, template_due_on) as (values ${ms}),
${skip}
${needs}
scope as (select id, code, slug, name_th, ${kindOf} as kind from agencies where ${of('agencies.id')}),
f as (
  select scope.id as agency_id,
    case when c.agency_id is null then 0 else 1 end as committee,
    case when mm.agency_id is null then null when mm.issued = coalesce(nn.n, 0) then 1 else 0 end as memos,
    case when pe.total > 0 and pe.empty = 0 then 1 else 0 end as plan_made,
    coalesce(pub.plan, 0) as plan_published,
    case when ck.id is not null and tk.total > 0 and tk.pending = 0 then 1 else 0 end as oit_evidence,
    coalesce(pub.oit, 0) as oit_published,
    case when sr.iit_any = 1 then sr.iit_closed end as iit,
    case when sr.iit_any = 1 and sr.iit_closed = 0 then sr.iit_closes end as iit_after,
    case when sr.eit_any = 1 then sr.eit_closed end as eit,
    case when sr.eit_any = 1 and sr.eit_closed = 0 then sr.eit_closes end as eit_after,
    coalesce(pr.r6, 0) as progress_6,
    coalesce(pr.r12, 0) as progress_12,
    case when a.agency_id is null then 0 else 1 end as results
  from scope
  left join committees c on c.agency_id = scope.id and c.fiscal_year = ${fy}
  left join (
    select memos.agency_id, count(distinct case when memos.issued_at is not null and needs.memo is not null then memos.kind end) as issued
    from memos
    join scope on scope.id = memos.agency_id
    left join needs on needs.kind = scope.kind and needs.memo = memos.kind
    where memos.fiscal_year = ${fy} and ${of('memos.agency_id')}
    group by memos.agency_id
  ) mm on mm.agency_id = scope.id
  left join (select kind, count(*) as n from needs group by kind) nn on nn.kind = scope.kind
  left join measure_plans p on p.agency_id = scope.id and p.fiscal_year = ${fy}
  left join (
    select plan_id, count(*) as total,
      sum(case when measures = '[]' and issue = '' and title is null then 1 else 0 end) as empty
    from measure_entries
    where plan_id in (select id from measure_plans where fiscal_year = ${fy} and ${of('agency_id')})
    group by plan_id
  ) pe on pe.plan_id = p.id
  left join (
    select plan_id, max(case when round = 6 then 1 else 0 end) as r6, max(case when round = 12 then 1 else 0 end) as r12
    from progress_rounds
    where status = 'approved' and plan_id in (select id from measure_plans where fiscal_year = ${fy} and ${of('agency_id')})
    group by plan_id
  ) pr on pr.plan_id = p.id
  left join (
    select agency_id, max(case when kind = 'plan' then 1 else 0 end) as plan, max(case when kind = 'oit' then 1 else 0 end) as oit
    from publications
    where fiscal_year = ${fy} and ${of('agency_id')} and kind in ('plan', 'oit') and round is null and withdrawn_at is null
    group by agency_id
  ) pub on pub.agency_id = scope.id
  left join oit_checklists ck on ck.agency_id = scope.id and ck.fiscal_year = ${fy}
  left join (
    select checklist_id, count(*) as total,
      sum(case when status in ('submitted', 'accepted') then 0 else 1 end) as pending
    from oit_tasks
    where checklist_id in (select id from oit_checklists where fiscal_year = ${fy} and ${of('agency_id')})
    group by checklist_id
  ) tk on tk.checklist_id = ck.id
  left join (
    select agency_id,
      max(case when tool = 'IIT' then 1 else 0 end) as iit_any,
      max(case when tool = 'IIT' and closed_at is not null then 1 else 0 end) as iit_closed,
      min(case when tool = 'IIT' then closes_on end) as iit_closes,
      max(case when tool = 'EIT' then 1 else 0 end) as eit_any,
      max(case when tool = 'EIT' and closed_at is not null then 1 else 0 end) as eit_closed,
      min(case when tool = 'EIT' then closes_on end) as eit_closes
    from survey_rounds where fiscal_year = ${fy} and ${of('agency_id')} group by agency_id
  ) sr on sr.agency_id = scope.id
  left join assessments a on a.agency_id = scope.id and a.fiscal_year = ${fy}
)
select ${fy} as fiscal_year, scope.id as agency_id, ms.place, ms.milestone,
  coalesce(am.due_on, d.due_on, ms.template_due_on) as due_on,
  coalesce(${feature}, case when am.done_at is null then 0 else 1 end) as done,
  ${doneAfter} as done_after,
  scope.code, scope.slug, scope.name_th
from scope
cross join ms
join f on f.agency_id = scope.id
left join calendar_defaults d on d.fiscal_year = ${fy} and d.milestone = ms.milestone
left join agency_milestones am on am.agency_id = scope.id and am.fiscal_year = ${fy} and am.milestone = ms.milestone
${has}`;
}

/** Not done on the day: neither the records nor the secretariat say so, nor has the survey closed. */
const openOn = (today: string) => sql`done = 0 and (done_after is null or done_after >= ${today})`;

/** The columns of a late row as read (`place` too, to order by). */
function lateColumns(scope: LateScope): RawBuilder<unknown> {
  return sql`agency_id, code, slug, name_th, place, milestone, due_on, ${stateOf(scope.today)} as state,
  (select kind from agencies where agencies.id = late_states.agency_id) as kind`;
}

/** The columns of `LateRow`, in a JSON array of rows. */
const LATE_ROW_COLUMNS = ['agency_id', 'code', 'slug', 'name_th', 'milestone', 'due_on', 'state', 'kind'] as const;

type TallyRow = { place: number; due_on: string; n: number | string };

/** How many agencies are late or due soon per milestone and due date over the scope: the statement. */
function talliesOf(scope: LateScope): RawBuilder<TallyRow> {
  return scope.agencyIds === undefined
    ? sql`select place, due_on, sum(agencies) as n
from late_tallies
where fiscal_year = ${scope.fiscalYear} and due_on <= ${scope.soon} and (done_after = '' or done_after >= ${scope.today})
group by place, due_on`
    : sql`select place, due_on, count(*) as n
from late_states where ${lateConditions(scope, {})} group by place, due_on`;
}

/** The tallies read of the scope's milestones, each with some agencies. */
function talliesIn(scope: LateScope, rows: readonly TallyRow[]): LateTally[] {
  const places = new Set(scope.milestones.map((m) => m.place));
  return rows
    .map((r) => ({ place: Number(r.place), dueOn: r.due_on, agencies: Number(r.n) }))
    .filter((r) => places.has(r.place) && r.agencies > 0);
}

/** The kept rows of the scope late or due soon on its day, before the filter's own conditions. */
function lateConditions(s: LateScope, filter: LateFilter): RawBuilder<unknown> {
  const conditions = [
    sql`fiscal_year = ${s.fiscalYear}`,
    openOn(s.today),
    sql`due_on <= ${s.soon}`,
    within('agency_id', s.agencyIds),
  ];
  const places = s.milestones.filter((m) => !filter.milestone || m.milestone === filter.milestone).map((m) => m.place);
  conditions.push(places.length ? sql`place in (${sql.join(places)})` : sql`1 = 0`);
  if (filter.state === 'late') conditions.push(sql`due_on < ${s.today}`);
  if (filter.state === 'due-soon') conditions.push(sql`due_on >= ${s.today}`);
  if (filter.matching) conditions.push(within('agency_id', filter.matching));
  else if (filter.q) conditions.push(sql`agency_id in (select id from agencies where ${agencyContains(filter.q)})`);
  return sql.join(conditions, sql` and `);
}

const stateOf = (today: string) => sql<'late' | 'due-soon'>`case when due_on < ${today} then 'late' else 'due-soon' end`;

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

  /**
   * How many agencies are late or due soon on the day, per milestone (its place) and due date, over
   * the whole scope, as kept: one query, over the year's tallies for the whole country, else over
   * the scope's states.
   */
  async lateTallies(scope: LateScope): Promise<LateTally[]> {
    const { rows } = await sql<TallyRow>`${talliesOf(scope)}`.execute(this.db);
    return talliesIn(scope, rows);
  }

  /**
   * The tallies, the page of rows the filter keeps in the order asked (as `lateRows` reads them,
   * when the page needs no group sizes first) and, with a search, how many rows it keeps: one
   * statement, so all come from one snapshot even while a keeping commits.
   */
  async lateTalliesAndPage(
    scope: LateScope,
    filter: LateFilter,
    order: Exclude<LateOrder, 'export'>,
    page: { limit: number; offset: number },
  ): Promise<{ tallies: LateTally[]; rows: LateRow[]; total: number | null }> {
    const total = filter.q ? sql`(select count(*) from late_states where ${lateConditions(scope, filter)})` : sql`null`;
    const { rows } = await sql<{ tallies: TallyRow[] | string; rows: LateRow[] | string; total: number | string | null }>`select
  ${jsonAggOf(this.db, talliesOf(scope), ['place', 'due_on', 'n'])} as tallies,
  ${jsonAggOf(this.db, this.rowsOf(scope, filter, order, page), LATE_ROW_COLUMNS)} as rows,
  ${total} as total`.execute(this.db);
    const found = rows[0]!;
    return {
      tallies: talliesIn(scope, jsonRows(found.tallies)),
      rows: jsonRows(found.rows),
      total: found.total === null ? null : Number(found.total),
    };
  }

  /**
   * The late and due-soon rows the filter keeps, in the order asked (ties by slug, then the year's
   * order of milestones), or for the export by milestone then agency code; a page when limited. As
   * kept: one query, read along an index in the order asked. `groups` (how many rows the filter
   * keeps of each milestone and of each due date) lets a page by milestone or due date, last first,
   * read only the milestones or due dates it reaches.
   */
  async lateRows(
    scope: LateScope,
    filter: LateFilter,
    order: LateOrder,
    page?: { limit: number; offset: number },
    groups?: { byPlace: ReadonlyMap<number, number>; byDueOn: ReadonlyMap<string, number> },
  ) {
    const columns = lateColumns(scope);
    if (page && groups && readsByGroups(order)) {
      // Last first, and within each milestone (or due date) by agency: only the groups the page
      // reaches are read, each along an index from where the page starts in it, not every row sorted.
      const column = order.by === 'milestone' ? 'place' : 'due_on';
      const sizes: ReadonlyMap<number | string, number> = order.by === 'milestone' ? groups.byPlace : groups.byDueOn;
      const keys = [...sizes.keys()].sort((x, y) => (x < y ? 1 : x > y ? -1 : 0));
      const parts: RawBuilder<unknown>[] = [];
      let skip = page.offset;
      let want = page.limit;
      for (const [i, key] of keys.entries()) {
        const size = sizes.get(key)!;
        if (skip >= size) {
          skip -= size;
          continue;
        }
        const take = Math.min(want, size - skip);
        parts.push(sql`select * from (select ${columns} from late_states
where ${lateConditions(scope, filter)} and ${sql.ref(column)} = ${key}
order by slug asc, place asc limit ${take} offset ${skip}) ${sql.raw(`g${i}`)}`);
        skip = 0;
        want -= take;
        if (want === 0) break;
      }
      if (!parts.length) return [];
      const { rows } = await sql<LateRow>`select agency_id, code, slug, name_th, milestone, due_on, state, kind
from (${sql.join(parts, sql` union all `)}) pages
order by ${sql.ref(column)} desc, slug asc, place asc`.execute(this.db);
      return rows;
    }
    const { rows } = await sql<LateRow>`${this.rowsOf(scope, filter, order, page)}`.execute(this.db);
    return rows;
  }

  /** The rows the filter keeps in the order asked, a page when limited: the statement `lateRows` reads them with. */
  private rowsOf(scope: LateScope, filter: LateFilter, order: LateOrder, page?: { limit: number; offset: number }) {
    const column = { dueOn: 'due_on', name: 'name_th', milestone: 'place' } as const;
    const direction = order === 'export' ? 'asc' : order.order === 'desc' ? 'desc' : 'asc';
    const orderBy =
      order === 'export'
        ? sql`place asc, code asc`
        : sql`${sql.ref(column[order.by])} ${sql.raw(direction)}, slug asc, place asc`;
    const cut = page ? sql` limit ${page.limit} offset ${page.offset}` : sql``;
    return sql`select ${lateColumns(scope)}
from late_states
where ${lateConditions(scope, filter)}
order by ${orderBy}${cut}`;
  }

  /** The year's basis as kept (null: never kept) and whether changes wait to be taken into account: one query. */
  async lateKept(fiscalYear: number): Promise<{ basis: string | null; pending: boolean }> {
    const { rows } = await sql<{ basis: string | null; pending: number | null }>`select
  (select basis from late_kept where fiscal_year = ${fiscalYear}) as basis,
  (select 1 from late_changes where fiscal_year = ${fiscalYear} or fiscal_year is null limit 1) as pending`.execute(this.db);
    return { basis: rows[0]?.basis ?? null, pending: rows[0]?.pending !== null && rows[0]?.pending !== undefined };
  }

  /** The agencies changes name for the year (null: every agency), up to `limit` of them: one query. */
  async lateChangedAgencies(fiscalYear: number, limit?: number): Promise<(number | null)[]> {
    const query = this.db
      .selectFrom('late_changes')
      .select('agency_id')
      .where((eb) => eb.or([eb('fiscal_year', '=', fiscalYear), eb('fiscal_year', 'is', null)]))
      .groupBy('agency_id');
    const rows = await (limit === undefined ? query : query.limit(limit)).execute();
    return rows.map((r) => r.agency_id);
  }

  /** The years kept that wait for changes, in order. */
  async latePendingYears(): Promise<number[]> {
    const { rows } = await sql<{ fiscal_year: number }>`select fiscal_year from late_kept k
where exists (select 1 from late_changes c where c.fiscal_year = k.fiscal_year or c.fiscal_year is null)
order by fiscal_year desc`.execute(this.db);
    return rows.map((r) => Number(r.fiscal_year));
  }

  /** The agencies whose Thai or English name, code or slug holds the text, up to `limit` of them: one query. */
  async agenciesMatching(text: string, limit: number): Promise<number[]> {
    const rows = await this.db.selectFrom('agencies').select('id').where(agencyContains(text)).limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** The kind (its id) of each of some agencies: one query. */
  async agencyKinds(agencyIds: readonly number[]): Promise<Map<number, string>> {
    if (!agencyIds.length) return new Map();
    const rows = await this.db.selectFrom('agencies').select(['id', 'kind']).where(within('id', agencyIds)).execute();
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  /** The kinds (their ids) of the agencies in scope (all when undefined): one query. */
  async kindsWithin(agencyIds: readonly number[] | undefined): Promise<string[]> {
    if (agencyIds === undefined) {
      // Every kind in use, from the first to the next along the agencies' kind index: one lookup a kind.
      const kinds = await sql<{ kind: string }>`
        with recursive used(kind) as (
          select min(kind) from agencies
          union all
          select (select min(kind) from agencies where kind > used.kind) from used where used.kind is not null
        )
        select kind from used where kind is not null`.execute(this.db);
      return kinds.rows.map((r) => r.kind);
    }
    const rows = await this.db.selectFrom('agencies').select('kind').distinct().where(within('id', agencyIds)).execute();
    return rows.map((r) => r.kind);
  }

  /** How many agencies there are. */
  async agencyCount(): Promise<number> {
    const row = await this.db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
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

/**
 * Notes the year as kept from nothing when it never was, on its own (outside the keeping's
 * transaction): a row inserted inside it would hold every other reader's insert of the same year
 * until the year's first keeping ends, however long that takes.
 */
export async function noteLateYear(db: Kysely<Database>, fiscalYear: number, at: string): Promise<void> {
  await db
    .insertInto('late_kept')
    .values({ fiscal_year: fiscalYear, basis: '', kept_at: at })
    .onConflict((oc) => oc.column('fiscal_year').doNothing())
    .execute();
}

/**
 * Holds the year's kept late states for this transaction (PostgreSQL: a row lock; SQLite runs one
 * transaction at a time), noted by `noteLateYear` first; answers its basis ('' when never kept), or
 * null without waiting when another transaction holds it (or the year was not noted).
 */
export async function lockLateYear(trx: Transaction<Database>, fiscalYear: number, wait: boolean): Promise<string | null> {
  const lock = isPostgres(trx) ? (wait ? ' for update' : ' for update skip locked') : '';
  const { rows } = await sql<{ basis: string }>`select basis from late_kept where fiscal_year = ${fiscalYear}${sql.raw(
    lock,
  )}`.execute(trx);
  return rows[0]?.basis ?? null;
}

/**
 * Takes the year's changes (of some agencies, all when undefined) as kept: deletes them, passing
 * those of every year on to the other years kept (each keeps them in its turn). One statement on
 * PostgreSQL, so a change written meanwhile is either taken and kept now, or left for the next time.
 */
export async function takeLateChanges(
  trx: Transaction<Database>,
  fiscalYear: number,
  agencyIds: readonly number[] | undefined,
): Promise<void> {
  const ofYear = sql`(fiscal_year = ${fiscalYear} or fiscal_year is null) and ${within('agency_id', agencyIds)}`;
  const others = sql`k.fiscal_year <> ${fiscalYear} and k.basis <> ''`;
  if (isPostgres(trx)) {
    await sql`with taken as (delete from late_changes where ${ofYear} returning fiscal_year, agency_id)
insert into late_changes (fiscal_year, agency_id)
select distinct k.fiscal_year, taken.agency_id from taken cross join late_kept k
where taken.fiscal_year is null and taken.agency_id is not null and ${others}`.execute(trx);
    return;
  }
  await sql`insert into late_changes (fiscal_year, agency_id)
select distinct k.fiscal_year, c.agency_id from late_changes c cross join late_kept k
where c.fiscal_year is null and c.agency_id is not null and ${within('c.agency_id', agencyIds)} and ${others}`.execute(trx);
  await sql`delete from late_changes where ${ofYear}`.execute(trx);
}

/**
 * Notes every year of a kind's agencies as changed (the milestones of its year changed): the
 * agencies' kind is not among what the database notes by itself.
 */
export async function noteLateChangesOfKind(db: Executor, kind: string): Promise<void> {
  await sql`insert into late_changes (fiscal_year, agency_id) select null, id from agencies where kind = ${kind}`.execute(db);
}

/** Notes every year of some agencies as changed (their kind changed). */
export async function noteLateChangesOfAgencies(db: Executor, agencyIds: readonly number[]): Promise<void> {
  if (!agencyIds.length) return;
  await db
    .insertInto('late_changes')
    .values(agencyIds.map((id) => ({ fiscal_year: null, agency_id: id })))
    .execute();
}

/** Notes the year as kept from a basis. */
export async function keptLateYear(trx: Transaction<Database>, fiscalYear: number, basis: string, at: string): Promise<void> {
  await trx.updateTable('late_kept').set({ basis, kept_at: at }).where('fiscal_year', '=', fiscalYear).execute();
}

/**
 * Keeps again the late states of some agencies of the year (all when undefined), from their
 * records, and the year's tallies with them (PostgreSQL: the planner learns a year built whole).
 */
export async function keepLateStates(
  trx: Transaction<Database>,
  basis: LateBasis,
  agencyIds: readonly number[] | undefined,
): Promise<void> {
  const fy = basis.fiscalYear;
  const tally = (sign: 1 | -1) => sql`insert into late_tallies (fiscal_year, place, due_on, done_after, agencies)
select fiscal_year, place, due_on, coalesce(done_after, ''), ${sql.raw(sign < 0 ? '-' : '')}count(*)
from late_states
where fiscal_year = ${fy} and done = 0 and ${within('agency_id', agencyIds)}
group by fiscal_year, place, due_on, coalesce(done_after, '')
on conflict (fiscal_year, place, due_on, done_after) do update set agencies = late_tallies.agencies + excluded.agencies`;
  if (agencyIds) await tally(-1).execute(trx);
  else await trx.deleteFrom('late_tallies').where('fiscal_year', '=', fy).execute();
  await trx.deleteFrom('late_states').where('fiscal_year', '=', fy).where(within('agency_id', agencyIds)).execute();
  await sql`insert into late_states (fiscal_year, agency_id, place, milestone, due_on, done, done_after, code, slug, name_th)
${decidedStates(basis, agencyIds)}`.execute(trx);
  await tally(1).execute(trx);
  await trx.deleteFrom('late_tallies').where('fiscal_year', '=', fy).where('agencies', '=', 0).execute();
  if (!agencyIds && isPostgres(trx)) await sql`analyze late_states`.execute(trx);
}
