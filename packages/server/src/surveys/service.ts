import { todayInBangkok } from '../db/database.js';
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  countRosterByKind,
  eitMinimum,
  iitUnitRequired,
  whatIf,
  checkAnswers,
  formatThaiDate,
  findWeakPoints,
  MIN_GROUP_SIZE,
  presentResult,
  scoreAssessment,
  surveyItems,
  talliesToScoreInput,
  unknownItems,
} from '@prongsai/core';
import { kindsResolver } from '../agencies/kinds-service.js';
import { listAgencies, listDivisions } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, overseen, type Actor } from '../auth/policy.js';
import { lockRow } from '../db/locks.js';
import type { Agency, Database, SurveyRound } from '../db/schema.js';
import { loadFramework } from '../frameworks/registry.js';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.js';
import { frameworkForAgency } from '../frameworks/for-agency.js';
import { findAssessment } from '../results/repository.js';
import { hashCode } from './codes.js';
import { afterCounting, countWaiting, intakeFor, itemsOf } from './intake.js';
import { SurveyRepository } from './repository.js';
import type { Page } from '../db/page.js';
import type { RoundState, SurveySort } from './schemas.js';
import { readRoster } from './roster.js';
import type { roundSchema, roundViewSchema, surveyAbilitiesSchema } from './schemas.js';
import { hasSurveyKey, surveyKeyOf } from './sealing.js';
import { isShort, keepShownFigures, shownCounts } from './shown.js';

const thaiDay = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return formatThaiDate({ year: year!, month: month!, day: day! });
};

const divisionCache = new Map<number, { ids: Set<number>; until: number }>();

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
export { hashCode };

export const isOpen = (round: SurveyRound, today = todayInBangkok()) =>
  round.closed_at === null && round.opens_on <= today && today <= round.closes_on;

export function presentRound(round: SurveyRound): z.infer<typeof roundSchema> {
  return {
    id: round.id,
    fiscalYear: round.fiscal_year,
    tool: round.tool as 'IIT' | 'EIT',
    framework: round.framework_id,
    code: round.code,
    link: `/s/${round.code}`,
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    useCodes: round.use_codes === 1,
    open: isOpen(round),
    closedAt: round.closed_at,
  };
}

/** A round with what the actor may do with it, decided by the policy. */
export function presentRoundFor(actor: Actor, round: SurveyRound): z.infer<typeof roundViewSchema> {
  return { ...presentRound(round), can: { manage: allows(actor, 'survey', 'manage', { agencyId: round.agency_id }) } };
}

export interface Submission {
  clientId: string;
  answers: Record<string, unknown>;
  division?: number | undefined;
  code?: string | undefined;
}

const refused = (status: number, code: string, message: string, th: string, details?: unknown) =>
  new HttpError(status, code, message, th, details);

