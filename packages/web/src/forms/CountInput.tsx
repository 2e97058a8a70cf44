import { TextInput, type TextInputProps } from '@mantine/core';
import { fromThaiDigits } from '@prongsai/core/thai';
import { useTranslation } from 'react-i18next';

/** A whole number as typed, in Thai or Arabic digits ("๑๒" or "12"): null when blank, NaN when not a whole number. */
export function parseCount(text: string): number | null {
  const ascii = fromThaiDigits(text).replace(/[\s,]/g, '');
  if (ascii === '') return null;
  return /^\d{1,6}$/.test(ascii) ? Number(ascii) : Number.NaN;
}

/**
 * A box for a count (people, codes) that takes Thai or Arabic digits and says in Thai when what is
 * typed is not a whole number. The text is kept as typed; `parseCount` reads it.
 */
export function CountInput({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const parsed = parseCount(value);
  return (
    <TextInput
      inputMode="numeric"
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={Number.isNaN(parsed) ? t('forms.notACount') : props.error}
    />
  );
}
