export interface Presented {
  framework: string;
  ita: number | null;
  level: string | null;
  levelId: string | null;
  tools: Record<string, number>;
  weighted: Record<string, number>;
  indicators: Record<string, number>;
  subIndicators: Record<string, number>;
  questions: Record<string, number>;
  items: Record<string, number>;
  respondents: Record<string, number>;
  warnings: { code: string; subject: string; message: string; messageTh: string }[];
}

export interface WeakPoint {
  code: string;
  kind: 'question' | 'oit';
  tool: string;
  indicator: number;
  score: number;
  weakItems: { no: number; key: string; score: number }[];
  reason: 'question' | 'item';
}

export interface Change {
  key: string;
  before: number;
  after: number;
  delta: number;
}

export interface AssessmentDetail {
  agency: { id: number; code: string; slug: string; nameTh: string; nameEn: string };
  fiscalYear: number;
  framework: string;
  source: string;
  updatedAt: string;
  result: Presented;
  weak: { threshold: number; flat: WeakPoint[] };
  differences: { level: string; code: string; published: number; computed: number; difference: number }[];
  comparison: { fiscalYear: number; ita: Change | null; tools: Change[]; indicators: Change[]; questions: Change[] } | null;
  oit: { code: string; urls: string[]; suggestion: string | null; explanation: string | null }[];
  stats: { tool: string; dimension: string; label: string; count: number | null; percent: number | null; suppressed: boolean }[];
  imports: {
    id: number;
    kind: string;
    file_name: string;
    scope: string;
    created_at: string;
    superseded_at: string | null;
    created_by_email: string | null;
  }[];
}

export interface AssessmentSummary {
  fiscalYear: number;
  framework: string;
  source: string;
  ita: number | null;
  levelId: string | null;
}

export interface FrameworkInfo {
  id: string;
  name: { th: string; en?: string | null };
  fiscalYears: number[];
  analysisThreshold: number;
  levels: { id: string; name: { th: string; en?: string | null }; min: number; allToolsMin?: number }[];
  tools: {
    code: string;
    name: { th: string; en?: string | null };
    weight: number;
    indicators: {
      number: number;
      name: { th: string; en?: string | null };
      units: { code: string; kind: 'question' | 'oit'; text: string | null; items: { no: number; text: string }[] }[];
    }[];
  }[];
}

export interface Preview {
  fiscalYear: number;
  agency: { slug: string; nameTh: string; nameEn: string };
  framework: string;
  format: string;
  fileName: string;
  scope: string[];
  unread: { line: number; text: string; reason: string }[];
  warnings: { code: string; subject: string; message: string; messageTh: string }[];
  replaces: { id: number; fileName: string; scope: string }[];
  result: Presented;
}

export interface CityRow {
  rank: number;
  agency: { id: number; code: string; slug: string; nameTh: string; nameEn: string };
  framework: string;
  source: string;
  ita: number | null;
  level: string | null;
  levelId: string | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  indicators: Record<string, number>;
}

export const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));

export const LEVEL_COLORS: Record<string, string> = {
  excellent: 'teal',
  good: 'green',
  pass: 'lime',
  improve: 'orange',
  urgent: 'red',
};
