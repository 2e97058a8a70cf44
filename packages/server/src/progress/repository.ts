import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import { lockRow } from '../db/locks.js';
import type {
  Database,
  EvidenceFile,
  MeasureEntry,
  MeasurePlan,
  ProgressReport,
  ProgressRound,
  ReportPart,
} from '../db/schema.js';
import { findEntry, findPlanById, listEntries } from '../measures/repository.js';
import { listDivisions } from '../agencies/repository.js';
import { entryDivisions, narrativeWithParts } from './entries.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** What a report's policy looks at: its agency and the entry's responsible divisions. */
export const reportTarget = (agencyId: number, entry: MeasureEntry) => ({ agencyId, divisions: entryDivisions(entry) });

export interface RoundScope {
  agencyId: number;
  plan: MeasurePlan;
  round: ProgressRound;
}

export interface ReportScope extends RoundScope {
  entry: MeasureEntry;
  report: ProgressReport | undefined;
}

/**
 * Every read and write of progress reports, their evidence and the round's revisions. The
 * progress service authorises and audits each use case (`access.ts` reads rounds, entries and
 * revisions as the policy lets an actor see them).
 */
export class ProgressRepository {
  /** Over the database, or over a transaction to read inside one. */
  constructor(private readonly db: Executor) {}

  /** The database or transaction this repository reads through. */
  get executor(): Executor {
    return this.db;
  }

  /** A plan's round of a kind (6 or 12 months), if it exists. */
  roundOfPlan(planId: number, kind: number): Promise<ProgressRound | undefined> {
    return this.db
      .selectFrom('progress_rounds')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('round', '=', kind)
      .executeTakeFirst();
  }

  /** Every entry the round shows, for counts that name no content (completeness per division). */
  async roundEntries(scope: RoundScope): Promise<MeasureEntry[]> {
    const entries = await listEntries(this.db, scope.plan.id);
    const approvedAt = scope.round.status === 'approved' ? scope.round.approved_at : null;
    return approvedAt ? entries.filter((e) => e.created_at <= approvedAt) : entries;
  }

