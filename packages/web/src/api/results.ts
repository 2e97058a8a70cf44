import type { ApiData } from './client';

/** A score result as published: every number rounded to 2 decimals, the level's Thai name. */
export type Presented = ApiData<'/api/agencies/{agency}/assessments/{year}'>['result'];
export type AssessmentDetail = ApiData<'/api/agencies/{agency}/assessments/{year}'>;
export type WeakPoint = AssessmentDetail['weak']['flat'][number];
export type Change = NonNullable<AssessmentDetail['comparison']>['tools'][number];
export type AssessmentSummary = ApiData<'/api/agencies/{agency}/assessments'>[number];
export type FrameworkInfo = ApiData<'/api/frameworks/{id}'>;
export type Preview = ApiData<'/api/agencies/{agency}/assessments/{year}/preview', 'post'>;
export type CityRow = ApiData<'/api/results/city'>[number];

export const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));

export const LEVEL_COLORS: Record<string, string> = {
  excellent: 'teal',
  good: 'green',
  pass: 'lime',
  improve: 'orange',
  urgent: 'red',
};
