import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  predictOit,
  readinessOf,
  type OitPrediction,
  type OitReadiness,
  type SurveyBasis,
  defaultOitDueDate,
  oitBoard,
  oitChecklist,
  isOitOverdue,
  type CompiledFramework,
  type OitTaskStatus,
} from '@prongsai/core';
import { listDivisions } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, overseen, policies, type Actor } from '../auth/policy.js';
import { lockRow } from '../db/locks.js';
import type { Agency, Database, OitChecklist, OitEvidence } from '../db/schema.js';
import { now } from '../db/database.js';
import { loadFramework } from '../frameworks/registry.js';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.js';
import { EvidenceStore } from '../evidence/store.js';
import { PublicationRepository } from '../publications/repository.js';
import { presentPublication } from '../publications/service.js';
import { frameworkForAgency, oitYearsFor } from '../frameworks/for-agency.js';
import { findAssessment } from '../results/repository.js';
import { LinkRepository } from '../links/repository.js';
import { keptRun, presentResult, presentRun } from '../links/service.js';
import { processOitDocument, safeFileName } from './documents.js';
import { SurveyService } from '../surveys/service.js';
import { CalendarService } from '../calendar/service.js';
import { readableChecklist } from './access.js';
import {
  linkCheckPage,
  OitRepository,
  ReadinessRepository,
  taskTarget,
  type ChecklistScope,
  type TaskView,
} from './repository.js';
import type { Page } from '../db/page.js';
import type {
  checklistAbilitiesSchema,
  checklistSchema,
  evidenceSchema,
  LinkCheckSort,
  READINESS_STATES,
  ReadinessSort,
  taskSchema,
} from './schemas.js';

/** What the transparency pages show: the items the executive approved, as they were then. */
export interface OitSnapshot {
  frameworkId: string;
  approvedAt: string;
  items: {
    code: string;
    indicator: number;
    subIndicator: string | null;
    name: string | null;
    requirement: string | null;
    documents: { id: number; title: string; note: string; fileName: string; mime: string; bytes: number }[];
    links: { id: number; title: string; note: string; url: string }[];
  }[];
}

const today = () => new Date().toISOString().slice(0, 10);

export function presentEvidence(row: OitEvidence): z.infer<typeof evidenceSchema> {
  return {
    id: row.id,
    kind: row.kind as 'file' | 'link',
    title: row.title,
    note: row.note,
    url: row.url,
    fileName: row.file_name,
    mime: row.mime,
    bytes: row.bytes,
    divisionId: row.division_id,
    createdAt: row.created_at,
  };
}

function itemOf(framework: CompiledFramework, code: string) {
  const item = framework.data.oitItems.find((i) => i.code === code);
  return {
    indicator: item?.indicator ?? 0,
    subIndicator: item?.subIndicator ?? null,
    name: item?.name?.th ?? null,
    requirement: item?.disclosure?.th ?? null,
  };
}

/** What the actor may do with an agency's checklist of a year as a whole, by the checklist policy. */
export function checklistAbilities(actor: Actor, agencyId: number): z.infer<typeof checklistAbilitiesSchema> {
  const checklist = { agencyId };
  return {
    manage: allows(actor, 'oitChecklist', 'manage', checklist),
    approve: allows(actor, 'oitChecklist', 'approve', checklist),
    readWhole: allows(actor, 'oitChecklist', 'readWhole', checklist),
  };
}

/** Documents and links change only while the item is being prepared (to do, or returned). */
const preparing = (status: string) => status === 'todo' || status === 'returned';

export function presentTask(
  actor: Actor,
  framework: CompiledFramework,
  view: TaskView,
  /** Ids of the documents and links on the live transparency page: they are not removed while there. */
  published: ReadonlySet<number> = new Set(),
  on = today(),
): z.infer<typeof taskSchema> {
  const status = view.task.status as OitTaskStatus;
  const target = taskTarget(view);
  const edit = preparing(status) && allows(actor, 'oitTask', 'contribute', target);
  return {
    code: view.task.item_code,
    ...itemOf(framework, view.task.item_code),
    carry: view.task.carry as z.infer<typeof taskSchema>['carry'],
    status,
    dueDate: view.task.due_date,
    overdue: isOitOverdue({ code: view.task.item_code, status, dueDate: view.task.due_date, divisionIds: view.divisions }, on),
    divisions: view.divisions,
    comment: view.task.review_comment,
    updatedAt: view.task.updated_at,
    evidence: view.evidence.map((row) => ({
      ...presentEvidence(row),
      can: {
        remove:
          edit &&
          !published.has(row.id) &&
          allows(actor, 'oitTask', 'removeEvidence', { ...target, divisionId: row.division_id }),
      },
    })),
    can: { edit, review: allows(actor, 'oitChecklist', 'manage', { agencyId: view.task.agency_id }) },
  };
}