  /** The reports of the given entries in a round, by entry id. */
  async reportsOf(round: ProgressRound, entries: MeasureEntry[]): Promise<Map<number, ProgressReport>> {
    if (entries.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .where('round_id', '=', round.id)
      .where(
        'entry_id',
        'in',
        entries.map((e) => e.id),
      )
      .execute();
    return new Map(rows.map((r) => [r.entry_id, r]));
  }

  /** The division parts of the given reports (measures shared by several divisions). */
  async partsOf(reports: ProgressReport[]): Promise<ReportPart[]> {
    if (reports.length === 0) return [];
    return this.db
      .selectFrom('report_parts')
      .selectAll()
      .where(
        'report_id',
        'in',
        reports.map((r) => r.id),
      )
      .orderBy('division_id')
      .execute();
  }

  /** Each report's narrative as documents and open data print it: its own text, then each division's sent part. */
  async narrativesOf(agencyId: number, reports: ProgressReport[]): Promise<Map<number, string>> {
    const parts = await this.partsOf(reports);
    const divisions = parts.length > 0 ? await listDivisions(this.db, agencyId) : [];
    return new Map(
      reports.map((r) => [
        r.id,
        narrativeWithParts(
          r.narrative,
          parts.filter((p) => p.report_id === r.id),
          divisions,
        ),
      ]),
    );
  }

  /**
   * Runs a change of one division's part of a shared measure, in the transaction of
   * `changeReport` (which holds the round and makes the report on first write); the part row
   * is made on first write.
   */
  async changePart<T>(
    actor: Actor,
    scope: ReportScope,
    divisionId: number,
    locked: () => Error,
    change: (trx: Transaction<Database>, report: ProgressReport, part: ReportPart | undefined) => Promise<T>,
  ): Promise<T> {
    return this.changeReport(actor, scope, locked, async (trx, report) => {
      await lockRow(trx, 'progress_reports', report.id);
      const part = await trx
        .selectFrom('report_parts')
        .selectAll()
        .where('report_id', '=', report.id)
        .where('division_id', '=', divisionId)
        .executeTakeFirst();
      return change(trx, report, part);
    });
  }

  async savePart(
    trx: Transaction<Database>,
    reportId: number,
    divisionId: number,
    values: Pick<ReportPart, 'status' | 'narrative' | 'submitted_at' | 'updated_by' | 'updated_at'>,
  ): Promise<ReportPart> {
    const existing = await trx
      .selectFrom('report_parts')
      .select('id')
      .where('report_id', '=', reportId)
      .where('division_id', '=', divisionId)
      .executeTakeFirst();
    if (existing) {
      return trx.updateTable('report_parts').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
    }
    return trx
      .insertInto('report_parts')
      .values({ report_id: reportId, division_id: divisionId, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Sends a shared measure's report to review once every responsible division has sent its part
   * (call inside `changePart`); answers the report's review state after, and whether it was sent now.
   */
  async submitWhenAllPartsSent(
    trx: Transaction<Database>,
    actor: Actor,
    report: ProgressReport,
    divisions: number[],
  ): Promise<{ review: string; sent: boolean }> {
    const parts = await trx.selectFrom('report_parts').selectAll().where('report_id', '=', report.id).execute();
    const complete = divisions.every((id) => parts.some((p) => p.division_id === id && p.submitted_at !== null));
    if (!complete || (report.review !== 'draft' && report.review !== 'returned')) return { review: report.review, sent: false };
    await this.updateReport(trx, report.id, { review: 'submitted', updated_by: actor.id, updated_at: now() });
    return { review: 'submitted', sent: true };
  }

  /** Evidence of the given reports, in their order. */
  async evidenceOf(reports: ProgressReport[]): Promise<EvidenceFile[]> {
    if (reports.length === 0) return [];
    return this.db
      .selectFrom('evidence_files')
      .selectAll()
      .where(
        'report_id',
        'in',
        reports.map((r) => r.id),
      )
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** The approved revisions of a round, oldest first, with their snapshots. */
  async revisions(scope: RoundScope) {
    const rows = await this.db
      .selectFrom('progress_revisions')
      .selectAll()
      .where('round_id', '=', scope.round.id)
      .orderBy('revision')
      .execute();
    return rows.map((row) => ({
      revision: row.revision,
      createdAt: row.created_at,
      createdBy: row.created_by,
      snapshot: JSON.parse(row.snapshot) as unknown,
    }));
  }

  /** An entry with its plan, if both exist. */
  async entryOf(entryId: number): Promise<{ entry: MeasureEntry; plan: MeasurePlan } | undefined> {
    const entry = await findEntry(this.db, entryId);
    const plan = entry ? await findPlanById(this.db, entry.plan_id) : undefined;
    return entry && plan ? { entry, plan } : undefined;
  }

  /** One entry's report in a round (undefined before its first write). */
  async reportIn(plan: MeasurePlan, entry: MeasureEntry, kind: number): Promise<ReportScope | undefined> {
    const round = await this.roundOfPlan(plan.id, kind);
    if (!round) return undefined;
    const report = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .where('round_id', '=', round.id)
      .where('entry_id', '=', entry.id)
      .executeTakeFirst();
    return { agencyId: plan.agency_id, plan, round, entry, report };
  }

  /**
   * Runs a change of one report in a transaction that holds the round, so it cannot land in a
   * round approved meanwhile; the report row is made on first write, once, however many
   * first writes race.
   */
  async changeReport<T>(
    actor: Actor,
    scope: ReportScope,
    locked: () => Error,
    change: (trx: Transaction<Database>, report: ProgressReport, created: boolean) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'progress_rounds', scope.round.id);
      const round = await this.roundOf(trx, scope.plan.id, scope.round.round);
      if (round.status !== 'open') throw locked();
      const existing = await this.findReport(trx, round.id, scope.entry.id);
      if (existing) return change(trx, existing, false);
      const created = await trx
        .insertInto('progress_reports')
        .values({
          round_id: round.id,
          entry_id: scope.entry.id,
          status: 'not-started',
          reason: null,
          narrative: '',
          review: 'draft',
          review_comment: null,
          updated_by: actor.id,
          updated_at: now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return change(trx, created, true);
    });
  }

  updateReport(trx: Transaction<Database>, id: number, changes: Partial<Omit<ProgressReport, 'id'>>) {
    return trx.updateTable('progress_reports').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** The next evidence position of a report; call inside `changeReport`, which holds the round. */
  async nextEvidencePosition(trx: Transaction<Database>, reportId: number): Promise<number> {
    await lockRow(trx, 'progress_reports', reportId);
    const row = await trx
      .selectFrom('evidence_files')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  insertEvidence(trx: Transaction<Database>, file: Omit<EvidenceFile, 'id'>) {
    return trx.insertInto('evidence_files').values(file).returningAll().executeTakeFirstOrThrow();
  }

  updateEvidence(trx: Transaction<Database>, id: number, changes: Partial<Pick<EvidenceFile, 'caption' | 'link' | 'position'>>) {
    return trx.updateTable('evidence_files').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async deleteEvidence(trx: Transaction<Database>, id: number): Promise<void> {
    await trx.deleteFrom('evidence_files').where('id', '=', id).execute();
  }

  /** Whether a plan's round is approved (the calendar's milestone state; no actor: it shows no content). */
  async isApproved(planId: number, kind: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('progress_rounds')
      .select('status')
      .where('plan_id', '=', planId)
      .where('round', '=', kind)
      .executeTakeFirst();
    return row?.status === 'approved';
  }

  /** An evidence file with its report's scope; undefined if the file, its entry or its plan is gone. */
  async evidence(id: number): Promise<(ReportScope & { file: EvidenceFile }) | undefined> {
    const file = await this.db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!file) return undefined;
    const report = await this.db
      .selectFrom('progress_reports')
      .selectAll()
      .where('id', '=', file.report_id)
      .executeTakeFirstOrThrow();
    const entry = await findEntry(this.db, report.entry_id);
    const plan = entry ? await findPlanById(this.db, entry.plan_id) : undefined;
    if (!entry || !plan) return undefined;
    const round = await this.db
      .selectFrom('progress_rounds')
      .selectAll()
      .where('id', '=', report.round_id)
      .executeTakeFirstOrThrow();
    return { agencyId: file.agency_id, plan, round, entry, report, file };
  }

  /** Changes or removes one evidence file in a transaction that holds its open round. */
  async changeEvidence<T>(
    scope: ReportScope & { file: EvidenceFile },
    refuse: { locked: () => Error; gone: () => Error },
    change: (trx: Transaction<Database>, file: EvidenceFile) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'progress_rounds', scope.round.id);
      const round = await trx
        .selectFrom('progress_rounds')
        .selectAll()
        .where('id', '=', scope.round.id)
        .executeTakeFirstOrThrow();
      if (round.status !== 'open') throw refuse.locked();
      const file = await trx.selectFrom('evidence_files').selectAll().where('id', '=', scope.file.id).executeTakeFirst();
      if (!file) throw refuse.gone();
      return change(trx, file);
    });
  }

  /** Approves or reopens a round: one transaction holding the round, audited. */
  async changeRound<T>(scope: RoundScope, change: (trx: Transaction<Database>, round: ProgressRound) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'progress_rounds', scope.round.id);
      return change(trx, await this.roundOf(trx, scope.plan.id, scope.round.round));
    });
  }

