import { frameworkOfOrBefore } from '../frameworks/for-agency.js';
import type { Kysely } from 'kysely';
import {
  buildMemo,
  calendarInstructions,
  EIT_MINIMUMS,
  instructionsOutdated,
  kindMemoKinds,
  MEMO_KINDS,
  memoKindEn,
  memoKindTh,
  milestoneTh,
  SCHOOL_EIT_MINIMUM,
  SCHOOL_IIT,
  templateDates,
  type AgencyKind,
  type CompiledFramework,
  type MemoContent,
  type MemoDocument,
  type MemoFacts,
  type MemoKind,
} from '@prongsai/core';
import { kindById, kindsResolver } from '../agencies/kinds-service.js';
import { listDivisions } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, type Actor } from '../auth/policy.js';
import { fiscalYearOfDay, now, todayInBangkok } from '../db/database.js';
import type { Agency, Database, MemoRow } from '../db/schema.js';
import { agencyWording, educationUnit } from '../documents/agency-wording.js';
import { officialDate } from '../documents/common.js';
import { loadFramework } from '../frameworks/registry.js';
import { badRequest, conflict, HttpError } from '../http/errors.js';
import { readEmblem } from '../letterhead/emblem.js';
import { OitRepository } from '../oit/repository.js';
import { SurveyRepository } from '../surveys/repository.js';
import { MemoRepository } from './memo-repository.js';
import { CalendarService } from './service.js';

/** A memo as the documents typeset it: the text, the agency and its emblem. */
export interface MemoModel extends MemoDocument {
  agency: Agency;
  fiscalYear: number;
  emblem: Buffer | null;
}

/** What the memo editor shows of one memo. */
export interface MemoView {
  kind: MemoKind;
  nameTh: string;
  nameEn: string;
  content: MemoContent;
  /** The instructions the calendar gives today: what the editor starts from. */
  calendarInstructions: string[];
  /** The secretariat rewrote the instructions and the calendar's dates have moved since. */
  outdated: boolean;
  /** The framework whose tools and weights the memo states, and whether it is an earlier year's. */
  frameworkId: string | null;
  frameworkFromEarlierYear: boolean;
  issuedAt: string | null;
  updatedAt: string | null;
  /** The memo's text as it would print now. */
  document: MemoDocument;
  /** What to check before issuing; `blocking` ones refuse the issue. */
  warnings: MemoWarning[];
  /** What the caller may do with it: write into it, issue and reopen it (the secretariat). */
  can: { edit: boolean };
}

export interface MemoWarning {
  code: 'no-oit-items' | 'oit-items-from-earlier-year' | 'date-outside-year';
  th: string;
  en: string;
  blocking: boolean;
}

/** The refusal of a memo an agency's kind does not have. */
const lacking = (kind: AgencyKind, memo: MemoKind) =>
  badRequest(
    `agencies of kind ${kind.id} have no ${memo} memo: their year has no schools' data step`,
    `หน่วยงานประเภท${kind.nameTh}ไม่มี${memoKindTh(memo, kind)} เพราะกำหนดการของหน่วยงานประเภทนี้ไม่มีขั้นตอน${milestoneTh('schools-data', kind)}`,
  );

const contentOf = (row: MemoRow | undefined): MemoContent => (row ? (JSON.parse(row.content) as MemoContent) : {});

/** What an issued memo said when issued: its resolved text and what the editor showed beside it. */
interface IssuedMemo {
  document: MemoDocument;
  calendarInstructions: string[];
  frameworkId: string | null;
  frameworkFromEarlierYear: boolean;
}

/** The snapshot of an issued memo; null for a draft (whose text is made afresh from the calendar). */
const issuedOf = (row: MemoRow | undefined): IssuedMemo | null =>
  row?.issued_at && row.issued_content ? (JSON.parse(row.issued_content) as IssuedMemo) : null;

