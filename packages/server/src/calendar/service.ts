import type { Page } from '../db/page.js';
import { todayInBangkok } from '../db/database.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import ical from 'ical-generator';
import {
  addDays,
  DUE_SOON_DAYS,
  FEATURE_MILESTONES,
  kindMemoKinds,
  kindMilestones,
  milestoneState,
  milestoneTh,
  templateDates,
  type AgencyKind,
  type Milestone,
  type MilestoneState,
} from '@prongsai/core';
import { kindsResolver } from '../agencies/kinds-service.js';
import { listAgencies, listDivisions } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, overseen, type Actor } from '../auth/policy.js';
import type { Selectable } from 'kysely';
import type { Agency, AgencyMilestoneTable, Database } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { OitRepository } from '../oit/repository.js';
import type { z } from 'zod';
import { basisKey, keepLateForRead, keepLateYear, lateBasis } from './late-kept.js';
import { CalendarRepository, readsByGroups, type LateScope, type LateTally, type YearRecords } from './repository.js';
import { readSnapshot } from '../db/snapshot.js';
import type { presentedMilestoneSchema } from './schemas.js';

export interface MilestoneView {
  milestone: Milestone;
  nameTh: string;
  startsOn: string | null;
  dueOn: string;
  ownerDivisionId: number | null;
  /** `feature`: the state comes from Prongsai's own records; `manual`: the secretariat marks it done. */
  source: 'feature' | 'manual';
  done: boolean;
  state: MilestoneState;
}

/** A milestone with what the caller may do with it. */
export type PresentedMilestone = z.infer<typeof presentedMilestoneSchema>;

/** Whole days from one ISO date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether each feature-tracked milestone is done, from the year's records; absent where the agency does not use the feature. */
function featureDone(r: YearRecords, kind: AgencyKind, today: string): Partial<Record<Milestone, boolean>> {
  const collected = (tool: string) => {
    const own = r.surveyRounds.filter((round) => round.tool === tool);
    return own.length ? own.some((round) => round.closed || round.closesOn < today) : undefined;
  };
  const done: Partial<Record<Milestone, boolean | undefined>> = {
    'committee-order': r.committee,
    // Memos kept elsewhere (an e-document system) leave the step to the secretariat's mark. Done
    // once every memo the agency's kind has is issued (a memo of another kind's counts for nothing).
    memos: r.memos.length ? kindMemoKinds(kind).every((memo) => r.memos.some((m) => m.kind === memo && m.issued)) : undefined,
    // A plan is made once no entry is left blank, not when its rows are created. (An entry may
    // carry only its issue: the seeds' plans share one measure across several questions.)
    'measures-plan': r.planId !== null && r.planEntries.total > 0 && r.planEntries.empty === 0,
    'measures-publication': r.published.has('plan'),
    'oit-evidence': r.oitStatuses
      ? r.oitStatuses.length > 0 && r.oitStatuses.every((status) => status === 'submitted' || status === 'accepted')
      : false,
    'oit-publication': r.published.has('oit'),
    'iit-collection': collected('IIT'),
    'eit-collection': collected('EIT'),
    'progress-6': r.approvedRounds.has(6),
    'progress-12': r.approvedRounds.has(12),
    results: r.results,
  };
  return Object.fromEntries(Object.entries(done).filter(([, v]) => v !== undefined)) as Partial<Record<Milestone, boolean>>;
}

/** The ITA year of an agency: its milestones, dated by the city-wide defaults and its own changes, with their state. */
/** The late milestones' columns a page may be sorted by. */
export const LATE_SORTS = ['dueOn', 'name', 'milestone'] as const;
export type LateSort = (typeof LATE_SORTS)[number];

/** The most agencies a search of the late milestones names in its query (more are matched in SQL). */
const LATE_MATCHES_NAMED = 500;

