import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import 'dayjs/locale/th';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseThaiDate } from './thaiDate';

dayjs.extend(buddhistEra);

/**
 * A date field that shows and takes day-first Buddhist-Era dates (๕ มกราคม ๒๕๖๘ as 5/1/2568),
 * with a Thai calendar to pick from; its value is `YYYY-MM-DD` as the API takes it. It reads the
 * forms people type (`31 ม.ค. 2570`, `31 มกราคม 2570`, `31/01/70`); text it cannot read stays
 * in the field with a message rather than being emptied.
 */
export function ThaiDateInput({
  value,
  onChange,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange'> & { value: string | null; onChange: (value: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const th = i18n.language === 'th';
  const [typed, setTyped] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const unreadable = typed !== null && typed.trim() !== '' && parseThaiDate(typed) === null;
  return (
    <DateInput
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ? dayjs(next).format('YYYY-MM-DD') : null)}
      onInput={(event) => {
        setTyped(event.currentTarget.value);
        setLeft(false);
      }}
      onBlur={(event) => {
        setLeft(true);
        props.onBlur?.(event);
      }}
      fixOnBlur={!unreadable}
      error={props.error ?? (unreadable && left ? t('forms.dateUnreadable') : undefined)}
      locale={th ? 'th' : 'en'}
      valueFormat={th ? 'D/M/BBBB' : 'D MMM BBBB'}
      dateParser={(text) => parseThaiDate(text)}
      placeholder={props.placeholder ?? (th ? 'วว/ดด/ปปปป (พ.ศ.)' : 'd/m/yyyy (BE)')}
      yearsListFormat="BBBB"
      monthLabelFormat={th ? 'MMMM BBBB' : 'MMMM BBBB'}
      yearLabelFormat="BBBB"
      decadeLabelFormat="BBBB"
      clearable
    />
  );
}
