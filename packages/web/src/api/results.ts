import type { ApiData } from './client';

/** A score result as published: every number rounded to 2 decimals, the level's Thai name. */
export type Presented = ApiData<'/api/agencies/{agency}/assessments/{year}'>['result'];
export type AssessmentDetail = ApiData<'/api/agencies/{agency}/assessments/{year}'>;
export type WeakPoint = AssessmentDetail['weak']['flat'][number];
export type Change = NonNullable<AssessmentDetail['comparison']>['tools'][number];
export type AssessmentSummary = ApiData<'/api/agencies/{agency}/assessments'>[number];
export type FrameworkInfo = ApiData<'/api/frameworks/{id}'>;
export type Preview = ApiData<'/api/agencies/{agency}/assessments/{year}/preview', 'post'>;
/** A page of the city table (the JSON answer; the same route downloads CSV and XLSX). */
export type CityTablePage = Exclude<ApiData<'/api/results/city'>, string>;
export type CityRow = CityTablePage['rows'][number];

export const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));

export const LEVEL_COLORS: Record<string, string> = {
  excellent: 'teal',
  good: 'green',
  pass: 'lime',
  improve: 'orange',
  urgent: 'red',
};
