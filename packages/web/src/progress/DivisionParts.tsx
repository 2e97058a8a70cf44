import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok } from '../api/client';
import { REPORT_STATUSES, type ReportPart } from '../api/measures';
import { useUnitWords } from '../agency/unit-words';

/** One division's own part: what it did, sent when ready; the report goes to review once all are sent. */
/** The report a part belongs to: its measure and its round. */
type ReportRef = { entry: number; round: 6 | 12 };

function PartEditor({ part, report, onSaved }: { part: ReportPart; report: ReportRef; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const [form, setForm] = useState({ status: part.status, narrative: part.narrative });
  const path = { ...report, division: part.divisionId };
  const write = () => ok(http.PUT('/api/entries/{entry}/reports/{round}/parts/{division}', { params: { path }, body: form }));
  const save = useMutation({ mutationFn: write, onSuccess: onSaved });
  const send = useMutation({
    mutationFn: async () => (
      await write(),
      ok(http.POST('/api/entries/{entry}/reports/{round}/parts/{division}/submit', { params: { path } }))
    ),
    onSuccess: onSaved,
  });
  const error = save.error ?? send.error;
  const name = i18n.language === 'th' ? part.nameTh : part.nameEn;
  return (
    <Stack gap={6} data-testid={`part-editor-${part.divisionId}`}>
      {error instanceof ApiError && (
        <Alert color="red" p="xs" role="alert">
          {i18n.language === 'th' ? error.messageTh : error.message}
        </Alert>
      )}
      <Select
        label={t('progress.partStatus', { division: name })}
        value={form.status}
        onChange={(v) => setForm({ ...form, status: (v as ReportPart['status']) ?? 'not-started' })}
        data={REPORT_STATUSES.map((s) => ({ value: s, label: t(`progress.statuses.${s}`) }))}
        data-testid="part-status"
      />
      <Textarea
        label={t('progress.partNarrative', { division: name })}
        autosize
        minRows={2}
        value={form.narrative}
        onChange={(e) => setForm({ ...form, narrative: e.currentTarget.value })}
        data-testid="part-narrative"
      />
      <Group>
        <Button size="xs" variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t('progress.save')}
        </Button>
        <Button size="xs" onClick={() => send.mutate()} loading={send.isPending} data-testid="part-submit">
          {t('progress.partSubmit', units)}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The parts of a measure shared by several divisions: who has sent theirs and what they said,
 * and an editor for each part the signed-in person may write (their own division's).
 */
export function DivisionParts({
  parts,
  report,
  queryKey,
  ownOnly,
}: {
  parts: ReportPart[];
  report: ReportRef;
  queryKey: unknown[];
  /** A division editor sees their own part and the count of the others, not every division's text. */
  ownOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const client = useQueryClient();
  const [editing, setEditing] = useState<number | null>(null);
  const refresh = () => {
    setEditing(null);
    void client.invalidateQueries({ queryKey });
  };
  const sent = parts.filter((p) => p.submitted).length;
  const own = parts.filter((p) => p.can.edit);
  // A division editor writes their own part straight away; the secretariat opens one to write it.
  const open = own.length === 1 ? own[0]!.divisionId : editing;
  return (
    <Stack gap={4} mt="xs" data-testid="division-parts">
      <Text fw={600} size="sm">
        {t('progress.parts', { ...units, sent, count: parts.length })}
      </Text>
      {parts
        .filter((part) => !ownOnly || part.can.edit)
        .map((part) => (
          <Stack key={part.divisionId} gap={2} data-testid={`part-${part.divisionId}`}>
            <Group gap="xs" align="center">
              <Badge
                data-testid="part-badge"
                size="sm"
                color={part.submitted ? 'teal' : part.narrative ? 'gray' : 'red'}
                variant="light"
                miw={90}
              >
                {part.submitted
                  ? t('progress.partSent')
                  : part.narrative
                    ? t('progress.reviews.draft')
                    : t('progress.partMissing')}
              </Badge>
              <Text size="xs" fw={500}>
                {i18n.language === 'th' ? part.nameTh : part.nameEn}
              </Text>
              {part.can.edit && own.length > 1 && open !== part.divisionId && (
                <Button size="compact-xs" variant="subtle" ml="auto" onClick={() => setEditing(part.divisionId)}>
                  {t('progress.partEdit')}
                </Button>
              )}
            </Group>
            {part.narrative && open !== part.divisionId && (
              <Text size="xs" pl="sm" style={{ whiteSpace: 'pre-line' }}>
                {`${t(`progress.statuses.${part.status}`)} — ${part.narrative}`}
              </Text>
            )}
            {open === part.divisionId && part.can.edit && <PartEditor part={part} report={report} onSaved={refresh} />}
          </Stack>
        ))}
    </Stack>
  );
}
