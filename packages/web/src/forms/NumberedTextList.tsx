import { ActionIcon, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Numbered paragraphs of an official document (an order's duties, a memo's instructions), each editable and removable. */
export function NumberedTextList({
  label,
  items,
  onChange,
  disabled = false,
}: {
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {items.map((text, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" w={24} pt={6}>
            {i + 1}.
          </Text>
          <Textarea
            style={{ flex: 1 }}
            autosize
            aria-label={`${label} ${i + 1}`}
            value={text}
            disabled={disabled}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange(items.map((x, k) => (k === i ? value : x)));
            }}
          />
          {!disabled && (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              aria-label={t('committee.remove')}
              onClick={() => onChange(items.filter((_, k) => k !== i))}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
    </Stack>
  );
}
