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
  kind: 'district' | 'central' | 'other';
  created_at: ColumnType<Timestamp, Timestamp, never>;
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

export interface Database {
  agencies: AgencyTable;
  divisions: DivisionTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  assessments: AssessmentTable;
  assessment_imports: AssessmentImportTable;
}

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type Division = Selectable<DivisionTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEntry = Selectable<AuditTable>;
export type Assessment = Selectable<AssessmentTable>;
export type AssessmentImport = Selectable<AssessmentImportTable>;
