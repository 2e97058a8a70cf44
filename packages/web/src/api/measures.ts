import type { ApiData } from './client';

type PlanPath = '/api/agencies/{agency}/plans/{year}';
type RoundPath = '/api/agencies/{agency}/plans/{year}/rounds/{round}';

export type Plan = ApiData<PlanPath>;
export type Entry = Plan['entries'][number];
export type Divisions = Entry['divisions'];
export type LibraryHit = ApiData<'/api/library'>[number];

export type RoundView = ApiData<RoundPath>;
export type Report = RoundView['entries'][number]['report'];
export type Evidence = RoundView['entries'][number]['evidence'][number];
/** One division's part of a measure that several divisions (or every division) carry out. */
export type ReportPart = RoundView['entries'][number]['parts'][number];
export type Revision = ApiData<`${RoundPath}/revisions`>[number];

/** A measure's status in a round, in the order the status pickers offer them. */
export const REPORT_STATUSES = ['not-started', 'in-progress', 'done', 'not-done'] as const satisfies readonly Report['status'][];