export class CalendarService {
  private readonly repository: CalendarRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.repository = new CalendarRepository(db);
  }

  /** The year's milestones with their dates, owners and state on a day. */
  async milestones(actor: Actor | null, agency: Agency, fiscalYear: number, today = todayInBangkok()): Promise<MilestoneView[]> {
    if (actor) authorize(actor, 'calendar', 'read', { agencyId: agency.id });
    return (await this.yearOf([agency.id], fiscalYear, today)).get(agency.id)!;
  }

  /**
   * The year's milestones as the caller sees them: each with what the caller may do (`can`), decided
   * by the calendar's policy, so the web app offers exactly what the server accepts.
   */
  async yearFor(actor: Actor, agency: Agency, fiscalYear: number, today = todayInBangkok()): Promise<PresentedMilestone[]> {
    const views = await this.milestones(actor, agency, fiscalYear, today);
    const can = { update: allows(actor, 'calendar', 'manage', { agencyId: agency.id }), feed: this.feedOf(actor, agency) };
    return views.map((view) => ({ ...view, can }));
  }

  /** The feed the actor may make of the agency: its own (0) for the secretariat, else their division's, else none. */
  private feedOf(actor: Actor, agency: Agency): number | null {
    if (allows(actor, 'calendar', 'feed', { agencyId: agency.id, divisionId: 0 })) return 0;
    if (actor.divisionId !== null && allows(actor, 'calendar', 'feed', { agencyId: agency.id, divisionId: actor.divisionId })) {
      return actor.divisionId;
    }
    return null;
  }

  /**
   * Several agencies' milestones of a year (those their kind has, named for it), read in a fixed
   * number of queries whatever their number.
   */
  async yearOf(agencyIds: number[], fiscalYear: number, today: string): Promise<Map<number, MilestoneView[]>> {
    const template = templateDates(fiscalYear);
    const kindOf = await this.kindsOf(agencyIds);
    const defaults = new Map((await this.repository.defaults(fiscalYear)).map((d) => [d.milestone, d]));
    const own = new Map<number, Map<string, Selectable<AgencyMilestoneTable>>>(agencyIds.map((id) => [id, new Map()]));
    for (const row of await this.repository.ownOfAgencies(agencyIds, fiscalYear)) own.get(row.agency_id)!.set(row.milestone, row);
    const records = await this.repository.yearRecords(agencyIds, fiscalYear);
    return new Map(
      agencyIds.map((agencyId) => {
        const kind = kindOf.get(agencyId)!;
        const feature = featureDone(records.get(agencyId)!, kind, today);
        const views = kindMilestones(kind).map((milestone) => {
          const base = defaults.get(milestone);
          const mine = own.get(agencyId)!.get(milestone);
          const startsOn = mine?.starts_on ?? base?.starts_on ?? template[milestone].startsOn;
          const dueOn = mine?.due_on ?? base?.due_on ?? template[milestone].dueOn;
          const fromFeature = FEATURE_MILESTONES.includes(milestone) && feature[milestone] !== undefined;
          const done = fromFeature ? feature[milestone]! : !!mine?.done_at;
          return {
            milestone,
            nameTh: milestoneTh(milestone, kind),
            startsOn,
            dueOn,
            ownerDivisionId: mine?.owner_division_id ?? null,
            source: fromFeature ? ('feature' as const) : ('manual' as const),
            done,
            state: milestoneState({ startsOn, dueOn }, done, today, milestone),
          };
        });
        return [agencyId, views];
      }),
    );
  }

  /** The kind of each agency: one query for the agencies, one for the kinds. */
  private async kindsOf(agencyIds: readonly number[]): Promise<Map<number, AgencyKind>> {
    const [kinds, resolve] = await Promise.all([this.repository.agencyKinds(agencyIds), kindsResolver(this.db)]);
    return new Map(agencyIds.map((id) => [id, resolve(kinds.get(id) ?? '')]));
  }

  /** A central admin sets the city-wide dates of a fiscal year (NACC's periods among them). */
  async setDefaults(
    actor: Actor,
    fiscalYear: number,
    dates: { milestone: Milestone; startsOn: string | null; dueOn: string }[],
  ): Promise<void> {
    authorize(actor, 'calendar', 'setDefaults', undefined);
    for (const d of dates) {
      if (d.startsOn && d.startsOn > d.dueOn) {
        throw badRequest(`${d.milestone} starts after it is due`, 'วันเริ่มต้องไม่หลังวันครบกำหนด');
      }
    }
    for (const d of dates) await this.repository.setDefault(fiscalYear, d.milestone, d.startsOn, d.dueOn);
    await recordAudit(this.db, {
      actorId: actor.id,
      action: 'update',
      entity: 'calendar-defaults',
      entityId: fiscalYear,
      agencyId: null,
      after: dates,
    });
  }

  /** The secretariat adjusts a milestone of its year: dates, owner, or done (only where no feature tells). */
  async adjust(
    actor: Actor,
    agency: Agency,
    fiscalYear: number,
    milestone: Milestone,
    change: { startsOn?: string | null; dueOn?: string | null; ownerDivisionId?: number | null; done?: boolean },
  ): Promise<void> {
    authorize(actor, 'calendar', 'manage', { agencyId: agency.id });
    const view = (await this.milestones(null, agency, fiscalYear)).find((m) => m.milestone === milestone);
    if (!view) {
      throw badRequest(`${milestone} is not a milestone of this kind of agency`, 'หน่วยงานประเภทนี้ไม่มีขั้นตอนนี้ในกำหนดการ');
    }
    if (change.done !== undefined && view.source === 'feature') {
      throw badRequest(
        `${milestone} takes its state from Prongsai's records`,
        'ขั้นตอนนี้ระบบทราบสถานะจากข้อมูลในระบบเอง จึงทำเครื่องหมายเองไม่ได้',
      );
    }
    if (change.startsOn && change.dueOn && change.startsOn > change.dueOn) {
      throw badRequest('a window cannot open after it is due', 'วันเริ่มต้องไม่หลังวันครบกำหนด');
    }
    if (change.ownerDivisionId && !(await listDivisions(this.db, agency.id)).some((d) => d.id === change.ownerDivisionId)) {
      throw badRequest('the division is not of this agency', 'ฝ่ายนี้ไม่ใช่ของหน่วยงาน');
    }
    await this.repository.setOwn(agency.id, fiscalYear, milestone, {
      ...(change.startsOn !== undefined ? { starts_on: change.startsOn } : {}),
      ...(change.dueOn !== undefined ? { due_on: change.dueOn } : {}),
      ...(change.ownerDivisionId !== undefined ? { owner_division_id: change.ownerDivisionId } : {}),
      ...(change.done !== undefined
        ? { done_at: change.done ? new Date().toISOString() : null, done_by: change.done ? actor.id : null }
        : {}),
    });
    await recordAudit(this.db, {
      actorId: actor.id,
      action: 'update',
      entity: 'milestone',
      entityId: milestone,
      agencyId: agency.id,
      after: { fiscalYear, ...change },
    });
  }

  /**
   * The late and due-soon milestones of a fiscal year on a day over some agencies (one milestone
   * when given), read from the year's kept states: each milestone with its place in the year's order.
   */
  lateScope(agencyIds: readonly number[] | undefined, fiscalYear: number, today: string, only?: Milestone): LateScope {
    return {
      fiscalYear,
      agencyIds,
      milestones: lateBasis(fiscalYear)
        .milestones.map(({ milestone }, place) => ({ milestone, place }))
        .filter((m) => !only || m.milestone === only),
      today,
      soon: addDays(today, DUE_SOON_DAYS),
    };
  }

  /**
   * City-wide: a page of the agencies overseen that are late or due soon with a milestone (one row
   * each), filtered, sorted and cut in SQL, with how many are late and due soon per milestone over
   * all of them, from the year's kept states (kept again first for what changed since, or in the
   * background when much did: then `pending`). A few queries whatever the number of agencies.
   */
  async cityLatePage(
    actor: Actor,
    fiscalYear: number,
    today: string,
    page: Page<LateSort> & { milestone?: Milestone | undefined; state?: 'late' | 'due-soon' | undefined },
  ) {
    authorize(actor, 'cityResults', 'read', undefined);
    const scope = this.lateScope(overseen(actor), fiscalYear, today);
    // The milestones some agency in scope has, each named as their kinds all name it, else in words for any kind.
    const [pending, resolve, used] = await Promise.all([
      keepLateForRead(this.db, fiscalYear),
      kindsResolver(this.db),
      this.repository.kindsWithin(scope.agencyIds),
    ]);
    const kinds = used.map(resolve);
    const nameOf = (milestone: Milestone) => {
      const names = new Set(kinds.filter((k) => kindMilestones(k).includes(milestone)).map((k) => milestoneTh(milestone, k)));
      return names.size === 1 ? [...names][0]! : milestoneTh(milestone);
    };
    const had = (milestone: Milestone) => kinds.some((k) => kindMilestones(k).includes(milestone));
    // A search reads the agencies it matches first: few, they are named, so their rows are read by agency.
    const matching = page.q ? await this.repository.agenciesMatching(page.q, LATE_MATCHES_NAMED + 1) : undefined;
    const filter = {
      milestone: page.milestone,
      state: page.state,
      q: page.q,
      matching: matching && matching.length <= LATE_MATCHES_NAMED ? matching : undefined,
    };
    const placeOf = new Map(scope.milestones.map((m) => [m.place, m.milestone]));
    // How many rows of each milestone and each due date the filter keeps (without a search).
    const keptOf = (tallies: LateTally[]) =>
      tallies.filter(
        (t) =>
          (!filter.milestone || placeOf.get(t.place) === filter.milestone) &&
          (!filter.state || (t.dueOn < today ? 'late' : 'due-soon') === filter.state),
      );
    const order = { by: page.sort, order: page.order };
    // The tallies and the page's rows come from one snapshot, so a keeping meanwhile never splits
    // them: read in one statement, or, for a page by milestone or due date last first (which reads
    // only the groups it reaches, so needs their sizes first), in one read-only transaction.
    const { tallies, rows, searched } =
      !filter.q && readsByGroups(order)
        ? await readSnapshot(this.db, async (trx) => {
            const repository = new CalendarRepository(trx);
            const tallies = await repository.lateTallies(scope);
            const sum = <K>(key: (t: LateTally) => K) => {
              const sizes = new Map<K, number>();
              for (const t of keptOf(tallies)) sizes.set(key(t), (sizes.get(key(t)) ?? 0) + t.agencies);
              return sizes;
            };
            const groups = { byPlace: sum((t) => t.place), byDueOn: sum((t) => t.dueOn) };
            return { tallies, rows: await repository.lateRows(scope, filter, order, page, groups), searched: null };
          })
        : await this.repository
            .lateTalliesAndPage(scope, filter, order, page)
            .then(({ tallies, rows, total }) => ({ tallies, rows, searched: total }));
    const kept = keptOf(tallies);
    const count = (milestone: string, late: boolean) =>
      tallies
        .filter((t) => placeOf.get(t.place) === milestone && t.dueOn < today === late)
        .reduce((sum, t) => sum + t.agencies, 0);
    const milestones = scope.milestones
      .filter(({ milestone }) => had(milestone as Milestone))
      .map(({ milestone }) => ({
        milestone: milestone as Milestone,
        nameTh: nameOf(milestone as Milestone),
        late: count(milestone, true),
        dueSoon: count(milestone, false),
      }));
    const total = searched ?? kept.reduce((n, t) => n + t.agencies, 0);
    return {
      total,
      rows: rows.map((r) => ({
        milestone: r.milestone as Milestone,
        milestoneTh: milestoneTh(r.milestone as Milestone, resolve(r.kind)),
        agency: { slug: r.slug, nameTh: r.name_th },
        dueOn: r.due_on,
        state: r.state,
        daysLate: daysBetween(r.due_on, today),
      })),
      milestones,
      pending,
    };
  }

  /** Brings the year's kept late states wholly up to date (before an export of every row). */
  async keepLate(fiscalYear: number): Promise<void> {
    const { basis, pending } = await this.repository.lateKept(fiscalYear);
    if (pending || basis !== basisKey(lateBasis(fiscalYear))) await keepLateYear(this.db, fiscalYear);
  }

  /** The late rows of some agencies (one milestone when given), by milestone then agency code, as kept: one query. */
  lateOf(agencyIds: readonly number[], fiscalYear: number, today: string, only?: Milestone) {
    return this.repository.lateRows(this.lateScope(agencyIds, fiscalYear, today, only), { state: 'late' }, 'export');
  }

  /** A new secret feed URL for the agency (division 0) or a division; the one before stops working. */
  async makeFeed(actor: Actor, agency: Agency, divisionId: number): Promise<string> {
    authorize(actor, 'calendar', 'feed', { agencyId: agency.id, divisionId });
    if (divisionId !== 0 && !(await listDivisions(this.db, agency.id)).some((d) => d.id === divisionId)) {
      throw badRequest('the division is not of this agency', 'ฝ่ายนี้ไม่ใช่ของหน่วยงาน');
    }
    const token = randomBytes(24).toString('base64url');
    await this.repository.replaceFeed(agency.id, divisionId, tokenHash(token), actor.id);
    await recordAudit(this.db, {
      actorId: actor.id,
      action: 'create',
      entity: 'calendar-feed',
      entityId: divisionId,
      agencyId: agency.id,
    });
    return token;
  }

  async revokeFeed(actor: Actor, agency: Agency, divisionId: number): Promise<number> {
    authorize(actor, 'calendar', 'feed', { agencyId: agency.id, divisionId });
    const revoked = await this.repository.revokeFeeds(agency.id, divisionId);
    await recordAudit(this.db, {
      actorId: actor.id,
      action: 'delete',
      entity: 'calendar-feed',
      entityId: divisionId,
      agencyId: agency.id,
    });
    return revoked;
  }

  /**
   * The iCalendar of a secret feed: the year's milestones, and for a division's feed also the
   * OIT items it owes with their due dates. Null for an unknown or revoked secret.
   */
  async feedCalendar(token: string, fiscalYear: number): Promise<string | null> {
    const feed = await this.repository.feed(tokenHash(token));
    if (!feed) return null;
    const [agency] = await listAgencies(this.db, feed.agency_id);
    if (!agency) return null;
    const divisions = await listDivisions(this.db, agency.id);
    const division = divisions.find((d) => d.id === feed.division_id);
    const calendar = ical({
      name: `ITA ${agency.name_th}${division ? ` ${division.name_th}` : ''} ปีงบประมาณ พ.ศ. ${fiscalYear}`,
      prodId: { company: 'Prongsai', product: 'ITA calendar', language: 'TH' },
      timezone: 'Asia/Bangkok',
    });
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    for (const m of await this.milestones(null, agency, fiscalYear)) {
      if (division && m.ownerDivisionId !== null && m.ownerDivisionId !== division.id) continue;
      calendar.createEvent({
        id: `${agency.slug}-${fiscalYear}-${m.milestone}@prongsai`,
        start: day(m.startsOn ?? m.dueOn),
        end: new Date(day(m.dueOn).getTime() + 86_400_000),
        allDay: true,
        summary: `${m.startsOn ? '' : 'กำหนดส่ง: '}${m.nameTh}`,
        description: m.done ? 'ดำเนินการแล้ว' : `ครบกำหนด ${m.dueOn}`,
      });
    }
    if (division) {
      const checklist = await new OitRepository(this.db).findChecklist(agency.id, fiscalYear);
      for (const view of checklist ? await new OitRepository(this.db).allTasks(checklist.id) : []) {
        if (!view.divisions.includes(division.id) || !view.task.due_date || view.task.status === 'accepted') continue;
        calendar.createEvent({
          id: `${agency.slug}-${fiscalYear}-oit-${view.task.item_code}-${division.id}@prongsai`,
          start: day(view.task.due_date),
          allDay: true,
          summary: `ส่งหลักฐาน OIT ข้อ ${view.task.item_code}`,
        });
      }
    }
    return calendar.toString();
  }
}
