import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { OitTaskStatus, PreviousAssignment } from '@prongsai/core';
import { now } from '../db/database.js';
import type { Database, OitChecklist, OitEvidence, OitTask } from '../db/schema.js';
import type { OitReadinessTable } from '../db/schema.js';
import { agencyContains, orderSql, within, type Page, type SortColumn } from '../db/page.js';
import type { LinkCheckSort, READINESS_STATES, ReadinessSort } from './schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A task with what its policy and its screen need: its divisions and its evidence in order. */
export interface TaskView {
  task: OitTask;
  divisions: number[];
  evidence: OitEvidence[];
}

export interface ChecklistScope {
  checklist: OitChecklist;
  /** The tasks the actor may read (a division editor: those of their division). */
  tasks: TaskView[];
}

/** What the task policy looks at. */
export const taskTarget = (view: TaskView) => ({ agencyId: view.task.agency_id, divisions: view.divisions });

export interface NewTask {
  code: string;
  carry: string;
  dueDate: string | null;
  divisionIds: number[];
}

/**
 * Every read and write of OIT checklists, their tasks and evidence. The OIT service applies the
 * checklist and task policies to what these return, so the board, the API and the published
 * snapshot never show a division editor another division's items.
 */
export class OitRepository {
  constructor(private readonly db: Executor) {}

  findChecklist(agencyId: number, fiscalYear: number): Promise<OitChecklist | undefined> {
    return this.db
      .selectFrom('oit_checklists')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst();
  }

  /** The fiscal years any agency has a checklist of, newest first (for the city-wide view). */
  /** The years with checklists (of these agencies when given). */
  async years(within?: readonly number[]): Promise<number[]> {
    let query = this.db.selectFrom('oit_checklists').select('fiscal_year');
    if (within !== undefined) query = query.where('agency_id', 'in', within.length ? within : [-1]);
    const rows = await query.distinct().orderBy('fiscal_year', 'desc').execute();
    return rows.map((r) => r.fiscal_year);
  }

  checklistsOf(agencyId: number): Promise<OitChecklist[]> {
    return this.db
      .selectFrom('oit_checklists')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('fiscal_year', 'desc')
      .execute();
  }

  /** Every task of a checklist, unfiltered: for the snapshot the executive approves and for demo data. */
  async allTasks(checklistId: number): Promise<TaskView[]> {
    return this.views(checklistId);
  }

  /** One item of a year's checklist: no checklist, or a checklist without the item (view undefined). */
  async findTask(
    agencyId: number,
    fiscalYear: number,
    code: string,
  ): Promise<{ checklist: OitChecklist; view: TaskView | undefined } | undefined> {
    const checklist = await this.findChecklist(agencyId, fiscalYear);
    if (!checklist) return undefined;
    return { checklist, view: (await this.views(checklist.id, code))[0] };
  }

  /** A document or link with its task and checklist. */
  async findEvidence(id: number): Promise<{ checklist: OitChecklist; view: TaskView; evidence: OitEvidence } | undefined> {
    const evidence = await this.db.selectFrom('oit_evidence').selectAll().where('id', '=', id).executeTakeFirst();
    if (!evidence) return undefined;
    const task = await this.db.selectFrom('oit_tasks').selectAll().where('id', '=', evidence.task_id).executeTakeFirstOrThrow();
    const checklist = await this.db
      .selectFrom('oit_checklists')
      .selectAll()
      .where('id', '=', task.checklist_id)
      .executeTakeFirstOrThrow();
    const view = (await this.views(checklist.id, task.item_code))[0]!;
    return { checklist, view, evidence };
  }

  /**
   * Where a document of a published snapshot is stored. Public by design: callers pass only ids
   * the live snapshot lists, and the agency must match.
   */
  publishedFile(agencyId: number, id: number): Promise<{ stored_name: string | null } | undefined> {
    return this.db
      .selectFrom('oit_evidence')
      .select(['stored_name'])
      .where('id', '=', id)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
  }

