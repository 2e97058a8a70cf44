import { Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok, type ApiData, type Division } from '../api/client';
import { ThaiDateInput } from '../forms/ThaiDateInput';
import { useUnitWords } from './unit-words';

export type EditableMilestone = ApiData<'/api/agencies/{agency}/calendar/{year}'>[number];

/** The secretariat dates a milestone, gives it an owner, and marks it done where no record tells. */
export function MilestoneEditor({
  slug,
  year,
  milestone,
  divisions,
  onDone,
}: {
  slug: string;
  year: number;
  milestone: EditableMilestone;
  divisions: Division[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const client = useQueryClient();
  const [startsOn, setStartsOn] = useState<string | null>(milestone.startsOn);
  const [dueOn, setDueOn] = useState<string | null>(milestone.dueOn);
  const startsAfterDue = !!startsOn && !!dueOn && startsOn > dueOn;
  const [owner, setOwner] = useState<string | null>(milestone.ownerDivisionId ? String(milestone.ownerDivisionId) : null);
  const [done, setDone] = useState(milestone.done);
  const save = useMutation({
    mutationFn: () =>
      ok(
        http.PUT('/api/agencies/{agency}/calendar/{year}/{milestone}', {
          params: { path: { agency: slug, year, milestone: milestone.milestone } },
          body: {
            startsOn,
            dueOn,
            ownerDivisionId: owner ? Number(owner) : null,
            ...(milestone.source === 'manual' ? { done } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['calendar', slug, year] });
      await client.invalidateQueries({ queryKey: ['tasks', slug, year] });
      onDone();
    },
  });
  return (
    <Stack gap={6} mt={4} data-testid="milestone-editor">
      <Group align="flex-end" wrap="wrap">
        <ThaiDateInput
          label={t('calendar.startsOn')}
          value={startsOn}
          onChange={setStartsOn}
          w={170}
          error={startsAfterDue ? t('calendar.startsAfterDue') : undefined}
          data-testid="milestone-starts-on"
        />
        <ThaiDateInput label={t('calendar.dueOn')} value={dueOn} onChange={setDueOn} w={170} data-testid="milestone-due-on" />
        <Select
          label={t('calendar.owner', units)}
          value={owner}
          onChange={setOwner}
          clearable
          data={divisions.map((d) => ({ value: String(d.id), label: i18n.language === 'th' ? d.nameTh : d.nameEn }))}
          w={240}
        />
        {milestone.source === 'manual' && (
          <Checkbox label={t('calendar.markDone')} checked={done} onChange={(e) => setDone(e.currentTarget.checked)} />
        )}
        <Button
          size="xs"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!dueOn || startsAfterDue}
          data-testid="milestone-save"
        >
          {t('overview.save')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('overview.cancel')}
        </Button>
      </Group>
      {save.error && (
        <Text size="xs" c="red" role="alert">
          {save.error instanceof ApiError ? save.error.messageTh : String(save.error)}
        </Text>
      )}
    </Stack>
  );
}
