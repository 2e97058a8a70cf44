// The national benchmark's self-assessment rounds: an IIT round of the measured year for every
// agency a set with survey wording serves, opened, given its quotas, answered and (some) closed
// through the survey service, as a secretariat and its respondents would.
//
// Only the Bangkok district sets carry the items' wording; the main-round sets (departments,
// provinces, local administrations) do not. So the benchmark imports a set of its own through the
// frameworks import service: the FY2566 district set's wording under another id, for the kinds of
// the main round, marked provisional and named as the benchmark's synthetic set. It is never in
// frameworks/ and never official. Its one fiscal year (2500) is one no set, result or checklist of
// the benchmark uses, so it never becomes any agency's set of a year: rounds name it explicitly,
// as a secretariat may choose the set of a round.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { addDays, frameworkAgencyKinds, servesKind, surveyItems } from '@prongsai/core';
import { listDivisions } from '../agencies/repository.js';
import type { Actor } from '../auth/policy.js';
import { todayInBangkok, type Db } from '../db/database.js';
import type { Agency, SurveyRound } from '../db/schema.js';
import { assessedAs } from '../frameworks/for-agency.js';
import { importFramework } from '../frameworks/import.js';
import { availableFrameworks, frameworksDir, loadFramework } from '../frameworks/registry.js';
import { syncImportedFrameworks } from '../frameworks/shared.js';
import { loadSurveyKey, useSurveyKey } from '../surveys/sealing.js';
import { SurveyService } from '../surveys/service.js';

/**
 * The benchmark's survey key (its loader and its server seal and open with the same one, so a kept
 * database's waiting responses stay readable from run to run); the responses are synthetic.
 */
export const BENCH_SURVEY_KEY = createHash('sha256').update('prongsai national benchmark: synthetic responses').digest('hex');

/** Seals the benchmark's responses in this process with its key. */
export const useBenchSurveyKey = (db: Db) =>
  useSurveyKey(db.kysely, loadSurveyKey('', { PRONGSAI_SURVEY_KEY: BENCH_SURVEY_KEY }));

/** The set whose wording is copied, and the set whose kinds of agency the copy serves. */
const WORDED_SET = 'bma-district-2566';
const MAIN_SET = 'nacc-main-2569';
export const SYNTHETIC_SET = 'bench-national-synthetic-survey';
const SYNTHETIC_YEAR = 2500;

function syntheticSet(): Buffer {
  const data = JSON.parse(readFileSync(join(frameworksDir(), `${WORDED_SET}.json`), 'utf8')) as Record<string, unknown>;
  return Buffer.from(
    JSON.stringify({
      ...data,
      id: SYNTHETIC_SET,
      name: {
        th: `ชุดคำถามสังเคราะห์ของการทดสอบสมรรถนะระดับประเทศ (สำเนาถ้อยคำของ ${WORDED_SET}) ไม่ใช่ชุดคำถามทางการ`,
        en: `The national benchmark's synthetic set (a copy of ${WORDED_SET}'s wording), not an official set`,
      },
      fiscalYears: [SYNTHETIC_YEAR],
      agencyKinds: frameworkAgencyKinds(loadFramework(MAIN_SET).data),
      provenance: {
        sources: [
          {
            id: WORDED_SET,
            kind: 'fixture',
            citation: `frameworks/${WORDED_SET}.json, copied by packages/server/src/bench/national-surveys.ts`,
            gave: `Every scale, level, tool, indicator, question, item and OIT item of ${WORDED_SET}, unchanged; the id, name, fiscal year and kinds of agency are the benchmark's.`,
          },
        ],
        provisional: true,
        confirmedBy: null,
        confirmedAt: null,
        unknowns: [
          "Not an official set: the national benchmark's synthetic copy, so that agencies of the main round can open self-assessment rounds in its database (the main-round sets carry no survey wording).",
        ],
      },
    }),
  );
}