  /** Last year's assignments by item code, with the names last year's framework gave them; null without a checklist. */
  async previousAssignments(
    agencyId: number,
    fiscalYear: number,
    nameOf: (frameworkId: string, code: string) => string | null,
  ): Promise<PreviousAssignment[] | null> {
    // The latest earlier year's checklist: a year skipped (no set yet when it ran) still carries over.
    const previous = await this.db
      .selectFrom('oit_checklists')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '<', fiscalYear)
      .orderBy('fiscal_year', 'desc')
      .executeTakeFirst();
    if (!previous) return null;
    return (await this.views(previous.id)).map((view) => ({
      code: view.task.item_code,
      name: nameOf(previous.framework_id, view.task.item_code),
      divisionIds: view.divisions,
    }));
  }

  async createChecklist(
    trx: Transaction<Database>,
    checklist: { agencyId: number; fiscalYear: number; frameworkId: string; actorId: number | null },
    tasks: NewTask[],
  ): Promise<OitChecklist> {
    const at = now();
    const row = await trx
      .insertInto('oit_checklists')
      .values({
        agency_id: checklist.agencyId,
        fiscal_year: checklist.fiscalYear,
        framework_id: checklist.frameworkId,
        approved_by: null,
        approved_at: null,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const task of tasks) {
      const inserted = await trx
        .insertInto('oit_tasks')
        .values({
          checklist_id: row.id,
          agency_id: checklist.agencyId,
          item_code: task.code,
          carry: task.carry,
          status: 'todo',
          due_date: task.dueDate,
          review_comment: null,
          updated_by: checklist.actorId,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.setDivisions(trx, inserted.id, task.divisionIds);
    }
    return row;
  }

  async setDivisions(trx: Transaction<Database>, taskId: number, divisionIds: number[]): Promise<void> {
    await trx.deleteFrom('oit_task_divisions').where('task_id', '=', taskId).execute();
    if (divisionIds.length) {
      await trx
        .insertInto('oit_task_divisions')
        .values(divisionIds.map((division_id) => ({ task_id: taskId, division_id })))
        .execute();
    }
  }

  async updateTask(
    trx: Transaction<Database>,
    taskId: number,
    actorId: number,
    changes: { status?: OitTaskStatus; dueDate?: string | null; comment?: string | null },
  ): Promise<void> {
    await trx
      .updateTable('oit_tasks')
      .set({
        ...(changes.status ? { status: changes.status } : {}),
        ...(changes.dueDate !== undefined ? { due_date: changes.dueDate } : {}),
        ...(changes.comment !== undefined ? { review_comment: changes.comment } : {}),
        updated_by: actorId,
        updated_at: now(),
      })
      .where('id', '=', taskId)
      .execute();
  }

  async insertEvidence(trx: Transaction<Database>, row: Omit<OitEvidence, 'id' | 'position'>): Promise<OitEvidence> {
    const last = await trx
      .selectFrom('oit_evidence')
      .select((eb) => eb.fn.max<number>('position').as('position'))
      .where('task_id', '=', row.task_id)
      .executeTakeFirst();
    return trx
      .insertInto('oit_evidence')
      .values({ ...row, position: Number(last?.position ?? 0) + 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async deleteEvidence(trx: Transaction<Database>, id: number): Promise<void> {
    await trx.deleteFrom('oit_evidence').where('id', '=', id).execute();
  }

  async markApproved(trx: Transaction<Database>, checklistId: number, actorId: number): Promise<void> {
    await trx
      .updateTable('oit_checklists')
      .set({ approved_by: actorId, approved_at: now() })
      .where('id', '=', checklistId)
      .execute();
  }

  /** Every link URL of a checklist's items, for the link checker (which sees no actor). */
  async linkUrls(checklistId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('oit_evidence')
      .innerJoin('oit_tasks', 'oit_tasks.id', 'oit_evidence.task_id')
      .select('oit_evidence.url')
      .where('oit_tasks.checklist_id', '=', checklistId)
      .where('oit_evidence.kind', '=', 'link')
      .orderBy('oit_evidence.id')
      .execute();
    return [...new Set(rows.map((r) => r.url!).filter(Boolean))];
  }

  /** Checklists that hold at least one link: what the scheduled link check covers. */
  checklistsWithLinks(): Promise<{ agency_id: number; fiscal_year: number }[]> {
    return this.db
      .selectFrom('oit_checklists')
      .select(['oit_checklists.agency_id', 'oit_checklists.fiscal_year'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('oit_evidence')
            .innerJoin('oit_tasks', 'oit_tasks.id', 'oit_evidence.task_id')
            .select('oit_evidence.id')
            .whereRef('oit_tasks.checklist_id', '=', 'oit_checklists.id')
            .where('oit_evidence.kind', '=', 'link'),
        ),
      )
      .orderBy('oit_checklists.agency_id')
      .execute();
  }

  /** `agency/file` names of every stored OIT document. */
  async storedNames(): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('oit_evidence')
      .select(['agency_id', 'stored_name'])
      .where('stored_name', 'is not', null)
      .execute();
    return new Set(rows.map((r) => `${r.agency_id}/${r.stored_name}`));
  }

  private async views(checklistId: number, code?: string): Promise<TaskView[]> {
    let query = this.db.selectFrom('oit_tasks').selectAll().where('checklist_id', '=', checklistId);
    if (code !== undefined) query = query.where('item_code', '=', code);
    const tasks = await query.orderBy('id').execute();
    if (!tasks.length) return [];
    const ids = tasks.map((t) => t.id);
    const [divisions, evidence] = await Promise.all([
      this.db.selectFrom('oit_task_divisions').selectAll().where('task_id', 'in', ids).orderBy('division_id').execute(),
      this.db.selectFrom('oit_evidence').selectAll().where('task_id', 'in', ids).orderBy('position').orderBy('id').execute(),
    ]);
    return tasks.map((task) => ({
      task,
      divisions: divisions.filter((d) => d.task_id === task.id).map((d) => d.division_id),
      evidence: evidence.filter((e) => e.task_id === task.id),
    }));
  }
}

const readinessColumn: Record<ReadinessSort, SortColumn> = {
  code: { column: 'agencies.code', notNull: true },
  name: { column: 'agencies.name_th', notNull: true },
  ready: { column: 'oit_readiness.ready' },
  atRisk: { column: 'oit_readiness.at_risk' },
  missing: { column: 'oit_readiness.missing' },
  oit: { column: 'oit_readiness.oit_low' },
  ita: { column: 'oit_readiness.ita_low' },
  dueDate: { column: 'oit_readiness.due_date' },
};

export type ReadinessRow = Omit<OitReadinessTable, 'updated_at' | 'survey_responses'>;

/** A noted agency-year that still has its checklist (one removed since is no longer kept). */
const hasChecklist = sql<SqlBool>`exists (select 1 from oit_checklists c
  where c.agency_id = readiness_changes.agency_id and c.fiscal_year = readiness_changes.fiscal_year)`;

/** Whether the database noted a change to an agency-year in scope since it was kept, as a column. */
const staleIn = (db: Executor, fiscalYear: number, scope: readonly number[] | undefined) =>
  db
    .selectFrom('readiness_changes')
    .select(sql<number>`1`.as('noted'))
    .where('readiness_changes.fiscal_year', '=', fiscalYear)
    .where(within('readiness_changes.agency_id', scope))
    .where(hasChecklist)
    .limit(1)
    .as('stale');

/** The whole country's readiness sums of a year as the database keeps them (migration 0034), and whether any is stale: one row. */
function keptTotals(db: Executor, fiscalYear: number) {
  return db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('one'))
    .leftJoin('readiness_totals as t', (join) => join.on('t.fiscal_year', '=', fiscalYear))
    .select([
      't.agencies',
      't.ready',
      't.at_risk',
      't.missing',
      sql<number | string | null>`t.oit_low_hundredths / 100.0 / nullif(t.agencies, 0)`.as('oit_low'),
      sql<number | string | null>`t.oit_high_hundredths / 100.0 / nullif(t.agencies, 0)`.as('oit_high'),
      't.all_ready',
      't.with_missing',
      staleIn(db, fiscalYear, undefined),
    ])
    .executeTakeFirstOrThrow();
}

/** A part of the tree's readiness sums of a year, summed over its kept rows' covering index, and whether any is stale. */
function liveTotals(db: Executor, fiscalYear: number, scope: readonly number[]) {
  return db
    .selectFrom('oit_readiness')
    .where('oit_readiness.fiscal_year', '=', fiscalYear)
    .where(within('oit_readiness.agency_id', scope))
    .select([
      (eb) => eb.fn.countAll<number | string>().as('agencies'),
      (eb) => eb.fn.sum<number | string | null>('oit_readiness.ready').as('ready'),
      (eb) => eb.fn.sum<number | string | null>('oit_readiness.at_risk').as('at_risk'),
      (eb) => eb.fn.sum<number | string | null>('oit_readiness.missing').as('missing'),
      (eb) => eb.fn.avg<number | string | null>('oit_readiness.oit_low').as('oit_low'),
      (eb) => eb.fn.avg<number | string | null>('oit_readiness.oit_high').as('oit_high'),
      sql<number | string>`sum(case when oit_readiness.missing = 0 and oit_readiness.at_risk = 0 then 1 else 0 end)`.as(
        'all_ready',
      ),
      sql<number | string>`sum(case when oit_readiness.missing > 0 then 1 else 0 end)`.as('with_missing'),
      staleIn(db, fiscalYear, scope),
    ])
    .executeTakeFirstOrThrow();
}

/** The kept readiness of agency-years: written with the checklist's changes, read a page at a time. */
export class ReadinessRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Keeps the row, with how many responses the agency-year's survey rounds have counted now, as read
   * at `readAt` (taken before its figures were read): a row kept since by a later reading (a change's
   * own transaction, while a city-wide read was computing) is left as it is.
   */
  async keep(row: ReadinessRow, readAt: string): Promise<void> {
    const { agency_id: _a, fiscal_year: _y, ...figures } = row;
    const updated_at = readAt;
    const counted = sql<number>`(select coalesce(sum(sc.responses), 0) from survey_counts sc
      inner join survey_rounds sr on sr.id = sc.round_id
      where sr.agency_id = ${row.agency_id} and sr.fiscal_year = ${row.fiscal_year})`;
    await this.db
      .insertInto('oit_readiness')
      .values({ ...row, survey_responses: counted, updated_at })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'fiscal_year'])
          .doUpdateSet({ ...figures, survey_responses: counted, updated_at })
          .where('oit_readiness.updated_at', '<=', readAt),
      )
      .execute();
  }

  /**
   * The agency-years in scope whose readiness is not kept yet, or was kept before what it reads
   * changed elsewhere (a finished link check, results of the year or the year before, a survey round
   * opened or closed, or responses counted): those the database has noted since.
   */
  async stale(fiscalYear: number, scope: readonly number[] | undefined, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('readiness_changes')
      .select('agency_id')
      .distinct()
      .where('fiscal_year', '=', fiscalYear)
      .where(within('agency_id', scope))
      .where(hasChecklist)
      .orderBy('agency_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.agency_id);
  }

  /** How many agency-years in scope are stale, as `stale` finds them. */
  async countStale(fiscalYear: number, scope: readonly number[] | undefined): Promise<number> {
    const { n } = await this.db
      .selectFrom('readiness_changes')
      .select(sql<number | string>`count(distinct agency_id)`.as('n'))
      .where('fiscal_year', '=', fiscalYear)
      .where(within('agency_id', scope))
      .where(hasChecklist)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /**
   * Takes what was noted of an agency-year before it is kept again (in the keeping's transaction,
   * before it reads): a change committed after this stays noted for the next keeping.
   */
  async take(agencyId: number, fiscalYear: number): Promise<void> {
    await this.db
      .deleteFrom('readiness_changes')
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .execute();
  }

  /** The fiscal years with stale readiness, newest first. */
  async staleYears(): Promise<number[]> {
    const rows = await this.db
      .selectFrom('readiness_changes')
      .select('fiscal_year')
      .distinct()
      .where(hasChecklist)
      .orderBy('fiscal_year', 'desc')
      .execute();
    return rows.map((r) => r.fiscal_year);
  }

  /**
   * A page of the kept readiness of a year, with how many match, the group's sums and whether any
   * agency-year in scope is stale: two queries, a third to count matches only when filtered
   * (otherwise the sums hold it). The whole country's sums are kept by the database (0034); a part
   * of the tree's are read from the kept figures' covering index alone (0029).
   */
  async page(
    fiscalYear: number,
    scope: readonly number[] | undefined,
    page: Page<ReadinessSort> & { state?: (typeof READINESS_STATES)[number] | undefined },
  ) {
    const base = this.db
      .selectFrom('oit_readiness')
      .innerJoin('agencies', 'agencies.id', 'oit_readiness.agency_id')
      .where('oit_readiness.fiscal_year', '=', fiscalYear)
      .where(within('oit_readiness.agency_id', scope));
    const filtered = base.where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (page.q) conditions.push(agencyContains(page.q));
      if (page.state === 'missing') conditions.push(eb('oit_readiness.missing', '>', 0));
      if (page.state === 'at-risk') {
        conditions.push(eb.and([eb('oit_readiness.missing', '=', 0), eb('oit_readiness.at_risk', '>', 0)]));
      }
      if (page.state === 'ready') {
        conditions.push(eb.and([eb('oit_readiness.missing', '=', 0), eb('oit_readiness.at_risk', '=', 0)]));
      }
      return eb.and(conditions);
    });
    const [rows, count, summary] = await Promise.all([
      filtered
        .selectAll('oit_readiness')
        .select(['agencies.code', 'agencies.slug', 'agencies.name_th'])
        .orderBy(orderSql(readinessColumn[page.sort], page.order, 'agencies.code'))
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      page.q || page.state ? filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow() : null,
      scope === undefined ? keptTotals(this.db, fiscalYear) : liveTotals(this.db, fiscalYear, scope),
    ]);
    const { stale, ...sums } = summary;
    return { rows, total: Number(count ? count.n : sums.agencies), summary: sums, stale: stale !== null };
  }
}

