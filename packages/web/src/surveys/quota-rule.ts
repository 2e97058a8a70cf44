import type { TFunction } from 'i18next';
import type { UnitWords } from '../agency/unit-words';
import type { ApiData } from '../api/client';

/** The agency's answer, as far as the rule's text needs it. */
type Agency = Pick<ApiData<'/api/agencies/{agency}'>, 'kind' | 'iitRule'>;

/**
 * How the IIT quota dialog tells what the server makes of the counts typed: it sets each unit's
 * sample by the IIT rule of the agency's kind (core `iitUnitRequired`), which the agency's answer
 * carries. A Bangkok district office reads the BMA rule as the BMA's; another kind of agency with
 * that rule reads what it gives any of its units. Before the agency is read, the general text.
 */
export function iitRuleText(t: TFunction, agency: Agency | undefined, units: UnitWords): string {
  const rule = agency?.iitRule;
  switch (rule?.rule) {
    case 'bma-district': {
      const share = Math.round(rule.employeeShare * 100);
      return t(agency!.kind === 'district' ? 'surveys.quotas.iitRule' : 'surveys.quotas.iitRuleShare', { ...units, share });
    }
    case 'minimum':
      return t('surveys.quotas.iitRuleMinimum', { ...units, minimum: rule.minimum });
    default:
      // ITAS computes the sample: the server asks every eligible person.
      return t('surveys.quotas.iitRuleGeneral', units);
  }
}
