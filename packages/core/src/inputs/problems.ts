/** A reason an input file cannot be used, in English (logs) and Thai (users). */
export interface InputProblem {
  file: string;
  /** 1-based row; the header is row 1. */
  row?: number;
  column?: string;
  message: string;
  th: string;
}

/** Thrown when a file cannot be read as any supported input; carries every problem found. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function formatProblem(problem: InputProblem, lang: 'th' | 'en' = 'th'): string {
  const where = [
    problem.file,
    problem.row === undefined ? undefined : lang === 'th' ? `แถว ${problem.row}` : `row ${problem.row}`,
    problem.column === undefined ? undefined : lang === 'th' ? `คอลัมน์ ${problem.column}` : `column ${problem.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${lang === 'th' ? problem.th : problem.message}`;
}

/** At most this many problems are collected from one file; the rest are summarised. */
export const MAX_PROBLEMS = 50;
