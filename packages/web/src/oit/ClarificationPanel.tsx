import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  MultiSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fileToBase64, http, ok } from '../api/client';
import type { ClarificationItem, OitItem } from '../api/oit';
import { DocumentButton } from '../documents/DocumentButton';
import { formatTimestamp } from '../i18n/dates';

const errorText = (error: unknown) => (error instanceof ApiError ? error.messageTh : error ? String(error) : null);

function DisputeRow({
  item,
  base,
  path,
  evidence,
  closed,
}: {
  item: ClarificationItem;
  base: string;
  path: { agency: string; year: number };
  evidence: OitItem['evidence'];
  closed: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [disputed, setDisputed] = useState(item.disputed);
  const [text, setText] = useState(item.clarification);
  const [chosen, setChosen] = useState(item.evidence.map((e) => String(e.id)));
  const save = useMutation({
    mutationFn: () =>
      ok(
        http.PUT('/api/agencies/{agency}/oit/{year}/clarification/items/{code}', {
          params: { path: { ...path, code: item.code } },
          body: { disputed, clarification: text, evidence: disputed ? chosen.map(Number) : [] },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clarification', base] }),
  });
  return (
    <Table.Tr data-testid={`clarification-${item.code}`}>
      <Table.Td>
        {item.code} {item.name ?? ''}
      </Table.Td>
      <Table.Td ta="right">{item.preliminary.toFixed(2)}</Table.Td>
      <Table.Td>{item.suggestion ?? '–'}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Checkbox
            label={t('oit.clarify.dispute')}
            checked={disputed}
            disabled={closed}
            onChange={(e) => setDisputed(e.currentTarget.checked)}
            data-testid="clarification-dispute"
          />
          {disputed && (
            <>
              <Textarea
                label={t('oit.clarify.text')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                disabled={closed}
                autosize
                minRows={2}
                data-testid="clarification-text"
              />
              <MultiSelect
                label={t('oit.clarify.evidence')}
                data={evidence.map((e) => ({ value: String(e.id), label: e.title || e.fileName || e.url || String(e.id) }))}
                value={chosen}
                onChange={setChosen}
                disabled={closed}
              />
            </>
          )}
          {!closed && (disputed !== item.disputed || text !== item.clarification || disputed) && (
            <Group gap="xs">
              <Button size="compact-xs" onClick={() => save.mutate()} loading={save.isPending} data-testid="clarification-save">
                {t('oit.clarify.save')}
              </Button>
              {item.disputed && <Badge color="blue">{t('oit.clarify.saved')}</Badge>}
            </Group>
          )}
          {save.error && (
            <Text size="xs" c="red" role="alert">
              {errorText(save.error)}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td ta="right">{item.confirmed === null ? '–' : item.confirmed.toFixed(2)}</Table.Td>
    </Table.Tr>
  );
}

/** The clarification round on the OIT page: preliminary scores, disputes with their clarification, the form, the confirmed score. */
export function ClarificationPanel({
  slug,
  year,
  items,
  canManage,
}: {
  slug: string;
  year: number;
  items: OitItem[];
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const base = `/api/agencies/${slug}/oit/${year}/clarification`;
  const path = { agency: slug, year };
  const round = useQuery({
    queryKey: ['clarification', base],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/oit/{year}/clarification', { params: { path } })),
  });
  const [file, setFile] = useState<File | null>(null);
  const [scores, setScores] = useState<Record<string, number | string>>({});
  const upload = useMutation({
    mutationFn: async () =>
      ok(
        http.POST('/api/agencies/{agency}/oit/{year}/clarification/preliminary', {
          params: { path },
          body: { fileName: file!.name, contentBase64: await fileToBase64(file!) },
        }),
      ),
    onSuccess: () => {
      setFile(null);
      return client.invalidateQueries({ queryKey: ['clarification', base] });
    },
  });
  const confirm = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/oit/{year}/clarification/confirm', {
          params: { path },
          body: {
            scores: Object.fromEntries(
              Object.entries(scores)
                .filter(([, v]) => v !== '')
                .map(([k, v]) => [k, Number(v)]),
            ),
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clarification', base] }),
  });
  const r = round.data?.round ?? null;
  const closed = !!r?.confirmedAt;
  const disputed = r?.items.filter((i) => i.disputed) ?? [];
  const shown = r?.items.filter((i) => i.preliminary < 100 || i.disputed) ?? [];
  return (
    <Card withBorder data-testid="clarification">
      <Title order={3} size="h5">
        {t('oit.clarify.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('oit.clarify.hint')}
      </Text>
      {canManage && !closed && (
        <Group align="flex-end" mt="xs">
          <FileInput
            label={t('oit.clarify.file')}
            accept=".csv,.xlsx,.json,.txt"
            value={file}
            onChange={setFile}
            w={300}
            data-testid="clarification-file"
          />
          <Button
            variant="light"
            disabled={!file}
            loading={upload.isPending}
            onClick={() => upload.mutate()}
            data-testid="clarification-import"
          >
            {t('oit.clarify.import')}
          </Button>
        </Group>
      )}
      {upload.error && (
        <Alert color="red" mt="xs">
          {errorText(upload.error)}
        </Alert>
      )}
      {r && (
        <>
          <Text size="sm" mt="sm" data-testid="clarification-summary">
            {t('oit.clarify.summary', {
              file: r.file,
              date: formatTimestamp(r.importedAt, i18n.language),
              score: r.preliminaryOit?.toFixed(2) ?? '–',
              count: disputed.length,
            })}
            {closed &&
              ` ${t('oit.clarify.confirmed', { score: r.confirmedOit?.toFixed(2) ?? '–', date: formatTimestamp(r.confirmedAt!, i18n.language) })}`}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table fz="sm" mt="xs" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('oit.clarify.item')}</Table.Th>
                  <Table.Th>{t('oit.clarify.preliminary')}</Table.Th>
                  <Table.Th>{t('oit.clarify.suggestion')}</Table.Th>
                  <Table.Th>{t('oit.clarify.clarification')}</Table.Th>
                  <Table.Th>{t('oit.clarify.confirmedScore')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item) => (
                  <DisputeRow
                    key={`${item.code}-${item.disputed}-${item.clarification}`}
                    item={item}
                    base={base}
                    path={path}
                    evidence={items.find((i) => i.code === item.code)?.evidence ?? []}
                    closed={closed || !canManage}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {disputed.length > 0 && (
            <Group mt="xs">
              <DocumentButton slug={slug} body={{ kind: 'clarification', format: 'pdf', year }} label="PDF" />
              <DocumentButton slug={slug} body={{ kind: 'clarification', format: 'docx', year }} label="DOCX" />
            </Group>
          )}
          {canManage && !closed && (
            <Group align="flex-end" mt="sm">
              {disputed.map((item) => (
                <NumberInput
                  key={item.code}
                  label={t('oit.clarify.confirmedOf', { code: item.code })}
                  min={0}
                  max={100}
                  value={scores[item.code] ?? ''}
                  onChange={(v) => setScores({ ...scores, [item.code]: v })}
                  w={150}
                  data-testid={`clarification-confirmed-${item.code}`}
                />
              ))}
              <Button onClick={() => confirm.mutate()} loading={confirm.isPending} data-testid="clarification-confirm">
                {t('oit.clarify.confirm')}
              </Button>
            </Group>
          )}
          {confirm.error && (
            <Alert color="red" mt="xs">
              {errorText(confirm.error)}
            </Alert>
          )}
        </>
      )}
    </Card>
  );
}
