import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';

/** The first fiscal year the BMA districts were assessed (FY2566), and the years up to next year. */
const FIRST_YEAR = 2566;

/** A fiscal year chosen by name ("ปีงบประมาณ พ.ศ. 2569"), from FY2566 to next year, never a bare number box. */
export function FiscalYearSelect({
  value,
  onChange,
  years,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: number;
  onChange: (year: number) => void;
  /** Years to offer besides the default range, such as those with data. */
  years?: number[];
}) {
  const { t } = useTranslation();
  const next = fiscalYearOf(todayInBangkok()) + 1;
  const range = Array.from({ length: next - FIRST_YEAR + 1 }, (_, i) => next - i);
  const all = [...new Set([...range, ...(years ?? []), value])].sort((a, b) => b - a);
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
