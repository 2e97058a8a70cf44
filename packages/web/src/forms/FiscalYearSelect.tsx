import { Select, type SelectProps } from '@mantine/core';
import { offeredFiscalYears } from '@prongsai/core/thai';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';

/**
 * A fiscal year chosen by name ("ปีงบประมาณ พ.ศ. 2569"), never a bare number box: the years with
 * data, the current fiscal year and the next one (`offeredFiscalYears`).
 */
export function FiscalYearSelect({
  value,
  onChange,
  years,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: number;
  onChange: (year: number) => void;
  /** The years that have data on this screen. */
  years?: number[];
}) {
  const { t } = useTranslation();
  const all = offeredFiscalYears(fiscalYearOf(todayInBangkok()), [...(years ?? []), value]);
  return (
    <Select
      label={t('documents.year')}
      {...props}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      data={all.map((y) => ({ value: String(y), label: t('forms.fiscalYear', { year: y }) }))}
      allowDeselect={false}
      w={props.w ?? 200}
    />
  );
}
