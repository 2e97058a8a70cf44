export interface Round {
  id: number;
  fiscalYear: number;
  tool: 'IIT' | 'EIT';
  code: string;
  link: string;
  opensOn: string;
  closesOn: string;
  useCodes: boolean;
  open: boolean;
  framework?: string;
  closedAt?: string | null;
}
/** Counts change only when a batch of at least 5 responses is counted; a group under 5 is null. */
export interface Progress {
  total: number | null;
  divisions: {
    divisionId: number;
    nameTh: string;
    headcount: number;
    required: number;
    responses: number | null;
    short: number | null;
  }[];
  shortfalls: unknown[];
}
export interface Result {
  respondents: number | null;
  result: { tools: Record<string, number> } | null;
  weak: { code: string }[];
}