/** Imports the synthetic set through the frameworks import service unless the database holds it already. */
async function ensureSyntheticSet(db: Db, actor: Actor): Promise<boolean> {
  await syncImportedFrameworks(db.kysely);
  if (availableFrameworks().includes(SYNTHETIC_SET)) return false;
  const imported = await importFramework(db.kysely, actor, { fileName: `${SYNTHETIC_SET}.json`, data: syntheticSet() });
  if (!imported.ok) throw new Error(`importing ${SYNTHETIC_SET}: ${imported.problems.map((p) => p.message).join('; ')}`);
  return true;
}

/** The set with survey wording an agency's round is opened with: its own kind's district set, or the synthetic copy. */
function surveySetOf(agency: Agency): string | null {
  const kind = assessedAs(agency.kind);
  for (const id of [WORDED_SET, SYNTHETIC_SET]) if (servesKind(loadFramework(id).data, kind)) return id;
  return null;
}

/**
 * What each agency's round is, by its place in the code order (the same every run): one in ten
 * still to open, one in ten closed after its responses, the others open; three in four of those
 * answered by 10–16 respondents (at 10 waiting the intake counts all but 5; closing counts the rest).
 */
const planOf = (i: number) => ({
  state: i % 10 === 7 ? ('upcoming' as const) : i % 10 === 3 ? ('closed' as const) : ('open' as const),
  respondents: i % 10 === 7 || i % 4 === 0 ? 0 : 10 + (i % 7),
});

export interface SurveyLoad {
  setImported: boolean;
  opened: number;
  quotaRounds: number;
  quotaGroups: number;
  responses: number;
  closed: number;
  seconds: number;
}

/**
 * Loads what is missing of the year's IIT rounds of `agencies` (a kept database loaded before rounds
 * existed, or one whose loading stopped midway, gets the rest): opens the rounds, sets each
 * division's quota (its civil servants and employees, the IIT sample by the BMA rule), submits the
 * planned responses to rounds that have none yet, and closes the rounds planned closed.
 */
