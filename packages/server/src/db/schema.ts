import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are stored as ISO-8601 text in UTC on both engines. */
type Timestamp = string;

export interface AgencyTable {
  id: Generated<number>;
  /** Official geocode for Bangkok districts (e.g. 1040 for บางแค); any unique code otherwise. */
  code: string;
  slug: string;
  name_th: string;
  name_en: string;
  /** An agency kind's id (`agency_kinds.id`): district, central, other, province, municipality… */
  kind: string;
  /** The agency overseeing this one (the BMA over a district), if any. */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}

export interface AgencyKindTable {
  id: string;
  name_th: string;
  name_en: string;
  /** JSON: the whole kind (naming, units, sampling), as `AgencyKind` in the core. */
  definition: string;
  /** 1 for the kinds Prongsai ships (seeded by migration). */
  shipped: number;
  updated_at: Timestamp;
}

export interface DivisionTable {
  id: Generated<number>;
  agency_id: number;
  name_th: string;
  name_en: string;
  sort_order: number;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}

export type Role = 'central_admin' | 'agency_admin' | 'division_editor' | 'executive';

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  agency_id: number | null;
  division_id: number | null;
  /** A central admin's part of the oversight tree: null for the whole country, else this agency and those below it. */
  oversees_agency_id: ColumnType<number | null, number | null | undefined, number | null>;
  failed_logins: number;
  locked_until: Timestamp | null;
  disabled: number;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  agency_id: number | null;
  /** JSON of the record before and after the write. */
  before: string | null;
  after: string | null;
}

export interface AssessmentTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  framework_id: string;
  /** `imported`, or `demo-generated` for generated demo data. */
  source: string;
  ita: number | null;
  level_id: string | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  /** JSON: indicator number → score (full precision). */
  indicators: string;
  /** JSON: the full score result. */
  result: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssessmentImportTable {
  id: Generated<number>;
  assessment_id: number;
  kind: string;
  file_name: string;
  /** Comma-separated parts the import provides (IIT, EIT, OIT, stats:IIT…); a later import with an overlapping scope supersedes it. */
  scope: string;
  /** JSON: the import's content (aggregated; never respondent-level rows). */
  content: string;
  warnings: string;
  created_by: number | null;
  created_at: Timestamp;
  superseded_at: Timestamp | null;
}