export function presentChecklist(
  actor: Actor,
  scope: ChecklistScope & { published?: ReadonlySet<number> },
  on = today(),
): z.infer<typeof checklistSchema> {
  const framework = loadFramework(scope.checklist.framework_id);
  const tasks = scope.tasks.map((view) => presentTask(actor, framework, view, scope.published, on));
  return {
    fiscalYear: scope.checklist.fiscal_year,
    frameworkId: scope.checklist.framework_id,
    approvedAt: scope.checklist.approved_at,
    items: tasks,
    board: oitBoard(
      tasks.map((t) => ({ code: t.code, status: t.status, dueDate: t.dueDate, divisionIds: t.divisions })),
      on,
    ),
    can: checklistAbilities(actor, scope.checklist.agency_id),
  };
}

const locked = (status: string) =>
  new HttpError(
    409,
    'oit-item-locked',
    `the item is ${status}; the secretariat must return it before its documents change`,
    status === 'accepted' ? 'ข้อนี้ผ่านการตรวจแล้วจึงแก้ไขไม่ได้ ต้องให้ผู้ดูแลส่งกลับก่อน' : 'ข้อนี้ส่งให้ผู้ดูแลตรวจแล้ว แก้ไขไม่ได้จนกว่าจะถูกส่งกลับ',
  );

/**
 * The OIT workspace of agencies: checklists opened from the framework, assignments, documents and
 * links from divisions, the secretariat's review and the executive's approval that publishes.
 */
/**
 * How many stale agency-years a city-wide read keeps again before it answers: enough for a change or
 * two since the last read; the rest (a national results import, the first read after an upgrade)
 * are the background refresh's, so no read waits on thousands.
 */
export const READINESS_KEPT_PER_READ = 20;