export async function loadSurveyRounds(
  db: Db,
  actor: Actor,
  agencies: readonly Agency[],
  fiscalYear: number,
  clients: number,
): Promise<SurveyLoad> {
  const started = performance.now();
  const setImported = await ensureSyntheticSet(db, actor);
  const surveys = new SurveyService(db.kysely);
  const today = todayInBangkok();
  const ordered = [...agencies].sort((a, b) => a.code.localeCompare(b.code));
  const place = new Map(ordered.map((a, i) => [a.id, i]));
  const byId = new Map(ordered.map((a) => [a.id, a]));
  const roundsOf = async () =>
    new Map(
      (
        await db.kysely
          .selectFrom('survey_rounds')
          .selectAll()
          .where('fiscal_year', '=', fiscalYear)
          .where('tool', '=', 'IIT')
          .execute()
      ).map((r) => [r.agency_id, r]),
    );
  const each = async <T>(items: readonly T[], work: (item: T) => Promise<void>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < items.length) await work(items[next++]!);
      }),
    );
  };

  // Rounds: opened 3 weeks ago and closing in a month, or opening in 2 weeks.
  const have = await roundsOf();
  let opened = 0;
  await each(
    ordered.filter((a) => !have.has(a.id) && surveySetOf(a) !== null),
    async (agency) => {
      const upcoming = planOf(place.get(agency.id)!).state === 'upcoming';
      await surveys.open(actor, agency, {
        tool: 'IIT',
        fiscalYear,
        opensOn: addDays(today, upcoming ? 14 : -21),
        closesOn: addDays(today, upcoming ? 45 : 30),
        framework: surveySetOf(agency)!,
      });
      opened++;
    },
  );
  const rounds = await roundsOf();
  const ours = [...rounds.values()].filter((r) => byId.has(r.agency_id));
  const ids = ours.map((r) => r.id);
  const withQuotas = new Set(
    ids.length
      ? (await db.kysely.selectFrom('survey_quotas').select('round_id').distinct().where('round_id', 'in', ids).execute()).map(
          (q) => q.round_id,
        )
      : [],
  );
  const answered = new Set(
    ids.length
      ? (await db.kysely.selectFrom('survey_receipts').select('round_id').distinct().where('round_id', 'in', ids).execute()).map(
          (q) => q.round_id,
        )
      : [],
  );

  // Quotas of every division, a few civil servants and employees each.
  let quotaRounds = 0;
  let quotaGroups = 0;
  await each(
    ours.filter((r) => !withQuotas.has(r.id)),
    async (round) => {
      const i = place.get(round.agency_id)!;
      const divisions = await listDivisions(db.kysely, round.agency_id);
      if (!divisions.length) return;
      await surveys.setQuotas(
        actor,
        round,
        divisions.map((d, j) => ({
          divisionId: d.id,
          civilServants: 2 + ((i + 3 * j) % 9),
          employees: 4 + ((7 * i + 5 * j) % 23),
        })),
      );
      quotaRounds++;
      quotaGroups += divisions.length;
    },
  );

  // Responses through the service, 40 rounds' at once (the intake takes them in groups of up to 500).
  const toAnswer = ours.filter((r) => {
    const plan = planOf(place.get(r.agency_id)!);
    return plan.respondents > 0 && !answered.has(r.id) && r.closed_at === null && r.opens_on <= today && today <= r.closes_on;
  });
  let responses = 0;
  for (let at = 0; at < toAnswer.length; at += 40) {
    await Promise.all(
      toAnswer.slice(at, at + 40).map(async (round) => {
        const i = place.get(round.agency_id)!;
        const items = surveyItems(loadFramework(round.framework_id), 'IIT');
        const divisions = (await listDivisions(db.kysely, round.agency_id)).map((d) => d.id);
        await Promise.all(
          Array.from({ length: planOf(i).respondents }, async (_, r) => {
            await surveys.submit(round.code, {
              clientId: randomUUID(),
              // Answers leaning to the better end, varying by respondent and agency.
              answers: Object.fromEntries(
                items.map((item, k) => {
                  const options = item.scale.answers;
                  return [item.key, options[Math.max(0, options.length - 1 - ((i + r * 3 + k) % 3))]];
                }),
              ),
              // One in six says no division; the others spread over the divisions.
              division: divisions.length && r % 6 !== 5 ? divisions[(i + r) % divisions.length]! : undefined,
            });
            responses++;
          }),
        );
      }),
    );
  }

  // The rounds planned closed, closed by the secretariat (the waiting responses counted).
  let closed = 0;
  await each(
    [...(await roundsOf()).values()].filter(
      (r): r is SurveyRound =>
        byId.has(r.agency_id) && r.closed_at === null && planOf(place.get(r.agency_id)!).state === 'closed',
    ),
    async (round) => {
      await surveys.close(actor, round);
      closed++;
    },
  );
  return { setImported, opened, quotaRounds, quotaGroups, responses, closed, seconds: (performance.now() - started) / 1000 };
}

/** Rows the year's rounds hold now, for the report. */
export async function surveyRows(db: Db, fiscalYear: number) {
  const { rows } = await sql<{ rounds: string; open: string; quotas: string; counted: string; waiting: string }>`
    select (select count(*) from survey_rounds where fiscal_year = ${fiscalYear}) as rounds,
      (select count(*) from survey_rounds where fiscal_year = ${fiscalYear} and closed_at is null
        and opens_on <= ${todayInBangkok()} and ${todayInBangkok()} <= closes_on) as open,
      (select count(*) from survey_quotas q join survey_rounds r on r.id = q.round_id where r.fiscal_year = ${fiscalYear}) as quotas,
      (select coalesce(sum(c.responses), 0) from survey_counts c join survey_rounds r on r.id = c.round_id
        where r.fiscal_year = ${fiscalYear}) as counted,
      (select count(*) from survey_pending p join survey_rounds r on r.id = p.round_id where r.fiscal_year = ${fiscalYear}) as waiting`.execute(
    db.kysely,
  );
  const row = rows[0]!;
  return {
    rounds: Number(row.rounds),
    open: Number(row.open),
    quotas: Number(row.quotas),
    counted: Number(row.counted),
    waiting: Number(row.waiting),
  };
}
