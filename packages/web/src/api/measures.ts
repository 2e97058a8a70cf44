export type Divisions = (number | 'all')[];

export interface Entry {
  id: number;
  section: 'question' | 'indicator' | 'extra';
  position: number;
  questionCode: string | null;
  indicatorNumber: number | null;
  questionText: string | null;
  score: number | null;
  title: string | null;
  issue: string;
  measures: string[];
  divisions: Divisions;
  cadence: string;
  cadenceText: string | null;
  startDate: string | null;
  endDate: string | null;
  targetScore: number | null;
  /** Sent back with a change; the server refuses a change made from an older version (409). */
  version: number;
}

export interface Plan {
  fiscalYear: number;
  basedOnYear: number | null;
  entries: Entry[];
}

export interface LibraryHit {
  id: number;
  questionCode: string | null;
  issue: string;
  measures: string[];
  source: string | null;
}

export interface Evidence {
  position: number;
  id: number;
  kind: 'image' | 'pdf';
  caption: string;
  link: string | null;
  url: string;
  thumbUrl: string | null;
}

export interface Report {
  id: number | null;
  entryId: number;
  status: 'not-started' | 'in-progress' | 'done' | 'not-done';
  reason: string | null;
  narrative: string;
  review: 'draft' | 'submitted' | 'returned' | 'accepted';
  reviewComment: string | null;
}

/** A measure's status in a round, in the order the status pickers offer them. */
export const REPORT_STATUSES = ['not-started', 'in-progress', 'done', 'not-done'] as const;

/** One division's part of a measure that several divisions (or every division) carry out. */
export interface ReportPart {
  divisionId: number;
  nameTh: string;
  nameEn: string;
  status: Report['status'];
  narrative: string;
  submitted: boolean;
  submittedAt: string | null;
  updatedAt: string | null;
  canEdit: boolean;
}

export interface RoundView {
  round: 6 | 12;
  dueDate: string;
  status: 'open' | 'approved';
  revision: number;
  overdue: boolean;
  entries: {
    entry: Entry;
    report: Report;
    evidence: Evidence[];
    missing: boolean;
    canEdit: boolean;
    /** Empty unless several divisions share the measure. */
    parts: ReportPart[];
  }[];
  completeness: { divisionId: number; nameTh: string; nameEn: string; assigned: number; reported: number }[];
}