const linkCheckColumn: Record<LinkCheckSort, SortColumn> = {
  code: { column: 'agencies.code', notNull: true },
  name: { column: 'agencies.name_th', notNull: true },
  total: { column: 'k.total' },
  passed: { column: 'k.passed' },
  failed: { column: sql`k.checked - k.passed` },
  finishedAt: { column: 'k.finished_at' },
};

/**
 * A page of each agency's latest finished link check of a year, with the group's sums: two queries
 * over the kept latest runs (migration 0032), never the runs themselves, whatever their number; a
 * third counts the matches only when filtered (otherwise the sums hold it). The sums read the kept
 * figures from their index alone.
 */
export async function linkCheckPage(
  db: Executor,
  fiscalYear: number,
  scope: readonly number[] | undefined,
  page: Page<LinkCheckSort> & { failing?: boolean | undefined },
) {
  const filtered = db
    .selectFrom('link_check_latest as k')
    .innerJoin('agencies', 'agencies.id', 'k.agency_id')
    .where('k.fiscal_year', '=', fiscalYear)
    .where(within('k.agency_id', scope))
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (page.q) conditions.push(agencyContains(page.q));
      if (page.failing) conditions.push(sql<SqlBool>`k.passed < k.checked`);
      return eb.and(conditions);
    });
  const [rows, count, summary] = await Promise.all([
    filtered
      .selectAll('k')
      .select(['agencies.slug', 'agencies.name_th'])
      .orderBy(orderSql(linkCheckColumn[page.sort], page.order, 'agencies.code'))
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    page.q || page.failing ? filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow() : null,
    db
      .selectFrom('link_check_latest as k')
      .where('k.fiscal_year', '=', fiscalYear)
      .where(within('k.agency_id', scope))
      .select([
        (eb) => eb.fn.countAll<number | string>().as('agencies'),
        (eb) => eb.fn.sum<number | string | null>('k.checked').as('checked'),
        (eb) => eb.fn.sum<number | string | null>('k.passed').as('passed'),
        sql<number | string>`sum(case when k.passed < k.checked then 1 else 0 end)`.as('failing'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count ? count.n : summary.agencies), summary };
}