export class OitService {
  private readonly repository: OitRepository;
  private readonly store: EvidenceStore;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dataDir: string,
    /** The agency's quota; the store's configured one unless given. */
    quotaBytes?: number,
  ) {
    this.repository = new OitRepository(db);
    this.store = new EvidenceStore(dataDir, quotaBytes);
  }

  checklists(actor: Actor, agency: Agency): Promise<OitChecklist[]> {
    authorize(actor, 'oitChecklist', 'read', { agencyId: agency.id });
    return this.repository.checklistsOf(agency.id);
  }

  /** The agency's checklists, the years one can still be opened for (its kind's sets with OIT items), and what the actor may do. */
  async checklistYears(actor: Actor, agency: Agency) {
    const checklists = await this.checklists(actor, agency);
    const opened = new Set(checklists.map((c) => c.fiscal_year));
    return {
      checklists,
      openable: oitYearsFor(agency).filter((year) => !opened.has(year)),
      can: checklistAbilities(actor, agency.id),
    };
  }

  /** The checklist of a year with the tasks the actor may read; 404 if there is none or it is not theirs. */
  async checklist(actor: Actor, agency: Agency, fiscalYear: number): Promise<ChecklistScope & { published: Set<number> }> {
    const scope = await readableChecklist(this.repository, actor, agency.id, fiscalYear);
    return { ...scope, published: await this.publishedEvidence(agency.id, fiscalYear) };
  }

  /** One item of the checklist, if the actor may read it. */
  async task(actor: Actor, agency: Agency, fiscalYear: number, code: string) {
    const found = await readableTask(this.repository, actor, agency.id, fiscalYear, code);
    return { ...found, published: await this.publishedEvidence(agency.id, fiscalYear) };
  }

  /** The documents and links the live transparency page shows. */
  private async publishedEvidence(agencyId: number, fiscalYear: number): Promise<Set<number>> {
    const live = await this.liveSnapshot(agencyId, fiscalYear);
    return new Set(live?.items.flatMap((item) => [...item.documents, ...item.links].map((e) => e.id)) ?? []);
  }

  /** A document or link with its task, if the actor may read the task. */
  evidence(actor: Actor, id: number) {
    return readableEvidence(this.repository, actor, id);
  }

  /**
   * The year's board: the checklist with the tasks the actor may read, what is published, each
   * link's latest check and the latest run of checks.
   */
  async board(actor: Actor, agency: Agency, fiscalYear: number) {
    const scope = await this.checklist(actor, agency, fiscalYear);
    const live = await this.liveSnapshot(agency.id, fiscalYear);
    const urls = scope.tasks.flatMap((t) => t.evidence.filter((e) => e.url).map((e) => e.url!));
    const linkResults = new LinkRepository(this.db);
    const latest = new Map<string, ReturnType<typeof presentResult>>();
    for (const row of await linkResults.results(agency.id, fiscalYear, urls)) {
      if (!latest.has(row.url)) latest.set(row.url, presentResult(row));
    }
    const lastRun = await linkResults.latestRun(agency.id, fiscalYear);
    return { scope, live, latest, lastRun };
  }

  /** Each link of the items the actor may see, with its latest check and its history (newest first). */
  async links(actor: Actor, agency: Agency, fiscalYear: number) {
    const scope = await this.checklist(actor, agency, fiscalYear);
    const owners = new Map<string, string[]>();
    for (const view of scope.tasks) {
      for (const e of view.evidence) if (e.url) owners.set(e.url, [...(owners.get(e.url) ?? []), view.task.item_code]);
    }
    const rows = await new LinkRepository(this.db).results(agency.id, fiscalYear, [...owners.keys()]);
    return [...owners.entries()].map(([url, codes]) => {
      const history = rows.filter((r) => r.url === url).map(presentResult);
      return { url, items: codes, latest: history[0] ?? null, history: history.slice(0, 20) };
    });
  }

  /** City-wide: each agency's latest link check of a year. */
  async cityLinkChecks(actor: Actor, fiscalYear: number, page: Page<LinkCheckSort> & { failing?: boolean | undefined }) {
    authorize(actor, 'oitChecklist', 'readCity', undefined);
    const { rows, total, summary } = await linkCheckPage(this.db, fiscalYear, overseen(actor), page);
    return {
      total,
      rows: rows.map(({ slug, name_th, ...run }) => ({ agency: { slug, nameTh: name_th }, ...presentRun(keptRun(run)) })),
      agencies: Number(summary.agencies),
      checked: Number(summary.checked ?? 0),
      passed: Number(summary.passed ?? 0),
      failing: Number(summary.failing),
    };
  }

  /** The fiscal years any agency overseen has a checklist of, newest first (the city-wide view). */
  years(actor: Actor): Promise<number[]> {
    authorize(actor, 'oitChecklist', 'readCity', undefined);
    return this.repository.years(overseen(actor));
  }

  /**
   * Opens the year's checklist from its framework, carrying last year's divisions over by the
   * framework's mapping; every item due on the calendar's date for OIT evidence.
   */
  async open(actor: Actor | null, agency: Agency, fiscalYear: number, frameworkId?: string): Promise<OitChecklist> {
    if (actor) authorize(actor, 'oitChecklist', 'manage', { agencyId: agency.id });
    const framework = frameworkForAgency(agency, fiscalYear, frameworkId);
    if (!framework.data.oitItems.length) {
      throw badRequest(`framework ${framework.data.id} has no OIT items`, 'ชุดคำถามนี้ไม่มีข้อ OIT');
    }
    const previous = await this.repository.previousAssignments(agency.id, fiscalYear, (id, code) => {
      try {
        return itemOf(loadFramework(id), code).name;
      } catch {
        return null;
      }
    });
    // Due when the agency's calendar says OIT evidence is due (its own date, else the year's default),
    // so that the checklist and the memo that announces that date never disagree.
    const due =
      (await new CalendarService(this.db).milestones(null, agency, fiscalYear)).find((m) => m.milestone === 'oit-evidence')
        ?.dueOn ?? defaultOitDueDate(fiscalYear);
    const items = oitChecklist(framework, previous);
    await this.settleSurveys(agency.id, fiscalYear);
    return this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      if (await new OitRepository(trx).findChecklist(agency.id, fiscalYear)) {
        throw conflict('the checklist of this year is already open', 'เปิดรายการ OIT ของปีนี้ไว้แล้ว');
      }
      const checklist = await new OitRepository(trx).createChecklist(
        trx,
        { agencyId: agency.id, fiscalYear, frameworkId: framework.data.id, actorId: actor?.id ?? null },
        items.map((item) => ({ code: item.code, carry: item.carry, dueDate: due, divisionIds: item.divisionIds })),
      );
      await recordAudit(trx, {
        actorId: actor?.id ?? null,
        action: 'create',
        entity: 'oit-checklist',
        entityId: checklist.id,
        agencyId: agency.id,
        after: { fiscalYear, frameworkId: framework.data.id, items: items.length },
      });
      await this.keepReadiness(trx, agency.id, fiscalYear);
      return checklist;
    });
  }

  /** Assigns items to divisions and sets their due dates, several at once. */
  async assign(
    actor: Actor,
    agency: Agency,
    fiscalYear: number,
    change: { codes: string[]; divisions?: number[]; dueDate?: string | null },
  ): Promise<void> {
    authorize(actor, 'oitChecklist', 'manage', { agencyId: agency.id });
    const scope = await this.checklist(actor, agency, fiscalYear);
    const known = new Set((await listDivisions(this.db, agency.id)).map((d) => d.id));
    const strange = (change.divisions ?? []).filter((d) => !known.has(d));
    if (strange.length) throw badRequest(`divisions ${strange.join(', ')} are not of this agency`, 'มีฝ่ายที่ไม่ใช่ของหน่วยงานนี้');
    const views = change.codes.map((code) => {
      const view = scope.tasks.find((t) => t.task.item_code === code);
      if (!view) throw badRequest(`no item ${code} in the checklist`, `ไม่มีข้อ ${code} ในรายการ OIT ปีนี้`);
      return view;
    });
    await this.settleSurveys(agency.id, fiscalYear);
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      const repository = new OitRepository(trx);
      for (const view of views) {
        if (change.divisions) await repository.setDivisions(trx, view.task.id, [...new Set(change.divisions)]);
        if (change.dueDate !== undefined) await repository.updateTask(trx, view.task.id, actor.id, { dueDate: change.dueDate });
      }
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'assign',
        entity: 'oit-task',
        entityId: scope.checklist.id,
        agencyId: agency.id,
        before: views.map((v) => ({ code: v.task.item_code, divisions: v.divisions, dueDate: v.task.due_date })),
        after: { fiscalYear, codes: change.codes, divisions: change.divisions, dueDate: change.dueDate },
      });
      await this.keepReadiness(trx, agency.id, fiscalYear);
    });
  }

  /** Adds a document (file) or a link to an item, as one of its divisions or the secretariat. */
  async addEvidence(
    actor: Actor,
    agency: Agency,
    fiscalYear: number,
    code: string,
    input: { title: string; note: string } & ({ url: string } | { fileName: string; content: Buffer }),
  ): Promise<OitEvidence> {
    const { view } = await readableTask(this.repository, actor, agency.id, fiscalYear, code);
    authorize(actor, 'oitTask', 'contribute', taskTarget(view));
    if (view.task.status === 'submitted' || view.task.status === 'accepted') throw locked(view.task.status);
    let stored: { name: string; discard(): Promise<void> } | null = null;
    let file: { file_name: string; mime: string; bytes: number } | null = null;
    if ('content' in input) {
      const document = await processOitDocument(input.content);
      // Written first, recorded in a transaction that counts the agency's files under its quota.
      const name = `${randomUUID()}.${document.extension}`;
      stored = { name, discard: (await this.store.stage('oit', agency.id, [{ name, data: document.file }])).discard };
      file = { file_name: safeFileName(input.fileName, document.extension), mime: document.mime, bytes: document.file.length };
    }
    try {
      await this.settleSurveys(agency.id, fiscalYear);
      return await this.db.transaction().execute(async (trx) => {
        await lockRow(trx, 'agencies', agency.id);
        if (file) await this.store.reserve(trx, agency.id, file.bytes);
        const current = await readableTask(new OitRepository(trx), actor, agency.id, fiscalYear, code);
        if (current.view.task.status === 'submitted' || current.view.task.status === 'accepted') {
          throw locked(current.view.task.status);
        }
        const row = await new OitRepository(trx).insertEvidence(trx, {
          task_id: view.task.id,
          agency_id: agency.id,
          division_id: actor.role === 'division_editor' ? actor.divisionId : null,
          kind: file ? 'file' : 'link',
          title: input.title,
          note: input.note,
          url: 'url' in input ? input.url : null,
          stored_name: stored?.name ?? null,
          file_name: file?.file_name ?? null,
          mime: file?.mime ?? null,
          bytes: file?.bytes ?? 0,
          created_by: actor.id,
          created_at: new Date().toISOString(),
        });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'upload',
          entity: 'oit-evidence',
          entityId: row.id,
          agencyId: agency.id,
          after: { code, ...presentEvidence(row) },
        });
        await this.keepReadiness(trx, agency.id, fiscalYear);
        return row;
      });
    } catch (error) {
      // Nothing is kept of an upload that was not recorded.
      if (stored) await stored.discard();
      throw error;
    }
  }

  /** Removes a document or link of an item still being prepared; one the public page shows is kept. */
  async removeEvidence(actor: Actor, id: number): Promise<void> {
    const { checklist, view, evidence } = await readableEvidence(this.repository, actor, id);
    authorize(actor, 'oitTask', 'contribute', taskTarget(view));
    // On an item shared by divisions, each division's documents are its own.
    if (!policies.oitTask.removeEvidence(actor, { ...taskTarget(view), divisionId: evidence.division_id })) {
      throw new HttpError(
        403,
        'forbidden',
        'the document was added by another division or by the secretariat; only they may remove it',
        'เอกสารนี้เป็นของฝ่ายอื่นหรือของผู้ดูแลหน่วยงาน ลบได้เฉพาะผู้ที่เพิ่มไว้',
      );
    }
    if (view.task.status === 'submitted' || view.task.status === 'accepted') throw locked(view.task.status);
    const live = await this.liveSnapshot(checklist.agency_id, checklist.fiscal_year);
    if (live?.items.some((item) => [...item.documents, ...item.links].some((e) => e.id === id))) {
      throw conflict(
        'the document is on the published transparency page; approve the checklist again without it first',
        'เอกสารนี้แสดงอยู่บนหน้าเผยแพร่ ต้องอนุมัติรายการใหม่โดยไม่มีเอกสารนี้ก่อนจึงลบได้',
      );
    }
    await this.settleSurveys(checklist.agency_id, checklist.fiscal_year);
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', checklist.agency_id);
      await new OitRepository(trx).deleteEvidence(trx, id);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'delete',
        entity: 'oit-evidence',
        entityId: id,
        agencyId: checklist.agency_id,
        before: { code: view.task.item_code, ...presentEvidence(evidence) },
      });
      await this.keepReadiness(trx, checklist.agency_id, checklist.fiscal_year);
    });
    if (evidence.stored_name) {
      await this.store.remove('oit', evidence.agency_id, evidence.stored_name);
    }
  }

  /** Moves an item along: a division sends it, the secretariat accepts it or returns it with a comment. */
  async transition(
    actor: Actor,
    agency: Agency,
    fiscalYear: number,
    code: string,
    action: 'submit' | 'accept' | 'return',
    comment: string | null,
  ): Promise<void> {
    const { view } = await readableTask(this.repository, actor, agency.id, fiscalYear, code);
    if (action === 'submit') authorize(actor, 'oitTask', 'contribute', taskTarget(view));
    else authorize(actor, 'oitChecklist', 'manage', { agencyId: agency.id });
    const from = view.task.status as OitTaskStatus;
    const allowed: Record<typeof action, OitTaskStatus[]> = {
      submit: ['todo', 'returned'],
      accept: ['todo', 'returned', 'submitted'],
      return: ['submitted', 'accepted'],
    };
    if (!allowed[action].includes(from)) {
      throw conflict(`an item that is ${from} cannot be ${action}ed`, 'สถานะของข้อนี้ไม่อนุญาตให้ทำรายการนี้');
    }
    if (action !== 'return' && view.evidence.length === 0) {
      throw badRequest('the item has no document or link yet', 'ข้อนี้ยังไม่มีเอกสารหรือลิงก์');
    }
    if (action === 'return' && !comment?.trim()) {
      throw badRequest('say why the item is returned', 'กรุณาระบุเหตุผลที่ส่งกลับ');
    }
    const to: OitTaskStatus = action === 'submit' ? 'submitted' : action === 'accept' ? 'accepted' : 'returned';
    await this.settleSurveys(agency.id, fiscalYear);
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      const current = await readableTask(new OitRepository(trx), actor, agency.id, fiscalYear, code);
      if (current.view.task.status !== from) throw conflict('the item changed meanwhile', 'ข้อนี้ถูกเปลี่ยนสถานะไปแล้ว กรุณาโหลดใหม่');
      await new OitRepository(trx).updateTask(trx, view.task.id, actor.id, {
        status: to,
        comment: action === 'return' ? comment!.trim() : action === 'accept' ? null : undefined,
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action,
        entity: 'oit-task',
        entityId: view.task.id,
        agencyId: agency.id,
        before: { code, status: from },
        after: { fiscalYear, code, status: to, comment: action === 'return' ? comment : undefined },
      });
      await this.keepReadiness(trx, agency.id, fiscalYear);
    });
  }

  /**
   * The executive approves the checklist as it stands: the accepted items, with their documents
   * and links, become the agency's published transparency page of the year (replacing the last).
   */
  async approve(actor: Actor, agency: Agency, fiscalYear: number) {
    authorize(actor, 'oitChecklist', 'approve', { agencyId: agency.id });
    return this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      const repository = new OitRepository(trx);
      const checklist = await repository.findChecklist(agency.id, fiscalYear);
      if (!checklist) throw badRequest('no OIT checklist for this year', 'ยังไม่มีรายการ OIT ของปีนี้');
      const framework = loadFramework(checklist.framework_id);
      const accepted = (await repository.allTasks(checklist.id)).filter((view) => view.task.status === 'accepted');
      if (!accepted.length) {
        throw conflict('no item is accepted yet; nothing would be published', 'ยังไม่มีข้อที่ผ่านการตรวจ จึงยังไม่มีสิ่งที่จะเผยแพร่');
      }
      const approvedAt = new Date().toISOString();
      const snapshot: OitSnapshot = {
        frameworkId: checklist.framework_id,
        approvedAt,
        items: accepted.map((view) => ({
          code: view.task.item_code,
          ...itemOf(framework, view.task.item_code),
          documents: view.evidence
            .filter((e) => e.kind === 'file')
            .map((e) => ({ id: e.id, title: e.title, note: e.note, fileName: e.file_name!, mime: e.mime!, bytes: e.bytes })),
          links: view.evidence
            .filter((e) => e.kind === 'link')
            .map((e) => ({ id: e.id, title: e.title, note: e.note, url: e.url! })),
        })),
      };
      await repository.markApproved(trx, checklist.id, actor.id);
      const { publication, replaced } = await new PublicationRepository(trx).publish(
        trx,
        actor.id,
        { agencyId: agency.id, kind: 'oit', fiscalYear, round: null },
        snapshot,
      );
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'publish',
        entity: 'publication',
        entityId: publication.id,
        agencyId: agency.id,
        before: replaced ? presentPublication(replaced) : undefined,
        after: { ...presentPublication(publication), items: snapshot.items.map((i) => i.code) },
      });
      return { publication: presentPublication(publication), items: snapshot.items.length };
    });
  }

  /**
   * The checklist's readiness and the predicted OIT score, ITA range and level, with this year's
   * IIT/EIT results or, before they exist, last year's.
   */
  async prediction(
    actor: Actor | null,
    agency: Agency,
    fiscalYear: number,
  ): Promise<OitPrediction & { readiness: Record<string, OitReadiness>; dueDate: string }> {
    if (actor) authorize(actor, 'oitChecklist', 'readWhole', { agencyId: agency.id });
    return this.predictWith(this.db, agency.id, fiscalYear, await this.surveyBasis(agency.id, fiscalYear));
  }

  /** The prediction read through the executor given (a transaction's), from the survey basis given. */
  private async predictWith(
    db: Kysely<Database>,
    agencyId: number,
    fiscalYear: number,
    basis: SurveyBasis | null,
  ): Promise<OitPrediction & { readiness: Record<string, OitReadiness>; dueDate: string }> {
    const repository = new OitRepository(db);
    const checklist = await repository.findChecklist(agencyId, fiscalYear);
    if (!checklist) throw badRequest('no OIT checklist for this year', 'ยังไม่มีรายการ OIT ของปีนี้');
    const views = await repository.allTasks(checklist.id);
    const urls = views.flatMap((v) => v.evidence.filter((e) => e.url).map((e) => e.url!));
    const latest = new Map<string, boolean>();
    for (const row of await new LinkRepository(db).results(agencyId, fiscalYear, urls)) {
      if (!latest.has(row.url)) latest.set(row.url, row.ok === 1);
    }
    const readiness = new Map(
      views.map((view) => [
        view.task.item_code,
        readinessOf({
          status: view.task.status as OitTaskStatus,
          evidence: view.evidence.length,
          links: view.evidence.filter((e) => e.url).map((e) => latest.get(e.url!) ?? null),
        }),
      ]),
    );
    const prediction = predictOit(loadFramework(checklist.framework_id), readiness, basis);
    const dueDates = views
      .map((v) => v.task.due_date)
      .filter((d): d is string => d !== null)
      .sort();
    return { ...prediction, readiness: Object.fromEntries(readiness), dueDate: dueDates.at(-1) ?? defaultOitDueDate(fiscalYear) };
  }

  /**
   * Keeps the agency-year's readiness row as the checklist now stands, through the executor given
   * (the transaction of the change), from the survey basis read before it.
   */
  /**
   * Keeps an agency-year's readiness in the transaction given, which holds the agency's lock: what
   * was noted of it is taken first, then everything it reads is read in the transaction.
   */
  private async keepReadiness(db: Kysely<Database>, agencyId: number, fiscalYear: number) {
    await new ReadinessRepository(db).take(agencyId, fiscalYear);
    const basis = await this.surveyBasis(agencyId, fiscalYear, db);
    const readAt = now();
    const p = await this.predictWith(db, agencyId, fiscalYear, basis);
    await new ReadinessRepository(db).keep(
      {
        agency_id: agencyId,
        fiscal_year: fiscalYear,
        ready: p.counts.ready,
        at_risk: p.counts['at-risk'],
        missing: p.counts.missing,
        oit_low: p.oit.low,
        oit_high: p.oit.high,
        ita_low: p.ita?.low ?? null,
        ita_high: p.ita?.high ?? null,
        level_low: p.level.low?.name.th ?? null,
        level_high: p.level.high?.name.th ?? null,
        basis: p.basis,
        due_date: p.dueDate,
      },
      readAt,
    );
  }

  /** Keeps a stale agency-year again, under the agency's lock as the checklist's own changes are. */
  private async keepStale(agencyId: number, fiscalYear: number): Promise<void> {
    await this.settleSurveys(agencyId, fiscalYear);
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agencyId);
      await this.keepReadiness(trx, agencyId, fiscalYear);
    });
  }

  /**
   * Counts the responses waiting in the year's closed self-assessment rounds (which only the survey
   * service may, outside a transaction): counting notes the change, so the keeping that follows reads it.
   */
  private async settleSurveys(agencyId: number, fiscalYear: number): Promise<void> {
    await new SurveyService(this.db).selfAssessedScores(agencyId, fiscalYear);
  }

  /**
   * City-wide: a page of the agencies' kept checklist readiness of a year, for central oversight
   * before the OIT deadline, with the group's sums. Agency-years not kept yet, or kept before a link
   * check, results or a survey round changed what they read, are kept again first, up to
   * READINESS_KEPT_PER_READ of them.
   */
  async cityReadiness(
    actor: Actor,
    fiscalYear: number,
    page: Page<ReadinessSort> & { state?: (typeof READINESS_STATES)[number] | undefined },
  ) {
    authorize(actor, 'cityResults', 'read', undefined);
    const scope = overseen(actor);
    const kept = new ReadinessRepository(this.db);
    // The page says whether anything in scope is stale: only then is it kept and read again.
    let found = await kept.page(fiscalYear, scope, page);
    let pending = 0;
    if (found.stale) {
      const stale = await kept.stale(fiscalYear, scope, READINESS_KEPT_PER_READ);
      for (const agencyId of stale) await this.keepStale(agencyId, fiscalYear);
      pending = stale.length < READINESS_KEPT_PER_READ ? 0 : await kept.countStale(fiscalYear, scope);
      found = await kept.page(fiscalYear, scope, page);
    }
    const { rows, total, summary } = found;
    const n = (v: number | string | null) => Number(v ?? 0);
    const mean = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
    return {
      total,
      rows: rows.map((row) => ({
        agency: { slug: row.slug, code: row.code, nameTh: row.name_th },
        counts: { ready: row.ready, 'at-risk': row.at_risk, missing: row.missing },
        oit: { low: Number(row.oit_low), high: Number(row.oit_high) },
        ita: row.ita_low === null || row.ita_high === null ? null : { low: Number(row.ita_low), high: Number(row.ita_high) },
        level: { low: row.level_low, high: row.level_high },
        basis: row.basis,
        dueDate: row.due_date,
      })),
      agencies: n(summary.agencies),
      counts: { ready: n(summary.ready), 'at-risk': n(summary.at_risk), missing: n(summary.missing) },
      allReady: n(summary.all_ready),
      withMissing: n(summary.with_missing),
      oit: summary.oit_low === null ? null : { low: mean(summary.oit_low)!, high: mean(summary.oit_high)! },
      pending,
    };
  }

  /**
   * Keeps again up to `limit` stale agency-years, newest year first, whoever oversees them: the
   * background refresh (oit/readiness-refresh.ts). Answers how many it kept.
   */
  async refreshStaleReadiness(limit: number): Promise<number> {
    const kept = new ReadinessRepository(this.db);
    let done = 0;
    for (const fiscalYear of await kept.staleYears()) {
      if (done >= limit) break;
      for (const agencyId of await kept.stale(fiscalYear, undefined, limit - done)) {
        await this.keepStale(agencyId, fiscalYear);
        done++;
      }
    }
    return done;
  }

  /**
   * This year's official IIT/EIT scores; before they exist, this year's self-assessment rounds
   * (both tools answered); else last year's official scores.
   */
  private async surveyBasis(agencyId: number, fiscalYear: number, db: Kysely<Database> = this.db): Promise<SurveyBasis | null> {
    const official = async (year: number): Promise<SurveyBasis | null> => {
      const assessment = await findAssessment(db, agencyId, year);
      return assessment && assessment.iit !== null && assessment.eit !== null
        ? { scores: { IIT: assessment.iit, EIT: assessment.eit }, source: `ผลการประเมิน IIT/EIT ปีงบประมาณ พ.ศ. ${year}` }
        : null;
    };
    return (
      (await official(fiscalYear)) ??
      (await new SurveyService(db).selfAssessedScores(agencyId, fiscalYear)) ??
      (await official(fiscalYear - 1))
    );
  }

  /** What the public sees of an agency's year: the live approved snapshot, if any. */
  async liveSnapshot(agencyId: number, fiscalYear: number): Promise<(OitSnapshot & { publishedAt: string }) | null> {
    const live = await new PublicationRepository(this.db).live({ agencyId, kind: 'oit', fiscalYear, round: null });
    return live ? { ...(JSON.parse(live.snapshot) as OitSnapshot), publishedAt: live.published_at } : null;
  }
}

/** One item of a year's checklist, if the actor may read the checklist and the item. */
async function readableTask(
  repository: OitRepository,
  actor: Actor,
  agencyId: number,
  fiscalYear: number,
  code: string,
): Promise<{ checklist: OitChecklist; view: TaskView }> {
  authorize(actor, 'oitChecklist', 'read', { agencyId });
  const found = await repository.findTask(agencyId, fiscalYear, code);
  if (!found) throw notFound('OIT checklist');
  const { checklist, view } = found;
  if (!view) throw notFound('OIT item');
  authorize(actor, 'oitTask', 'read', taskTarget(view));
  return { checklist, view };
}

/** A document or link with its task, if the actor may read the task. */
async function readableEvidence(repository: OitRepository, actor: Actor, id: number) {
  const found = await repository.findEvidence(id);
  if (!found) throw notFound('OIT evidence');
  authorize(actor, 'oitTask', 'read', taskTarget(found.view));
  return found;
}
