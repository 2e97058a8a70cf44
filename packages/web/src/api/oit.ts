/** The OIT checklist as the API sends it (`GET /api/agencies/{agency}/oit/{year}`). */
export type OitStatus = 'todo' | 'submitted' | 'returned' | 'accepted';
export const OIT_STATUSES: readonly OitStatus[] = ['todo', 'submitted', 'returned', 'accepted'];

export interface OitEvidence {
  id: number;
  kind: 'file' | 'link';
  title: string;
  note: string;
  url: string | null;
  fileName: string | null;
  mime: string | null;
  bytes: number;
  divisionId: number | null;
  createdAt: string;
  /** The latest check of a link, if it was checked. */
  check?: LinkCheck | null;
}

export interface LinkCheck {
  url: string;
  ok: boolean;
  verdict: string;
  verdictTh: string;
  statusCode: number | null;
  contentType: string | null;
  bytes: number;
  finalUrl: string;
  mentionsYear: boolean | null;
  checkedAt: string;
}

export interface LinkCheckRun {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  checked: number;
  passed: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface OitItem {
  code: string;
  indicator: number;
  subIndicator: string | null;
  name: string | null;
  requirement: string | null;
  carry: 'carried' | 'renamed' | 'new';
  status: OitStatus;
  dueDate: string | null;
  overdue: boolean;
  divisions: number[];
  comment: string | null;
  updatedAt: string;
  evidence: OitEvidence[];
}

export interface OitChecklistView {
  fiscalYear: number;
  frameworkId: string;
  approvedAt: string | null;
  items: OitItem[];
  board: {
    counts: Record<OitStatus, number>;
    overdue: string[];
    unassigned: string[];
    owed: { divisionId: number; codes: string[]; overdue: string[] }[];
  };
  published: { at: string; items: string[]; url: string } | null;
  linkCheck: LinkCheckRun | null;
}

export interface OitYears {
  checklists: { fiscalYear: number; frameworkId: string; approvedAt: string | null }[];
  openable: number[];
}

export interface OitPrediction {
  counts: { ready: number; 'at-risk': number; missing: number };
  oit: { low: number; high: number };
  ita: { low: number; high: number } | null;
  level: { low: { name: { th: string } } | null; high: { name: { th: string } } | null };
  basis: string | null;
  costly: { code: string; readiness: string; points: number }[];
  readiness: Record<string, 'ready' | 'at-risk' | 'missing'>;
  dueDate: string;
}