/** What the editor shows before a memo is issued; a schools memo without its OIT items is not issued. */
function memoWarnings(
  kind: MemoKind,
  facts: MemoFacts & { educationItemsFrom: number | null },
  content: MemoContent,
): MemoWarning[] {
  const warnings: MemoWarning[] = [];
  if (kind === 'schools' && facts.educationItems.length === 0) {
    warnings.push({
      code: 'no-oit-items',
      th: `ยังไม่มีข้อ OIT ที่มอบหมายให้${facts.wording?.education ?? 'ฝ่ายการศึกษา'}ในปี ${facts.fiscalYear} บันทึกถึงโรงเรียนจึงยังไม่มีหัวข้อ OIT: มอบหมายข้อในหน้าการเปิดเผยข้อมูล (OIT) ก่อนออกเลข`,
      en: `no OIT item of ${facts.fiscalYear} is assigned to the education division, so the schools memo would list none: assign them on the OIT page before issuing`,
      blocking: true,
    });
  }
  if (kind === 'schools' && facts.educationItemsFrom !== null) {
    warnings.push({
      code: 'oit-items-from-earlier-year',
      th: `หัวข้อ OIT ของ${facts.wording?.education ?? 'ฝ่ายการศึกษา'}นำมาจากรายการปี ${facts.educationItemsFrom} เพราะปี ${facts.fiscalYear} ยังไม่ได้มอบหมาย ตรวจให้ตรงกับชุดคำถามปีนี้ก่อนออกเลข`,
      en: `the education division's OIT items come from ${facts.educationItemsFrom}'s checklist, since ${facts.fiscalYear}'s assigns none yet: check them against this year's set before issuing`,
      blocking: false,
    });
  }
  if (content.date && fiscalYearOfDay(content.date) !== facts.fiscalYear) {
    warnings.push({
      code: 'date-outside-year',
      th: `วันที่ของบันทึก (${officialDate(content.date)}) อยู่นอกปีงบประมาณ ${facts.fiscalYear}`,
      en: `the memo's date (${content.date}) is outside fiscal year ${facts.fiscalYear}`,
      blocking: false,
    });
  }
  return warnings;
}

/**
 * The memos that open an agency's year (บันทึกข้อความ, seed 002): made from its calendar's dates,
 * the year's framework, its EIT quotas and the OIT items of its education division; what the
 * secretariat writes in is kept, and an issued memo is locked.
 */
