import type { TFunction } from 'i18next';
import type { UnitWords } from '../agency/unit-words';

/**
 * How the IIT quota dialog tells what the server makes of the counts typed. It sets every kind's
 * sample by one rule (surveys/service.ts, `iitRequired`): every civil servant, and all employees of
 * the units the BMA lists or 80% (rounded up) of the others'. A Bangkok district office reads it as
 * the BMA rule it is; another kind reads what holds for any of its units, in its word for them.
 */
export function iitRuleText(t: TFunction, kind: string | undefined, units: UnitWords): string {
  return kind === 'district' ? t('surveys.quotas.iitRule') : t('surveys.quotas.iitRuleGeneral', units);
}
