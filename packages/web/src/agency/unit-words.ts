import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { http, ok } from '../api/client';

/** An agency kind's word for its units, as the agency's answer gives it. */
export interface UnitTerm {
  th: string;
  en: string;
}

/** The words texts about an agency's own units interpolate: {{unit}}, {{units}}, {{Unit}}, {{Units}}. */
export interface UnitWords {
  unit: string;
  units: string;
  Unit: string;
  Units: string;
  [key: string]: string;
}

/** Before the agency is read, its units are spoken of as they were before kinds had words of their own. */
const FALLBACK: UnitTerm = { th: 'ฝ่าย', en: 'Division' };

export function unitWords(term: UnitTerm | undefined, lang: string): UnitWords {
  const { th, en } = term ?? FALLBACK;
  if (lang === 'th') return { unit: th, units: th, Unit: th, Units: th };
  // "Division (Kong)" names the Thai word for lists of kinds; a sentence says "division".
  const bracket = en.indexOf(' (');
  const Unit = bracket < 0 ? en : en.slice(0, bracket);
  const Units = `${Unit}s`;
  return { unit: Unit.toLowerCase(), units: Units.toLowerCase(), Unit, Units };
}

/** The answer of the agency in the route (or the one named). */
export function useAgencyAnswer(slug?: string) {
  const { agency: routed = '' } = useParams();
  const ref = slug ?? routed;
  return useQuery({
    queryKey: ['agency', ref],
    queryFn: () => ok(http.GET('/api/agencies/{agency}', { params: { path: { agency: ref } } })),
    enabled: ref !== '',
    retry: false,
  });
}

/** The words for the units of the agency in the route (or the one named), in the reader's language. */
export function useUnitWords(slug?: string): UnitWords {
  const { i18n } = useTranslation();
  return unitWords(useAgencyAnswer(slug).data?.unitTerm, i18n.language);
}

/** The kinds of agency as `GET /api/agency-kinds` lists them, read once and shared by the pages that need them. */
export function useAgencyKinds() {
  return useQuery({ queryKey: ['agency-kinds'], queryFn: () => ok(http.GET('/api/agency-kinds')) });
}

/** The word a kind (by id) calls its units, from the kinds listed; undefined for a kind not listed. */
export function kindUnitTerm(
  kinds: readonly { kind: { id: string }; unitTerm: UnitTerm }[] | undefined,
  id: string,
): UnitTerm | undefined {
  return kinds?.find((k) => k.kind.id === id)?.unitTerm;
}