/** Self-assessment IIT/EIT rounds: opened from the framework, answered anonymously, scored by the engine. */
export class SurveyService {
  private readonly repository: SurveyRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.repository = new SurveyRepository(db);
  }

  /**
   * What the respondents' form shows for a round's public code (no sign-in): the round, its
   * agency, framework and divisions, and the division a counter's QR code names; undefined if
   * no round has the code.
   */
  async form(code: string, divisionId: number | undefined) {
    const round = await this.repository.byCode(code);
    if (!round) return undefined;
    const [agency] = await listAgencies(this.db, round.agency_id);
    const divisions = await listDivisions(this.db, round.agency_id);
    const framework = loadFramework(round.framework_id);
    const division = divisions.find((d) => d.id === divisionId) ?? null;
    return { round, agency: agency!, framework, divisions, division };
  }

  /** A round the actor may read; one of another agency is reported as not found. */
  async round(actor: Actor, id: number): Promise<SurveyRound> {
    const row = await this.repository.byId(id);
    if (!row) throw notFound('survey round');
    authorize(actor, 'survey', 'read', { agencyId: row.agency_id });
    return row;
  }

  /** An agency's rounds, newest first. */
  rounds(actor: Actor, agencyId: number): Promise<SurveyRound[]> {
    authorize(actor, 'survey', 'read', { agencyId });
    return this.repository.ofAgency(agencyId);
  }

  /** What the actor may do with an agency's rounds, whether or not it has any yet. */
  abilities(actor: Actor, agencyId: number): z.infer<typeof surveyAbilitiesSchema> {
    authorize(actor, 'survey', 'read', { agencyId });
    return { open: allows(actor, 'survey', 'manage', { agencyId }) };
  }

  /** A round with its agency and divisions, for its printed sheets and QR codes. */
  async roundWithDivisions(actor: Actor, id: number) {
    const round = await this.round(actor, id);
    const [[agency], divisions] = await Promise.all([
      listAgencies(this.db, round.agency_id),
      listDivisions(this.db, round.agency_id),
    ]);
    return { round, agency: agency!, divisions };
  }

  async open(
    actor: Actor | null,
    agency: Agency,
    request: {
      tool: 'IIT' | 'EIT';
      fiscalYear: number;
      opensOn: string;
      closesOn: string;
      useCodes?: boolean;
      framework?: string;
    },
  ): Promise<SurveyRound> {
    if (actor) authorize(actor, 'survey', 'manage', { agencyId: agency.id });
    if (request.closesOn < request.opensOn) throw badRequest('the round closes before it opens', 'วันปิดรับคำตอบต้องไม่ก่อนวันเปิด');
    const framework = frameworkForAgency(agency, request.fiscalYear, request.framework);
    const unknown = unknownItems(framework, request.tool);
    if (unknown.length || surveyItems(framework, request.tool).length === 0) {
      throw badRequest(
        `framework ${framework.id} does not give the items of ${unknown.join(', ') || request.tool}; a survey must ask the official items`,
        `ชุดคำถาม ${framework.id} ไม่มีข้อย่อยของคำถาม ${unknown.join(', ') || request.tool} จึงเปิดแบบสอบถามด้วยถ้อยคำทางการไม่ได้`,
      );
    }
    return this.db.transaction().execute(async (trx) => {
      const repository = new SurveyRepository(trx);
      // One running round of a tool a year: two would split the respondents and their quotas.
      await lockRow(trx, 'agencies', agency.id);
      const [running] = await repository.runningRounds(agency.id, request.fiscalYear, request.tool, todayInBangkok());
      if (running) {
        throw new HttpError(
          409,
          'round-already-open',
          `a ${request.tool} round of fiscal year ${request.fiscalYear} is already open or scheduled (round ${running.id}); close it first`,
          `มีรอบ ${request.tool} ปีงบประมาณ ${request.fiscalYear} ที่เปิดอยู่หรือรอเปิดแล้ว (ปิดรับ ${thaiDay(running.closes_on)}) กรุณาปิดรอบเดิมก่อนเปิดรอบใหม่`,
          { roundId: running.id },
        );
      }
      let code = randomCode(8);
      while (await repository.byCode(code)) code = randomCode(8);
      const round = await repository.insertRound({
        agency_id: agency.id,
        fiscal_year: request.fiscalYear,
        tool: request.tool,
        framework_id: framework.id,
        code,
        opens_on: request.opensOn,
        closes_on: request.closesOn,
        use_codes: request.useCodes && request.tool === 'IIT' ? 1 : 0,
        closed_at: null,
        created_by: actor?.id ?? null,
        created_at: new Date().toISOString(),
      });
      if (request.tool === 'EIT') {
        // The EIT minimums of the agency's kind as stored; a kind that sets none writes no quota.
        const kind = (await kindsResolver(trx))(agency.kind);
        for (const division of await listDivisions(trx, agency.id)) {
          const minimum = eitMinimum(kind, division.name_th);
          if (minimum) await repository.setQuota(trx, round.id, division.id, 0, minimum);
        }
      }
      await recordAudit(trx, {
        actorId: actor?.id ?? null,
        action: 'create',
        entity: 'survey-round',
        entityId: round.id,
        agencyId: agency.id,
        after: presentRound(round),
      });
      return round;
    });
  }

  /**
   * Sets the eligible headcount and the required sample of divisions. IIT sets the sample by the
   * IIT rule of the agency's kind as stored, from civil servants and employees given apart (a
   * headcount alone counts as civil servants); EIT keeps its minimums unless given.
   */
  async setQuotas(
    actor: Actor,
    round: SurveyRound,
    given: { divisionId: number; headcount?: number; civilServants?: number; employees?: number; required?: number }[],
  ) {
    authorize(actor, 'survey', 'manage', { agencyId: round.agency_id });
    const divisions = await listDivisions(this.db, round.agency_id);
    const own = new Set(divisions.map((d) => d.id));
    const strange = given.filter((q) => !own.has(q.divisionId)).map((q) => q.divisionId);
    if (strange.length) throw badRequest(`divisions ${strange.join(', ')} are not of this agency`, 'มีฝ่ายที่ไม่ใช่ของหน่วยงานนี้');
    const current = new Map((await this.repository.quotas(round.id)).map((q) => [q.division_id, q]));
    const counted = given.map((q) => {
      const apart = q.civilServants !== undefined || q.employees !== undefined;
      const civilServants = apart ? (q.civilServants ?? 0) : (q.headcount ?? 0);
      const employees = apart ? (q.employees ?? 0) : 0;
      return { ...q, civilServants, employees, headcount: civilServants + employees };
    });
    const iit = round.tool === 'IIT' ? (await this.kindOf(round.agency_id)).sampling.iit : null;
    // The agency's eligible staff: the headcounts given, and those kept of the divisions not given.
    const headcounts = new Map([...current].map(([id, q]) => [id, q.headcount]));
    for (const q of counted) headcounts.set(q.divisionId, q.headcount);
    const agencyEligible = [...headcounts.values()].reduce((sum, n) => sum + n, 0);
    const names = new Map(divisions.map((d) => [d.id, d.name_th]));
    const quotas = counted.map((q) => ({
      divisionId: q.divisionId,
      headcount: q.headcount,
      required:
        q.required ??
        (iit
          ? iitUnitRequired(iit, names.get(q.divisionId) ?? '', q.civilServants, q.employees, agencyEligible)
          : (current.get(q.divisionId)?.required ?? 0)),
    }));
    await this.db.transaction().execute(async (trx) => {
      for (const q of quotas) {
        await new SurveyRepository(trx).setQuota(trx, round.id, q.divisionId, q.headcount, Math.max(q.required, 0));
      }
      await keepShownFigures(trx, [round.id]);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'update',
        entity: 'survey-quota',
        entityId: round.id,
        agencyId: round.agency_id,
        after: quotas,
      });
    });
  }

  /** The kind of the agency as stored, resolved as the calendar and documents resolve it. */
  private async kindOf(agencyId: number) {
    const [agency] = await listAgencies(this.db, agencyId);
    return (await kindsResolver(this.db))(agency!.kind);
  }

  /**
   * Counts each division's eligible staff from an uploaded roster (CSV or XLSX) and sets them as
   * headcounts. The roster is read in memory and dropped: only the counts are kept.
   */
  async countFromRoster(actor: Actor, round: SurveyRound, file: { fileName: string; data: Buffer }) {
    authorize(actor, 'survey', 'manage', { agencyId: round.agency_id });
    const table = await readRoster(file);
    const divisions = await listDivisions(this.db, round.agency_id);
    const counted = countRosterByKind(
      table,
      round.fiscal_year,
      divisions.map((d) => d.name_th),
    );
    if (counted.eligible === 0 && counted.problems.length) {
      throw badRequest(counted.problems[0]!.message, counted.problems[0]!.th, { problems: counted.problems.slice(0, 50) });
    }
    await this.setQuotas(
      actor,
      round,
      divisions.map((d) => ({ divisionId: d.id, ...(counted.byKind.get(d.name_th) ?? { civilServants: 0, employees: 0 }) })),
    );
    return {
      eligible: counted.eligible,
      notYet: counted.notYet,
      problems: counted.problems.slice(0, 50),
      counts: Object.fromEntries(counted.counts),
    };
  }

  /** Makes single-use codes for a division's slips; the codes are shown once and only their hashes kept. */
  async makeCodes(actor: Actor, round: SurveyRound, divisionId: number, count: number): Promise<string[]> {
    authorize(actor, 'survey', 'manage', { agencyId: round.agency_id });
    if (round.use_codes !== 1) throw conflict('this round takes no codes', 'รอบนี้ไม่ใช้รหัสผู้ตอบ');
    if (!(await listDivisions(this.db, round.agency_id)).some((d) => d.id === divisionId)) {
      throw badRequest('the division is not of this agency', 'ฝ่ายนี้ไม่ใช่ของหน่วยงาน');
    }
    const codes = new Set<string>();
    while (codes.size < count) codes.add(randomCode(10));
    await this.db.transaction().execute(async (trx) => {
      await new SurveyRepository(trx).insertCodes(trx, round.id, divisionId, [...codes].map(hashCode));
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'create',
        entity: 'survey-codes',
        entityId: round.id,
        agencyId: round.agency_id,
        after: { divisionId, count },
      });
    });
    return [...codes];
  }

  /**
   * Takes one complete response, anonymously: its answers go into the tallies, its submission id
   * into the receipts (so a retry is answered as the first), nothing else is kept.
   */
  async submit(roundCode: string, submission: Submission): Promise<{ status: 'received' }> {
    const round = await this.repository.byCode(roundCode);
    if (!round) throw refused(404, 'not-found', 'no such survey', 'ไม่พบแบบสอบถามนี้');
    if (!isOpen(round)) {
      throw refused(409, 'survey-closed', 'the survey is not taking responses', 'แบบสอบถามนี้ปิดรับคำตอบแล้ว หรือยังไม่เปิดรับ');
    }
    const checked = checkAnswers(itemsOf(round), submission.answers);
    if (!checked.ok) {
      throw refused(
        400,
        'invalid-answers',
        checked.problems
          .slice(0, 5)
          .map((p) => p.message)
          .join('; '),
        checked.problems[0]!.th,
        {
          problems: checked.problems.slice(0, 20),
        },
      );
    }
    const division = submission.division ?? 0;
    if (division !== 0 && !(await this.divisionsOf(round.agency_id)).has(division)) {
      throw refused(400, 'invalid-division', 'no such division', 'ไม่พบฝ่ายที่เลือก');
    }
    return intakeFor(this.db).submit(round, division, checked.options, submission.clientId, submission.code);
  }

  /** An agency's division ids, kept a few seconds: every response checks its division against them. */
  private async divisionsOf(agencyId: number): Promise<Set<number>> {
    const cached = divisionCache.get(agencyId);
    if (cached && cached.until > Date.now()) return cached.ids;
    const ids = new Set((await listDivisions(this.db, agencyId)).map((d) => d.id));
    divisionCache.set(agencyId, { ids, until: Date.now() + 10_000 });
    return ids;
  }

  /**
   * Responses per division against its quota, and what is still short. Counts change only when a
   * batch of 5 or more is counted; a division under 5 shows null (น้อยกว่า 5).
   */
  async progress(actor: Actor, round: SurveyRound) {
    authorize(actor, 'survey', 'read', { agencyId: round.agency_id });
    await this.settle(round);
    const [counts, quotas, divisions] = await Promise.all([
      this.repository.counts(round.id),
      this.repository.quotas(round.id),
      listDivisions(this.db, round.agency_id),
    ]);
    const shown = shownCounts(
      new Map(counts.map((c) => [c.division_id, Number(c.responses)])),
      divisions.map((d) => d.id),
    );
    const rows = divisions.map((d) => {
      const quota = quotas.find((q) => q.division_id === d.id);
      const responses = shown.of(d.id);
      const required = quota?.required ?? 0;
      return {
        divisionId: d.id,
        nameTh: d.name_th,
        headcount: quota?.headcount ?? 0,
        required,
        responses,
        short: responses === null ? null : Math.max(0, required - responses),
      };
    });
    return {
      total: shown.total,
      unassigned: shown.of(0),
      minimumGroup: MIN_GROUP_SIZE,
      divisions: rows,
      shortfalls: rows.filter((r) => isShort(r.responses, r.required)),
    };
  }

  /**
   * City-wide: each agency's latest round of a year and tool, its responses against the sum of its
   * quotas, and the divisions still short, as the round's own progress shows them (so that nothing
   * here undoes a hidden division): kept on each round, and worked out again for a round whose
   * counts or quotas changed since.
   */
  async cityProgress(
    actor: Actor,
    fiscalYear: number,
    tool: string,
    page: Page<SurveySort> & { state?: RoundState | undefined },
  ) {
    authorize(actor, 'cityResults', 'read', undefined);
    const scope = overseen(actor);
    const today = todayInBangkok();
    let found = await this.repository.cityProgressPage(fiscalYear, tool, scope, today, page);
    const past = found.rounds.filter((r) => !isOpen(r, today));
    const due = (await this.repository.pendingOf(past.map((r) => r.id))).filter((p) => p.n >= MIN_GROUP_SIZE);
    if (due.length) {
      for (const { round_id } of due) await this.settle(past.find((r) => r.id === round_id)!);
      found = await this.repository.cityProgressPage(fiscalYear, tool, scope, today, page);
    }
    const unkept = found.rounds.filter((r) => r.shown_kept !== 1).map((r) => r.id);
    const kept = unkept.length
      ? await this.db.transaction().execute(async (trx) => {
          unkept.sort((a, b) => a - b);
          for (const id of unkept) await lockRow(trx, 'survey_rounds', id);
          return keepShownFigures(trx, unkept);
        })
      : undefined;
    const state = (name: RoundState) => Number(found.states.find((s) => s.state === name)?.n ?? 0);
    return {
      total: found.total,
      rows: found.rounds.map(({ agency_code, agency_slug, agency_name_th, agency_kind, ...round }) => {
        const figures = kept?.get(round.id) ?? {
          responses: round.shown_responses,
          quotaGroups: round.quota_groups,
          groupsShort: round.groups_short,
          shortBy: round.short_by,
        };
        return {
          agencyId: round.agency_id,
          agency: { code: agency_code, slug: agency_slug, nameTh: agency_name_th, kind: agency_kind },
          round: presentRound(round),
          responses: figures.responses,
          required: round.required,
          quotaGroups: figures.quotaGroups,
          groupsShort: figures.groupsShort,
          shortBy: figures.shortBy,
        };
      }),
      agencies: state('open') + state('upcoming') + state('closed'),
      open: state('open'),
      upcoming: state('upcoming'),
      closed: state('closed'),
      required: found.required,
    };
  }

  /**
   * A round past its end counts what still waits, in one batch when 5 or more; fewer stay sealed
   * and uncounted (the round then has fewer than 5 and shows nothing).
   */
  private async settle(round: SurveyRound): Promise<void> {
    // Without the key (a command run outside the app) nothing can be opened: the round shows what is counted.
    if (isOpen(round) || !hasSurveyKey(this.db)) return;
    if ((await this.repository.pendingCount(this.db, round.id)) < MIN_GROUP_SIZE) return;
    const counted = await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'survey_rounds', round.id);
      return countWaiting(trx, () => surveyKeyOf(this.db), round, 0);
    });
    if (counted) await afterCounting(this.db);
  }

  /**
   * The round scored by the engine, with weak points, and divisions shown only where at least 5
   * answered. Under 5 respondents in all, no score at all. It changes only when a batch of 5 or
   * more is counted.
   */
  async result(actor: Actor, round: SurveyRound) {
    authorize(actor, 'survey', 'read', { agencyId: round.agency_id });
    await this.settle(round);
    const framework = loadFramework(round.framework_id);
    const counts = await this.repository.counts(round.id);
    const divisions = await listDivisions(this.db, round.agency_id);
    const shown = shownCounts(
      new Map(counts.map((c) => [c.division_id, Number(c.responses)])),
      divisions.map((d) => d.id),
    );
    const scored = shown.total === null ? null : await this.score(round, counts);
    const official = async (year: number) => {
      const assessment = await findAssessment(this.db, round.agency_id, year);
      const score = round.tool === 'IIT' ? assessment?.iit : assessment?.eit;
      return score === null || score === undefined ? null : { fiscalYear: year, score };
    };
    return {
      round: presentRound(round),
      source: 'self-assessment' as const,
      // The official score of the tool this year and last year, to compare with.
      official: { thisYear: await official(round.fiscal_year), lastYear: await official(round.fiscal_year - 1) },
      respondents: shown.total,
      minimumGroup: MIN_GROUP_SIZE,
      result: scored ? presentResult(scored) : null,
      weak: scored ? findWeakPoints(framework, scored).flat.filter((p) => p.tool === round.tool) : [],
      divisions: [...divisions.map((d) => ({ id: d.id, nameTh: d.name_th })), { id: 0, nameTh: 'ไม่ระบุฝ่าย' }].map((d) => ({
        nameTh: d.nameTh,
        responses: shown.of(d.id),
      })),
    };
  }

  /** What the round would score with some questions or items raised (or lowered): the same what-if as the official results. */
  async whatIf(actor: Actor, round: SurveyRound, changes: Record<string, number>) {
    authorize(actor, 'survey', 'read', { agencyId: round.agency_id });
    await this.settle(round);
    const framework = loadFramework(round.framework_id);
    const before = await this.score(round);
    if ((before.respondents[round.tool] ?? 0) < MIN_GROUP_SIZE) {
      throw conflict('fewer than 5 responses are counted', 'ผู้ตอบที่นับแล้วยังน้อยกว่า 5 คน จึงยังคำนวณไม่ได้');
    }
    const after = whatIf(framework, before, changes);
    return { before: presentResult(before), after: presentResult(after) };
  }

  /** The engine's score of a round's tallies (all divisions together). */
  async score(round: SurveyRound, counts?: { responses: number }[]) {
    const framework = loadFramework(round.framework_id);
    const items = surveyItems(framework, round.tool);
    const tallies = new Map<string, number[]>();
    for (const row of await this.repository.tallies(round.id)) {
      const item = items.find((i) => i.key === row.item_key);
      if (!item) continue;
      const counts = tallies.get(row.item_key) ?? item.scale.options.map(() => 0);
      counts[row.option_index] = Number(row.count);
      tallies.set(row.item_key, counts);
    }
    const respondents = (counts ?? (await this.repository.counts(round.id))).reduce((sum, c) => sum + Number(c.responses), 0);
    return scoreAssessment(framework, talliesToScoreInput(items, round.tool, tallies, respondents));
  }

  /** The latest IIT and EIT self-assessment scores of an agency's year, when both tools have responses. */
  async selfAssessedScores(
    agencyId: number,
    fiscalYear: number,
  ): Promise<{ scores: Record<string, number>; source: string } | null> {
    const rounds = await this.repository.roundsOfYear(agencyId, fiscalYear);
    const scores: Record<string, number> = {};
    for (const tool of ['IIT', 'EIT']) {
      for (const round of rounds.filter((r) => r.tool === tool)) {
        await this.settle(round);
        const scored = await this.score(round);
        // A round of fewer than 5 counted responses gives no score.
        const score = (scored.respondents[tool] ?? 0) >= MIN_GROUP_SIZE ? scored.tools[tool]?.score : undefined;
        if (score !== undefined) {
          scores[tool] = score;
          break;
        }
      }
    }
    return scores.IIT !== undefined && scores.EIT !== undefined
      ? { scores, source: `แบบสอบถามประเมินตนเอง IIT/EIT ปีงบประมาณ พ.ศ. ${fiscalYear}` }
      : null;
  }

  /**
   * Closes a round and counts every response still waiting, in one batch when 5 or more (fewer
   * stay sealed and uncounted: the round then has fewer than 5 and shows nothing).
   */
  async close(actor: Actor, round: SurveyRound): Promise<void> {
    authorize(actor, 'survey', 'manage', { agencyId: round.agency_id });
    const counted = await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', round.agency_id);
      await lockRow(trx, 'survey_rounds', round.id);
      await new SurveyRepository(trx).close(round.id, new Date().toISOString());
      const counted = await countWaiting(trx, () => surveyKeyOf(this.db), round, 0);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'close',
        entity: 'survey-round',
        entityId: round.id,
        agencyId: round.agency_id,
      });
      return counted;
    });
    if (counted) await afterCounting(this.db);
  }
}