export class MemoService {
  private readonly repository: MemoRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.repository = new MemoRepository(db);
  }

  /** The agency's kind, resolved as the calendar resolves it, so the memos it offers are those its memos step needs. */
  private async kindOf(agency: Agency): Promise<AgencyKind> {
    return (await kindsResolver(this.db))(agency.kind);
  }

  /**
   * Refuses to write into, issue or reopen a memo the agency's kind does not have (the schools' one
   * where its year has no schools' step): reopened, it could not be issued again.
   */
  async checkKindHas(agency: Agency, memo: MemoKind): Promise<void> {
    const kind = await this.kindOf(agency);
    if (!kindMemoKinds(kind).includes(memo)) throw lacking(kind, memo);
  }

  /**
   * Refuses to print a memo the agency's kind does not have, unless it was issued (before its kind
   * lost the memo): an issued memo is printed from what it said when issued.
   */
  async checkPrintable(agency: Agency, fiscalYear: number, memo: MemoKind): Promise<void> {
    const kind = await this.kindOf(agency);
    if (kindMemoKinds(kind).includes(memo)) return;
    if (!issuedOf(await this.repository.find(agency.id, fiscalYear, memo))) throw lacking(kind, memo);
  }

  private async facts(
    reader: Actor,
    agency: Agency,
    fiscalYear: number,
  ): Promise<
    MemoFacts & { frameworkId: string | null; earlier: boolean; defaultDate: string; educationItemsFrom: number | null }
  > {
    const milestones = new Map(
      (await new CalendarService(this.db).milestones(reader, agency, fiscalYear)).map((m) => [m.milestone, m]),
    );
    // A step the agency's kind does not have (its schools' data) is dated as the template dates it.
    const template = templateDates(fiscalYear);
    const due = (id: keyof MemoFacts['due']) => officialDate(milestones.get(id)?.dueOn ?? template[id].dueOn);
    const found = frameworkOfOrBefore(agency, fiscalYear);
    const tools = (found?.framework.data.tools ?? []).map((tool) => ({
      code: tool.code,
      nameTh: tool.name.th,
      weight: tool.weight,
      indicators: found!.framework.data.indicators.filter((i) => i.tool === tool.code).map((i) => i.name.th),
    }));
    const divisions = await listDivisions(this.db, agency.id);
    const kind = await kindById(this.db, agency.kind);
    const wording = agencyWording(agency, kind);
    const divisionName = new Map(divisions.map((d) => [d.id, d.name_th]));
    const isSchool = (name: string) => name.startsWith('โรงเรียน');
    // The EIT round's quotas where the year has one; else the minimums its kind sets for the agency's divisions (the BMA's for a district).
    const eitRound = (await new SurveyRepository(this.db).roundsOfYear(agency.id, fiscalYear)).find((r) => r.tool === 'EIT');
    const quotas = eitRound ? await new SurveyRepository(this.db).quotas(eitRound.id) : [];
    const eitMinimums = quotas.length
      ? quotas
          .map((q) => ({ division: divisionName.get(q.division_id) ?? '', minimum: q.required }))
          .filter((q) => q.division && !isSchool(q.division) && q.minimum > 0)
      : Object.entries(kind?.sampling.eit.minimums ?? EIT_MINIMUMS)
          .filter(([name]) => divisions.some((d) => d.name_th === name))
          .map(([division, minimum]) => ({ division, minimum }));
    const education = educationUnit(divisions, wording);
    const memoWording = { ...wording.memo, education: education?.name_th ?? wording.memo.education };
    const oit = new OitRepository(this.db);
    /** The OIT items of a year's checklist assigned to the education division, named by `framework`'s items where it has them. */
    const educationItemsOf = async (year: number, framework: CompiledFramework | null) => {
      const checklist = education ? await oit.findChecklist(agency.id, year) : undefined;
      if (!checklist || !education) return [];
      const own = loadFramework(checklist.framework_id).data.oitItems;
      return (await oit.allTasks(checklist.id))
        .filter((view) => view.divisions.includes(education.id))
        .map((view) => {
          const code = view.task.item_code;
          const item = framework?.data.oitItems.find((i) => i.code === code) ?? own.find((i) => i.code === code);
          return { code, name: item?.name?.th ?? '' };
        });
    };
    let educationItems = await educationItemsOf(fiscalYear, null);
    // Not assigned yet this year: the latest earlier year's (the schools keep their items), named as this year's set names them.
    let educationItemsFrom: number | null = null;
    for (let year = fiscalYear - 1; educationItems.length === 0 && year >= fiscalYear - 5; year--) {
      educationItems = await educationItemsOf(year, found?.framework ?? null);
      if (educationItems.length) educationItemsFrom = year;
    }
    // A memo is dated today within its fiscal year; a past or future year's, the day its memos were due to start.
    const today = todayInBangkok();
    const memosWindow = milestones.get('memos');
    const defaultDate = fiscalYearOfDay(today) === fiscalYear ? today : (memosWindow?.startsOn ?? memosWindow?.dueOn ?? today);
    return {
      agencyName: agency.name_th,
      wording: memoWording,
      fiscalYear,
      today: officialDate(defaultDate),
      defaultDate,
      educationItemsFrom,
      due: {
        'staff-count': due('staff-count'),
        'iit-collection': due('iit-collection'),
        'eit-collection': due('eit-collection'),
        'oit-evidence': due('oit-evidence'),
        'schools-data': due('schools-data'),
      },
      tools,
      eitMinimums,
      educationItems,
      schoolIit: SCHOOL_IIT,
      schoolEit: SCHOOL_EIT_MINIMUM,
      frameworkId: found?.framework.id ?? null,
      earlier: found?.earlier ?? false,
    };
  }

  /**
   * The year's memos its kind has, as the editor shows them: each one's content, the calendar's
   * instructions and the text; and any memo issued before its kind lost it (a municipality's memo
   * to the schools of a year when every kind had one), as it went out, neither changed nor reopened.
   */
  async list(reader: Actor, agency: Agency, fiscalYear: number): Promise<MemoView[]> {
    authorize(reader, 'calendar', 'read', { agencyId: agency.id });
    const agencyKind = await this.kindOf(agency);
    const facts = await this.facts(reader, agency, fiscalYear);
    const rows = new Map((await this.repository.ofYear(agency.id, fiscalYear)).map((r) => [r.kind, r]));
    const has = kindMemoKinds(agencyKind);
    const manage = allows(reader, 'calendar', 'manage', { agencyId: agency.id });
    const listed = MEMO_KINDS.filter((kind) => has.includes(kind) || issuedOf(rows.get(kind)));
    return listed.map((kind) => {
      const row = rows.get(kind);
      const content = contentOf(row);
      const can = { edit: manage && has.includes(kind) };
      const names = { nameTh: memoKindTh(kind, agencyKind), nameEn: memoKindEn(kind, agencyKind) };
      // An issued memo shows exactly what went out, whatever the calendar or framework say now.
      const issued = issuedOf(row);
      if (issued) {
        return {
          kind,
          ...names,
          content,
          calendarInstructions: issued.calendarInstructions,
          outdated: false,
          frameworkId: issued.frameworkId,
          frameworkFromEarlierYear: issued.frameworkFromEarlierYear,
          issuedAt: row!.issued_at,
          updatedAt: row!.updated_at,
          document: issued.document,
          warnings: [],
          can,
        };
      }
      return {
        kind,
        ...names,
        content,
        calendarInstructions: calendarInstructions(kind, facts),
        outdated: instructionsOutdated(kind, facts, content),
        frameworkId: facts.frameworkId,
        frameworkFromEarlierYear: facts.earlier,
        issuedAt: row?.issued_at ?? null,
        updatedAt: row?.updated_at ?? null,
        document: buildMemo(kind, facts, content),
        warnings: memoWarnings(kind, facts, content),
        can,
      };
    });
  }

  /** Saves what the secretariat wrote into a memo; an issued memo must be reopened first. */
  async save(actor: Actor, agency: Agency, fiscalYear: number, kind: MemoKind, content: MemoContent): Promise<void> {
    authorize(actor, 'calendar', 'manage', { agencyId: agency.id });
    await this.checkKindHas(agency, kind);
    const facts = await this.facts(actor, agency, fiscalYear);
    await this.db.transaction().execute(async (trx) => {
      const repository = new MemoRepository(trx);
      const before = await repository.find(agency.id, fiscalYear, kind);
      if (before?.issued_at) {
        throw conflict('the memo was issued; reopen it to change it', 'บันทึกข้อความนี้ออกเลขแล้ว ต้องยกเลิกการออกเลขก่อนแก้ไข');
      }
      // Rewritten instructions remember the calendar's text they were written against, so the
      // editor can tell when dates move; saving them unchanged keeps what they were written against.
      const previous = contentOf(before);
      const unchanged = JSON.stringify(previous.instructions) === JSON.stringify(content.instructions);
      const stored: MemoContent = content.instructions?.length
        ? {
            ...content,
            instructionsFrom:
              unchanged && previous.instructionsFrom ? previous.instructionsFrom : calendarInstructions(kind, facts),
          }
        : { ...content, instructions: undefined, instructionsFrom: undefined };
      await repository.save(agency.id, fiscalYear, kind, JSON.stringify(stored), actor.id);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'update',
        entity: 'memo',
        entityId: `${fiscalYear}/${kind}`,
        agencyId: agency.id,
        before: before ? contentOf(before) : undefined,
        after: stored,
      });
    });
  }

  /**
   * Issues a memo: it has its number and date (today where none), and is locked from then on; the
   * calendar's memo milestone is done once every memo the agency's kind has is issued. A memo its
   * kind lacks is neither issued nor reopened (an issued one stays as it went out).
   */
  async issue(actor: Actor, agency: Agency, fiscalYear: number, kind: MemoKind, issued: boolean): Promise<void> {
    authorize(actor, 'calendar', 'manage', { agencyId: agency.id });
    await this.checkKindHas(agency, kind);
    const facts = issued ? await this.facts(actor, agency, fiscalYear) : null;
    await this.db.transaction().execute(async (trx) => {
      const repository = new MemoRepository(trx);
      const row = await repository.find(agency.id, fiscalYear, kind);
      const content = contentOf(row);
      if (issued && facts) {
        if (row?.issued_at) throw conflict('the memo was issued already', 'บันทึกข้อความนี้ออกเลขแล้ว');
        if (!content.number?.trim()) {
          throw new HttpError(422, 'memo-unnumbered', 'a memo is issued with its number', 'กรุณาใส่เลขที่หนังสือก่อนออกบันทึกข้อความ');
        }
        const blocking = memoWarnings(kind, facts, content).find((w) => w.blocking);
        if (blocking) throw new HttpError(422, `memo-${blocking.code}`, blocking.en, blocking.th);
        const dated: MemoContent = { ...content, date: content.date ?? facts.defaultDate };
        await repository.save(agency.id, fiscalYear, kind, JSON.stringify(dated), actor.id);
        const saved = (await repository.find(agency.id, fiscalYear, kind))!;
        // The memo's whole text as it goes out (every date, every framework line), kept as it is.
        const snapshot: IssuedMemo = {
          document: buildMemo(kind, facts, dated),
          calendarInstructions: calendarInstructions(kind, facts),
          frameworkId: facts.frameworkId,
          frameworkFromEarlierYear: facts.earlier,
        };
        await repository.setIssued(saved.id, now(), actor.id, JSON.stringify(snapshot));
      } else {
        if (!row?.issued_at) return;
        await repository.setIssued(row.id, null, null, null);
      }
      await recordAudit(trx, {
        actorId: actor.id,
        action: issued ? 'issue' : 'reopen',
        entity: 'memo',
        entityId: `${fiscalYear}/${kind}`,
        agencyId: agency.id,
      });
    });
  }

  /** A memo ready to typeset. */
  async model(reader: Actor, agency: Agency, fiscalYear: number, kind: MemoKind, dataDir: string): Promise<MemoModel> {
    authorize(reader, 'calendar', 'read', { agencyId: agency.id });
    const row = await this.repository.find(agency.id, fiscalYear, kind);
    // A memo the agency's kind lacks is printed only as it was issued (before its kind lost it).
    if (!issuedOf(row)) await this.checkKindHas(agency, kind);
    const emblem = await readEmblem(dataDir, agency.id);
    // An issued memo is typeset from what it said when issued, never recomputed.
    const issued = issuedOf(row);
    if (issued) return { ...issued.document, agency, fiscalYear, emblem };
    const facts = await this.facts(reader, agency, fiscalYear);
    const content = contentOf(row);
    return { ...buildMemo(kind, facts, content), agency, fiscalYear, emblem };
  }
}
