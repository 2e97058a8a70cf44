import { ActionIcon, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { typedNumber } from './draft';

/** A number box that keeps what is typed (Thai or Arabic digits) and says in Thai when it is not a number. */
export function NumberText({
  value,
  onChange,
  label,
  w,
}: {
  value: number | undefined;
  onChange: (n: number | undefined) => void;
  label: string;
  w?: number;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(
    () =>
      setText((now) => (value === undefined ? (now.trim() === '' ? now : '') : typedNumber(now) === value ? now : String(value))),
    [value],
  );
  const bad = text.trim() !== '' && Number.isNaN(typedNumber(text));
  return (
    <TextInput
      aria-label={label}
      value={text}
      w={w ?? 90}
      inputMode="decimal"
      error={bad ? t('editor.notANumber') : undefined}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (next.trim() === '') return onChange(undefined);
        const n = typedNumber(next);
        if (!Number.isNaN(n)) onChange(n);
      }}
    />
  );
}

/** A text box for a Thai name; `onText` gets what is typed. */
export function NameInput({
  label,
  value,
  onText,
  placeholder,
}: {
  label: string;
  value: string;
  onText: (v: string) => void;
  placeholder?: string;
}) {
  return <TextInput aria-label={label} value={value} placeholder={placeholder} onChange={(e) => onText(e.currentTarget.value)} />;
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
      ×
    </ActionIcon>
  );
}