  /** Marks a round approved and keeps its revision; call inside `changeRound`. */
  async approve(trx: Transaction<Database>, actor: Actor, round: ProgressRound, snapshot: unknown) {
    const at = now();
    await trx
      .updateTable('progress_rounds')
      .set({ status: 'approved', approved_by: actor.id, approved_at: at })
      .where('id', '=', round.id)
      .execute();
    await trx
      .insertInto('progress_revisions')
      .values({
        round_id: round.id,
        revision: round.revision,
        snapshot: JSON.stringify(snapshot),
        created_by: actor.id,
        created_at: at,
      })
      .execute();
  }

  /** Opens an approved round again as its next revision; call inside `changeRound`. */
  async reopen(trx: Transaction<Database>, round: ProgressRound) {
    await trx
      .updateTable('progress_rounds')
      .set({ status: 'open', revision: round.revision + 1, approved_by: null, approved_at: null })
      .where('id', '=', round.id)
      .execute();
  }

  /** Files of evidence rows, for the sweep of orphans: every stored name still referenced. */
  async storedNames(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('evidence_files').select(['agency_id', 'stored_name', 'thumb_name']).execute();
    return new Set(
      rows.flatMap((r) => [`${r.agency_id}/${r.stored_name}`, ...(r.thumb_name ? [`${r.agency_id}/${r.thumb_name}`] : [])]),
    );
  }

  private findReport(db: Executor, roundId: number, entryId: number) {
    return db
      .selectFrom('progress_reports')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
  }

  /** A round known to exist (its scope was read before). */
  private roundOf(db: Executor, planId: number, kind: number): Promise<ProgressRound> {
    return db
      .selectFrom('progress_rounds')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('round', '=', kind)
      .executeTakeFirstOrThrow();
  }
}