export interface MeasurePlanTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  /** The fiscal year of the results the plan answers (usually the year before). */
  based_on_year: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeasureEntryTable {
  id: Generated<number>;
  plan_id: number;
  /** `question` (a question below the threshold), `indicator` (per-indicator plans) or `extra`. */
  section: string;
  position: number;
  question_code: string | null;
  indicator_number: number | null;
  /** Text and score of the assessment point as they were when planned. */
  question_text: string | null;
  score: number | null;
  /** Heading of an extra entry (e.g. BMA OSS). */
  title: string | null;
  issue: string;
  /** JSON array of the measures/activities, in order. */
  measures: string;
  /** JSON array of responsible division ids, or ["all"] for ทุกฝ่าย. */
  divisions: string;
  cadence: string;
  cadence_text: string | null;
  start_date: string | null;
  end_date: string | null;
  target_score: number | null;
  /** Raised by every change; a write that read an older version is refused. */
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LibraryEntryTable {
  id: Generated<number>;
  /** null for entries seeded from the published documents. */
  agency_id: number | null;
  /** `private` (the agency's own), `pending` (offered to all, awaiting central approval) or `shared`. */
  status: string;
  question_code: string | null;
  indicator_number: number | null;
  issue: string;
  measures: string;
  source: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ProgressRoundTable {
  id: Generated<number>;
  plan_id: number;
  /** 6 or 12 (months). */
  round: number;
  due_date: string;
  /** `open` or `approved` (locked). */
  status: string;
  revision: number;
  approved_by: number | null;
  approved_at: Timestamp | null;
}

export interface ProgressReportTable {
  id: Generated<number>;
  round_id: number;
  entry_id: number;
  /** `not-started`, `in-progress`, `done` or `not-done`. */
  status: string;
  reason: string | null;
  narrative: string;
  /** `draft`, `submitted`, `returned` or `accepted`. */
  review: string;
  review_comment: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** One division's part of a report on a measure that several divisions (or all) carry out. */
export interface ReportPartTable {
  id: Generated<number>;
  report_id: number;
  division_id: number;
  /** As a report's status: `not-started`, `in-progress`, `done` or `not-done`. */
  status: string;
  narrative: string;
  /** Set when the division sends its part; cleared when it changes the part again. */
  submitted_at: Timestamp | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ProgressRevisionTable {
  id: Generated<number>;
  round_id: number;
  revision: number;
  snapshot: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface EvidenceFileTable {
  id: Generated<number>;
  report_id: number;
  agency_id: number;
  position: number;
  kind: string;
  caption: string;
  link: string | null;
  stored_name: string;
  thumb_name: string | null;
  mime: string;
  bytes: number;
  /** Bytes of the thumbnail (0 without one); counted in the agency's quota with `bytes`. */
  thumb_bytes: Generated<number>;
  width: number | null;
  height: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface CommitteeTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  /** JSON: the appointment order (number, subject, preamble, members, duties, date, signatory). */
  data: string;
  updated_at: Timestamp;
}

export interface DocumentJobTable {
  id: string;
  agency_id: number;
  requested_by: number | null;
  /** JSON: the document request (kind, format, year, round, digits). */
  request: string;
  file_name: string;
  format: string;
  /** `queued`, `running`, `done` or `failed`. */
  status: string;
  progress: number;
  attempts: number;
  hash: string | null;
  bytes: number | null;
  /** JSON `{ message, messageTh }` of a failed job. */
  error: string | null;
  /** The instance running the job, and when it last said it still is. */
  worker: string | null;
  heartbeat_at: Timestamp | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  /** The batch the job was made in (`document_batches.id`), or null for a document asked for alone. */
  batch_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The job's place in its batch by agency code, then agency id (from 1); null for a document asked for alone. */
  position: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One document of a kind asked for every agency a central admin oversees at once: its jobs name it. */
export interface DocumentBatchTable {
  id: string;
  requested_by: number | null;
  /** JSON: the document request every job of the batch makes (kind, format, year, round, digits). */
  request: string;
  fiscal_year: number;
  kind: string;
  format: string;
  /** How many jobs (agencies) the batch holds. */
  total: number;
  created_at: Timestamp;
  /** Its jobs by status, kept by the database as they move (migration 0035). */
  jobs_queued: Generated<number>;
  jobs_running: Generated<number>;
  jobs_done: Generated<number>;
  jobs_failed: Generated<number>;
}

export interface PublicationTable {
  id: Generated<number>;
  agency_id: number;
  /** `results`, `plan` or `round`. */
  kind: string;
  fiscal_year: number;
  round: number | null;
  /** JSON: exactly what the open data shows of it. */
  snapshot: string;
  published_by: number | null;
  published_at: Timestamp;
  withdrawn_by: number | null;
  withdrawn_at: Timestamp | null;
}

export interface OitChecklistTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  framework_id: string;
  approved_by: number | null;
  approved_at: Timestamp | null;
  created_at: Timestamp;
}

/** An agency-year's OIT readiness and predicted scores, kept as the checklist changes. */
/** An assessment's rank among the whole country's of its fiscal year (kept: see result_changes). */
export interface ResultRankTable {
  assessment_id: number;
  fiscal_year: number;
  rank: number;
  /** Its place in the city table: by rank, equal ranks by agency code. */
  position: number;
}

/** A fiscal year's results of one level over the whole country ('' for none), kept. */
export interface ResultLevelTable {
  fiscal_year: number;
  level_key: string;
  agencies: number;
  scored: number;
  ita_sum: number;
  generated: number;
  framework_id: string | null;
}

/** How many agencies have results in a fiscal year (0: in any year), kept. */
export interface ResultSummaryTable {
  fiscal_year: number;
  agencies: number;
  kept_at: Timestamp;
}

/** A fiscal year whose kept figures are stale: written by the database's triggers on assessments. */
export interface ResultChangeTable {
  id: Generated<number>;
  fiscal_year: number;
}

/** An agency-year whose kept OIT readiness is stale: written by the database's triggers on what it reads. */
export interface ReadinessChangeTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
}

export interface OitReadinessTable {
  agency_id: number;
  fiscal_year: number;
  ready: number;
  at_risk: number;
  missing: number;
  oit_low: number;
  oit_high: number;
  ita_low: number | null;
  ita_high: number | null;
  level_low: string | null;
  level_high: string | null;
  basis: string | null;
  due_date: string;
  /** Responses the agency-year's survey rounds had counted when the row was kept. */
  survey_responses: number;
  updated_at: Timestamp;
}

/** The whole country's readiness sums of a year, kept by triggers on oit_readiness (migration 0034). */
export interface ReadinessTotalsTable {
  fiscal_year: number;
  agencies: number;
  ready: number;
  at_risk: number;
  missing: number;
  /** Sums of the predicted OIT range in hundredths (the scores are kept to the hundredth): exact. */
  oit_low_hundredths: number | string;
  oit_high_hundredths: number | string;
  all_ready: number;
  with_missing: number;
}

export interface OitTaskTable {
  id: Generated<number>;
  checklist_id: number;
  agency_id: number;
  item_code: string;
  /** `carried`, `renamed` or `new`: what rolling over from last year's checklist found. */
  carry: string;
  /** `todo`, `submitted`, `returned` or `accepted`. */
  status: string;
  /** ISO date. */
  due_date: string | null;
  review_comment: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface OitTaskDivisionTable {
  id: Generated<number>;
  task_id: number;
  division_id: number;
}

export interface OitEvidenceTable {
  id: Generated<number>;
  task_id: number;
  agency_id: number;
  /** The division that sent it; null when the secretariat added it. */
  division_id: number | null;
  position: number;
  /** `file` or `link`. */
  kind: string;
  title: string;
  note: string;
  url: string | null;
  stored_name: string | null;
  file_name: string | null;
  mime: string | null;
  bytes: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface LinkCheckRunTable {
  id: string;
  agency_id: number;
  fiscal_year: number;
  /** `manual` or `schedule`. */
  trigger: string;
  requested_by: number | null;
  /** `queued`, `running`, `done` or `failed`. */
  status: string;
  total: number;
  checked: number;
  passed: number;
  attempts: number;
  /** JSON `{ message, messageTh }` of a failed run. */
  error: string | null;
  worker: string | null;
  heartbeat_at: Timestamp | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** Each agency-year's latest finished ('done') run and the figures lists read, kept by the database as runs finish (migration 0032). */
export interface LinkCheckLatestTable {
  agency_id: number;
  fiscal_year: number;
  run_id: string;
  /** The run's `trigger`. */
  trigger: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  total: number;
  checked: number;
  passed: number;
}

export interface LinkResultTable {
  id: Generated<number>;
  run_id: string;
  agency_id: number;
  fiscal_year: number;
  url: string;
  /** 1 when the link passed. */
  ok: number;
  verdict: string;
  status_code: number | null;
  content_type: string | null;
  bytes: number;
  final_url: string;
  /** 1 or 0 when the page could be read for the year, null when not. */
  mentions_year: number | null;
  detail: string | null;
  duration_ms: number;
  checked_at: Timestamp;
}

export interface OitReviewTable {
  id: Generated<number>;
  checklist_id: number;
  agency_id: number;
  fiscal_year: number;
  /** JSON: the preliminary score and suggestion of each item, as the assessors gave them. */
  preliminary: string;
  preliminary_file: string;
  imported_by: number | null;
  imported_at: Timestamp;
  /** JSON: the confirmed score of each item; null until the assessors confirm. */
  confirmed: string | null;
  confirmed_by: number | null;
  confirmed_at: Timestamp | null;
}

export interface OitDisputeTable {
  id: Generated<number>;
  review_id: number;
  item_code: string;
  clarification: string;
  /** JSON: ids of the item's OIT evidence the clarification points to. */
  evidence_ids: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface SurveyRoundTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  /** `IIT` or `EIT`. */
  tool: string;
  framework_id: string;
  /** The short public code of the respondents' link (`/s/<code>`). */
  code: string;
  /** ISO dates, Bangkok days: the first and last day responses are taken. */
  opens_on: string;
  closes_on: string;
  /** 1 when respondents must give a single-use code (IIT). */
  use_codes: number;
  closed_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  /** 1 on the newest round of its agency, fiscal year and tool, else 0: kept by the database (migration 0033). */
  latest: Generated<number>;
  /** The sum of its quotas' required sample: kept by the database (migration 0033). */
  required: Generated<number>;
  /**
   * 1 while the four figures below are those of the round's counts and quotas: written by the survey
   * service, set to 0 by the database whenever counts or quotas change (migration 0036).
   */
  shown_kept: Generated<number>;
  /** Its responses as they may be shown: null under 5. */
  shown_responses: Generated<number | null>;
  /** How many divisions have a quota, how many of them are short, and by how many responses in all. */
  quota_groups: Generated<number>;
  groups_short: Generated<number>;
  short_by: Generated<number>;
}

/**
 * The latest rounds of a fiscal year and tool counted by their days and whether they were closed,
 * with their quotas' sum: kept by the database as rounds change (migration 0037), so that the whole
 * country's rounds by state on a day are read from a few rows.
 */
export interface SurveyRoundDayTable {
  fiscal_year: number;
  tool: string;
  opens_on: string;
  closes_on: string;
  /** 1 for rounds closed before their last day. */
  closed: number;
  rounds: number;
  required: number;
}

export interface SurveyTallyTable {
  id: Generated<number>;
  round_id: number;
  /** Always 0: tallies are kept for the whole round, never per division (0014). */
  division_id: number;
  item_key: string;
  option_index: number;
  count: number;
}

export interface SurveyCountTable {
  id: Generated<number>;
  round_id: number;
  division_id: number;
  responses: number;
}

export interface SurveyReceiptTable {
  id: Generated<number>;
  round_id: number;
  /** The keyed tag (HMAC with the survey key) of the random id the phone made for its submission, never the id. */
  client_id: string;
}

/** A response waiting to be counted in a batch of at least 5: sealed with the survey key, in random order. */
export interface SurveyPendingTable {
  /** Random, so rows sort by nothing that came with them. */
  id: string;
  round_id: number;
  /** The keyed tag of its code's hash (rounds with codes), so that a code is taken once; null without codes. */
  code_tag: string | null;
  /** AES-256-GCM of its division, code hash and answers (`surveys/sealing.ts`). */
  sealed: string;
}

export interface SurveyCodeTable {
  id: Generated<number>;
  round_id: number;
  division_id: number;
  /** SHA-256 of the printed code. */
  code_hash: string;
  used: number;
}

export interface SurveyQuotaTable {
  id: Generated<number>;
  round_id: number;
  division_id: number;
  headcount: number;
  required: number;
}

export interface CalendarDefaultTable {
  id: Generated<number>;
  fiscal_year: number;
  milestone: string;
  starts_on: string | null;
  due_on: string;
}

export interface AgencyMilestoneTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  milestone: string;
  /** The agency's own dates; null keeps the city-wide ones. */
  starts_on: string | null;
  due_on: string | null;
  owner_division_id: number | null;
  /** Set by the secretariat for a milestone no feature tracks. */
  done_at: Timestamp | null;
  done_by: number | null;
}

export interface CalendarFeedTable {
  id: Generated<number>;
  agency_id: number;
  /** 0: the agency's feed; else a division's. */
  division_id: number;
  /** SHA-256 of the secret in the feed's URL. */
  token_hash: string;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface MemoTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  /** `collection` (ฝ่ายปกครอง to the director) or `schools` (ฝ่ายการศึกษา to the schools). */
  kind: string;
  /** The secretariat's own lines, JSON of core's MemoContent. */
  content: string;
  updated_by: number | null;
  updated_at: Timestamp;
  /** When the memo was numbered, dated and sent; it is locked from then. */
  issued_at: Timestamp | null;
  issued_by: number | null;
  /** What the memo said when issued (JSON of its resolved text model); null while a draft. */
  issued_content: string | null;
}

/** An imported framework id, claimed once (the id is the key; never updated). */
export interface FrameworkImportTable {
  id: string;
  imported_by: number | null;
  imported_at: Timestamp;
  /** The set's JSON as imported; null for a set imported before it was kept here (until backfilled). */
  data: string | null;
}

export interface FrameworkDraftTable {
  id: string;
  from_id: string | null;
  /** The whole framework JSON document. */
  data: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface NoticeTable {
  id: Generated<number>;
  user_id: number;
  /** The Bangkok day the notice is of. */
  day: string;
  /** The kind of task (as the tasks list names it): what a person can unsubscribe from. */
  kind: string;
  title: string;
  href: string;
  due_on: string | null;
  late: number;
  read_at: Timestamp | null;
}

export interface ReminderJobTable {
  id: string;
  user_id: number;
  day: string;
  /** `queued`, `running`, `done` or `failed`. */
  status: string;
  attempts: number;
  error: string | null;
  worker: string | null;
  heartbeat_at: Timestamp | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface NoticeOptoutTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  /** SHA-256 of the secret in the email's unsubscribe link of this kind. */
  token_hash: string;
  /** Set once the person unsubscribed; null while the link only exists. */
  unsubscribed_at: Timestamp | null;
}

/** An agency-milestone of a year as its records and dates decide it, whatever the day (kept). */
export interface LateStateTable {
  fiscal_year: number;
  agency_id: number;
  /** The milestone's place in the year's order. */
  place: number;
  milestone: string;
  /** The agency's own due date, else the year's default, else the template's. */
  due_on: string;
  /** 1 when the records (or the secretariat, where no feature tells) say it is done. */
  done: number;
  /** Survey collection: done once the day is after this (the first round's closing day). */
  done_after: string | null;
  code: string;
  slug: string;
  name_th: string;
}

/** How many agencies have a milestone not done, by due date and closing day (kept with the states). */
export interface LateTallyTable {
  fiscal_year: number;
  place: number;
  due_on: string;
  /** '' for none. */
  done_after: string;
  agencies: number;
}

/** A fiscal year whose late states are kept, and from which milestones and template dates. */
export interface LateKeptTable {
  fiscal_year: number;
  basis: string;
  kept_at: Timestamp;
}

/** A change the late states have not taken into account yet: null year, every year; null agency, every agency. */
export interface LateChangeTable {
  id: Generated<number>;
  fiscal_year: number | null;
  agency_id: number | null;
}

export interface Database {
  framework_imports: FrameworkImportTable;
  framework_drafts: FrameworkDraftTable;
  agency_kinds: AgencyKindTable;
  agencies: AgencyTable;
  divisions: DivisionTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  assessments: AssessmentTable;
  assessment_imports: AssessmentImportTable;
  result_ranks: ResultRankTable;
  result_levels: ResultLevelTable;
  result_summaries: ResultSummaryTable;
  result_changes: ResultChangeTable;
  measure_plans: MeasurePlanTable;
  measure_entries: MeasureEntryTable;
  library_entries: LibraryEntryTable;
  progress_rounds: ProgressRoundTable;
  progress_reports: ProgressReportTable;
  report_parts: ReportPartTable;
  progress_revisions: ProgressRevisionTable;
  evidence_files: EvidenceFileTable;
  committees: CommitteeTable;
  document_jobs: DocumentJobTable;
  document_batches: DocumentBatchTable;
  publications: PublicationTable;
  oit_checklists: OitChecklistTable;
  oit_readiness: OitReadinessTable;
  readiness_totals: ReadinessTotalsTable;
  readiness_changes: ReadinessChangeTable;
  oit_tasks: OitTaskTable;
  oit_task_divisions: OitTaskDivisionTable;
  oit_evidence: OitEvidenceTable;
  link_check_runs: LinkCheckRunTable;
  link_check_latest: LinkCheckLatestTable;
  link_results: LinkResultTable;
  oit_reviews: OitReviewTable;
  oit_disputes: OitDisputeTable;
  survey_rounds: SurveyRoundTable;
  survey_tallies: SurveyTallyTable;
  survey_counts: SurveyCountTable;
  survey_receipts: SurveyReceiptTable;
  survey_codes: SurveyCodeTable;
  survey_pending: SurveyPendingTable;
  survey_quotas: SurveyQuotaTable;
  survey_round_days: SurveyRoundDayTable;
  calendar_defaults: CalendarDefaultTable;
  agency_milestones: AgencyMilestoneTable;
  calendar_feeds: CalendarFeedTable;
  memos: MemoTable;
  notices: NoticeTable;
  reminder_jobs: ReminderJobTable;
  notice_optouts: NoticeOptoutTable;
  late_states: LateStateTable;
  late_kept: LateKeptTable;
  late_tallies: LateTallyTable;
  late_changes: LateChangeTable;
}

export type Agency = Selectable<AgencyTable>;
export type AgencyKindRow = Selectable<AgencyKindTable>;
export type MemoRow = Selectable<MemoTable>;
export type NewAgency = Insertable<AgencyTable>;
export type Division = Selectable<DivisionTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEntry = Selectable<AuditTable>;
export type Assessment = Selectable<AssessmentTable>;
export type AssessmentImport = Selectable<AssessmentImportTable>;
export type MeasurePlan = Selectable<MeasurePlanTable>;
export type MeasureEntry = Selectable<MeasureEntryTable>;
export type LibraryEntry = Selectable<LibraryEntryTable>;
export type ProgressRound = Selectable<ProgressRoundTable>;
export type ProgressReport = Selectable<ProgressReportTable>;
export type ReportPart = Selectable<ReportPartTable>;
export type EvidenceFile = Selectable<EvidenceFileTable>;
export type DocumentJob = Selectable<DocumentJobTable>;
export type DocumentBatch = Selectable<DocumentBatchTable>;
export type Publication = Selectable<PublicationTable>;
export type OitChecklist = Selectable<OitChecklistTable>;
export type OitTask = Selectable<OitTaskTable>;
export type OitEvidence = Selectable<OitEvidenceTable>;
export type LinkCheckRun = Selectable<LinkCheckRunTable>;
export type LinkCheckLatest = Selectable<LinkCheckLatestTable>;
export type LinkResult = Selectable<LinkResultTable>;
export type OitReview = Selectable<OitReviewTable>;
export type OitDispute = Selectable<OitDisputeTable>;
export type SurveyRound = Selectable<SurveyRoundTable>;
export type ReminderJob = Selectable<ReminderJobTable>;
