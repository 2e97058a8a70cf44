import type { ApiData } from './client';

/** The OIT checklist as the API sends it (`GET /api/agencies/{agency}/oit/{year}`). */
export type OitChecklistView = ApiData<'/api/agencies/{agency}/oit/{year}'>;
export type OitItem = OitChecklistView['items'][number];
export type OitEvidence = OitItem['evidence'][number];
export type OitStatus = OitItem['status'];
export type LinkCheck = NonNullable<OitEvidence['check']>;
export type LinkCheckRun = NonNullable<OitChecklistView['linkCheck']>;
export const OIT_STATUSES: readonly OitStatus[] = ['todo', 'submitted', 'returned', 'accepted'];

export type OitYears = ApiData<'/api/agencies/{agency}/oit'>;
export type OitPrediction = ApiData<'/api/agencies/{agency}/oit/{year}/prediction'>;
export type OitCityReadiness = ApiData<'/api/oit/readiness'>;

export type ClarificationRound = NonNullable<ApiData<'/api/agencies/{agency}/oit/{year}/clarification'>['round']>;
export type ClarificationItem = ClarificationRound['items'][number];
