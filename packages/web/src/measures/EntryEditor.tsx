import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ThaiDateInput } from '../forms/ThaiDateInput';
import { ApiError, http, ok, type ApiBody, type Division } from '../api/client';
import type { Entry } from '../api/measures';
import { useUnitWords } from '../agency/unit-words';

const CADENCES = ['bimonthly', 'quarterly', 'semiannual', 'twice-yearly', 'custom'] as const;
type EntryBody = ApiBody<'/api/agencies/{agency}/plans/{year}/entries', 'post'>;

/** Edit one plan entry (or add an extra one), with suggestions from the measures library. */
export function EntryEditor({
  agencySlug,
  year,
  entry,
  divisions,
  onClose,
}: {
  agencySlug: string;
  year: number;
  entry: Entry | null;
  divisions: Division[];
  onClose: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const lang = i18n.language;
  const [form, setForm] = useState({
    title: entry?.title ?? '',
    issue: entry?.issue ?? '',
    measures: (entry?.measures ?? []).join('\n'),
    divisions: (entry?.divisions ?? ['all']).map(String),
    cadence: entry?.cadence ?? 'semiannual',
    cadenceText: entry?.cadenceText ?? '',
    startDate: entry?.startDate ?? '',
    endDate: entry?.endDate ?? '',
    targetScore: entry?.targetScore ?? null,
  });
  const [query, setQuery] = useState('');
  const library = useQuery({
    queryKey: ['library', entry?.questionCode, query],
    queryFn: () =>
      ok(
        http.GET('/api/library', {
          params: {
            query: {
              limit: 8,
              ...(entry?.questionCode ? { question: entry.questionCode } : {}),
              ...(query ? { q: query } : {}),
              ...(entry?.indicatorNumber ? { indicator: entry.indicatorNumber } : {}),
            },
          },
        }),
      ),
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        section: 'extra' as const,
        title: form.title || null,
        issue: form.issue,
        measures: form.measures
          .split('\n')
          .map((m) => m.trim())
          .filter(Boolean),
        divisions: form.divisions.map((d) => (d === 'all' ? ('all' as const) : Number(d))),
        cadence: form.cadence as EntryBody['cadence'],
        cadenceText: form.cadence === 'custom' ? form.cadenceText : null,
        startDate: form.startDate || null,
        endDate: form.endDate || null,
        targetScore: form.targetScore,
      };
      if (entry) {
        // A change keeps the entry's section.
        const { section: _section, ...change } = body;
        return ok(
          http.PATCH('/api/entries/{id}', { params: { path: { id: entry.id } }, body: { ...change, version: entry.version } }),
        );
      }
      return ok(
        http.POST('/api/agencies/{agency}/plans/{year}/entries', { params: { path: { agency: agencySlug, year } }, body }),
      );
    },
    onSuccess: () => onClose(true),
  });
  const endsBeforeStart = form.startDate !== '' && form.endDate !== '' && form.endDate < form.startDate;
  const error = save.error instanceof ApiError ? (lang === 'th' ? save.error.messageTh : save.error.message) : null;

  return (
    <Modal
      opened
      onClose={() => onClose(false)}
      size="xl"
      title={entry?.questionCode ? `${entry.questionCode} ${entry.questionText ?? ''}` : t('measures.add')}
      fullScreen={window.innerWidth < 600}
    >
      <Stack>
        {!entry?.questionCode && (
          <TextInput
            label={t('measures.title2')}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          />
        )}
        <Textarea
          label={t('measures.issue')}
          autosize
          minRows={2}
          value={form.issue}
          onChange={(e) => setForm({ ...form, issue: e.currentTarget.value })}
          data-testid="entry-issue"
        />
        <Textarea
          label={t('measures.measureLine')}
          autosize
          minRows={3}
          value={form.measures}
          onChange={(e) => setForm({ ...form, measures: e.currentTarget.value })}
          data-testid="entry-measures"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('measures.divisions', units)}
            value={form.divisions}
            onChange={(v) =>
              setForm({
                ...form,
                divisions: v.length === 0 ? ['all'] : v.includes('all') && v.length > 1 ? v.filter((x) => x !== 'all') : v,
              })
            }
            data={[
              { value: 'all', label: t('measures.all', units) },
              ...divisions.map((d) => ({ value: String(d.id), label: lang === 'th' ? d.nameTh : d.nameEn })),
            ]}
          />
          <Select
            label={t('measures.cadence')}
            value={form.cadence}
            onChange={(v) => setForm({ ...form, cadence: v ?? 'semiannual' })}
            data={CADENCES.map((c) => ({ value: c, label: t(`measures.cadences.${c}`) }))}
          />
          {form.cadence === 'custom' && (
            <TextInput
              label={t('measures.cadenceText')}
              value={form.cadenceText}
              onChange={(e) => setForm({ ...form, cadenceText: e.currentTarget.value })}
            />
          )}
          <ThaiDateInput
            label={t('measures.startDate')}
            value={form.startDate}
            onChange={(v) => setForm({ ...form, startDate: v ?? '' })}
            data-testid="entry-start-date"
          />
          <ThaiDateInput
            label={t('measures.endDate')}
            value={form.endDate}
            onChange={(v) => setForm({ ...form, endDate: v ?? '' })}
            error={endsBeforeStart ? t('measures.endBeforeStart') : undefined}
            data-testid="entry-end-date"
          />
          <NumberInput
            label={t('measures.target')}
            min={0}
            max={100}
            value={form.targetScore ?? ''}
            onChange={(v) => setForm({ ...form, targetScore: v === '' ? null : Number(v) })}
          />
        </SimpleGrid>
        <Card withBorder bg="gray.0">
          <Group justify="space-between" mb="xs">
            <Text fw={600} size="sm">
              {t('measures.suggestions')}
            </Text>
            <TextInput
              size="xs"
              placeholder={t('measures.search')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              data-testid="library-search"
            />
          </Group>
          <Stack gap="xs" data-testid="library-hits">
            {(library.data ?? []).map((hit) => (
              <Card key={hit.id} withBorder padding="xs">
                <Text size="sm" fw={500}>
                  {hit.questionCode ? `${hit.questionCode} · ` : ''}
                  {hit.issue || '—'}
                </Text>
                {hit.measures.slice(0, 3).map((m, i) => (
                  <Text key={i} size="xs" c="dimmed">
                    • {m}
                  </Text>
                ))}
                <Group justify="space-between" mt={4}>
                  <Text size="xs" c="dimmed">
                    {hit.source}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setForm({ ...form, issue: hit.issue || form.issue, measures: hit.measures.join('\n') })}
                  >
                    {t('measures.use')}
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        </Card>
        {error && (
          <Alert color="red" role="alert" ref={(node) => node?.scrollIntoView({ block: 'nearest' })} data-testid="entry-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('measures.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={endsBeforeStart} data-testid="entry-save">
            {t('measures.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
