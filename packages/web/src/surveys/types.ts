import type { ApiBody, ApiData } from '../api/client';

/** A round with what the reader may do with it (`can`), as the server decides. */
export type Round = ApiData<'/api/agencies/{agency}/surveys'>[number];
/** Counts change only when a batch of at least 5 responses is counted; a group under 5 is null. */
export type Progress = ApiData<'/api/surveys/{id}/progress'>;
export type Result = ApiData<'/api/surveys/{id}/result'>;
export type RosterCount = ApiData<'/api/surveys/{id}/roster', 'post'>;
/** What the server takes for a division's quota. */
export type QuotaRow = ApiBody<'/api/surveys/{id}/quotas', 'put'>[number];
