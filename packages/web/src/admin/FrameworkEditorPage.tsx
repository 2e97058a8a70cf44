import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, http, ok, type ApiData } from '../api/client';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';
import { emptyDraft, storageKey, typedYears, type Draft } from './framework-editor/draft';
import { NumberText } from './framework-editor/fields';
import { LevelsPanel } from './framework-editor/LevelsPanel';
import { OitPanel } from './framework-editor/OitPanel';
import { QuestionsPanel } from './framework-editor/QuestionsPanel';
import { ScalesPanel } from './framework-editor/ScalesPanel';
import { StructurePanel } from './framework-editor/StructurePanel';

type Check = ApiData<'/api/frameworks/check', 'post'>;

const HISTORY = 100;
/** The choice of starting from nothing, beside the published sets. */
const EMPTY = '(empty)';
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The framework editor for central admins: a new year's set started from any published one, edited in
 * Thai forms with undo, checked as it is edited (each problem in Thai, each feature's readiness), and
 * published once for its fiscal years. The draft is kept in this browser until it is published.
 */
export function FrameworkEditorPage() {
  const { t, i18n } = useTranslation();
  const th = i18n.language === 'th';
  const navigate = useNavigate();
  const client = useQueryClient();
  const sets = useQuery({ queryKey: ['frameworks'], queryFn: () => ok(http.GET('/api/frameworks')) });
  const current = fiscalYearOf(todayInBangkok());
  const [from, setFrom] = useState<string | null>(null);
  // The first year without a set: the current one, or the next when the current has one already.
  const firstOpenYear = (sets.data ?? []).some((f) => f.fiscalYears.includes(current)) ? current + 1 : current;
  const [typedId, setNewId] = useState<string | null>(null);
  const newId = typedId ?? `bma-district-${firstOpenYear}`;
  const [history, setHistory] = useState<{ past: Draft[]; now: Draft | null; future: Draft[] }>({
    past: [],
    now: null,
    future: [],
  });
  const draft = history.now;
  const [check, setCheck] = useState<Check | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [yearsText, setYearsText] = useState('');

  const [params] = useSearchParams();
  const handedOver = params.get('draft');
  const start = useMutation({
    mutationFn: async (): Promise<Draft> => {
      const kept = localStorage.getItem(storageKey(newId));
      if (kept) return JSON.parse(kept) as Draft;
      if (from === EMPTY) return emptyDraft(newId, firstOpenYear);
      return (await ok(http.GET('/api/frameworks/{id}/draft', { params: { path: { id: from! }, query: { newId } } }))) as Draft;
    },
    onSuccess: (data) => {
      setHistory({ past: [], now: data, future: [] });
      setYearsText(data.fiscalYears.join(', '));
    },
  });
  // A draft handed over by another page (the manual paste) opens as it was kept in this browser.
  useEffect(() => {
    if (!handedOver || history.now) return;
    const kept = localStorage.getItem(storageKey(handedOver));
    if (!kept) return;
    const data = JSON.parse(kept) as Draft;
    setHistory({ past: [], now: data, future: [] });
    setYearsText(data.fiscalYears.join(', '));
  }, [handedOver, history.now]);
  const change = (edit: (d: Draft) => void) =>
    setHistory((h) => {
      if (!h.now) return h;
      const next = structuredClone(h.now);
      edit(next);
      return { past: [...h.past.slice(-HISTORY + 1), h.now], now: next, future: [] };
    });
  const undo = () =>
    setHistory((h) => (h.past.length ? { past: h.past.slice(0, -1), now: h.past.at(-1)!, future: [h.now!, ...h.future] } : h));
  const redo = () =>
    setHistory((h) => (h.future.length ? { past: [...h.past, h.now!], now: h.future[0]!, future: h.future.slice(1) } : h));

  // Kept in the browser and checked by the server a moment after each change.
  useEffect(() => {
    if (!draft) return;
    localStorage.setItem(storageKey(draft.id), JSON.stringify(draft));
    const timer = setTimeout(() => {
      ok(http.POST('/api/frameworks/check', { body: { data: draft } }))
        .then(setCheck)
        .catch(() => setCheck(null));
    }, 500);
    return () => clearTimeout(timer);
  }, [draft]);

  const publish = useMutation({
    mutationFn: () => {
      const bytes = new TextEncoder().encode(JSON.stringify(draft, null, 2));
      let binary = '';
      bytes.forEach((b) => (binary += String.fromCharCode(b)));
      return ok(http.POST('/api/frameworks', { body: { fileName: `${draft!.id}.json`, contentBase64: btoa(binary) } }));
    },
    onSuccess: async () => {
      localStorage.removeItem(storageKey(draft!.id));
      await client.invalidateQueries({ queryKey: ['frameworks'] });
      navigate('/admin/frameworks');
    },
  });

  if (!draft) {
    return (
      <Stack>
        <Title order={2}>{t('editor.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('editor.intro')}
        </Text>
        <Card withBorder>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('editor.from')}
              value={from}
              onChange={setFrom}
              data={[
                ...(sets.data ?? []).map((f) => ({ value: f.id, label: `${f.id} — ${f.name.th}` })),
                { value: EMPTY, label: t('editor.empty') },
              ]}
              w={420}
              data-testid="editor-from"
            />
            <TextInput
              label={t('editor.newId')}
              description={t('editor.newIdHint')}
              value={newId}
              onChange={(e) => setNewId(e.currentTarget.value.trim().toLowerCase())}
              error={ID.test(newId) ? undefined : t('editor.badId')}
              w={260}
              data-testid="editor-new-id"
            />
            <Button
              onClick={() => start.mutate()}
              disabled={!from || !ID.test(newId)}
              loading={start.isPending}
              data-testid="editor-start"
            >
              {t('editor.start')}
            </Button>
          </Group>
          {start.error && (
            <Alert color="red" mt="xs">
              {start.error instanceof ApiError ? start.error.messageTh : String(start.error)}
            </Alert>
          )}
        </Card>
      </Stack>
    );
  }

  const years = typedYears(yearsText);
  const blocking = !check || check.problems.length > 0 || check.idTaken || years.some(Number.isNaN) || years.length === 0;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('editor.editing', { id: draft.id })}</Title>
          <Badge color="orange" variant="light">
            {t('editor.provisional')}
          </Badge>
        </div>
        <Group>
          <Button variant="default" onClick={undo} disabled={history.past.length === 0} data-testid="editor-undo">
            {t('editor.undo')}
          </Button>
          <Button variant="default" onClick={redo} disabled={history.future.length === 0}>
            {t('editor.redo')}
          </Button>
          <Button onClick={() => setPublishing(true)} disabled={blocking} data-testid="editor-publish">
            {t('editor.publish')}
          </Button>
        </Group>
      </Group>

      <Card withBorder data-testid="editor-check">
        {!check ? (
          <Text size="sm">{t('editor.checking')}</Text>
        ) : check.problems.length > 0 ? (
          <>
            <Text size="sm" fw={600} c="red.8">
              {t('editor.problems', { count: check.problems.length })}
            </Text>
            <List size="sm">
              {check.problems.slice(0, 30).map((p) => (
                <List.Item key={`${p.path}|${p.message}`}>{th ? p.th : `${p.path}: ${p.message}`}</List.Item>
              ))}
            </List>
          </>
        ) : (
          <>
            <Text size="sm" c="teal.8" fw={600}>
              {check.idTaken ? t('editor.idTaken', { id: draft.id }) : t('editor.noProblems')}
            </Text>
            <Table fz="sm" mt="xs">
              <Table.Tbody>
                {(check.readiness ?? []).map((r) => (
                  <Table.Tr key={r.feature} data-testid={`editor-ready-${r.feature}`}>
                    <Table.Td>{t(`frameworks.feature.${r.feature}`)}</Table.Td>
                    <Table.Td>
                      {r.ready ? (
                        <Badge color="teal">{t('editor.ready')}</Badge>
                      ) : (
                        r.missing.map((m) => (th ? m.th : m.en)).join('; ')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Card>

      <Tabs defaultValue="set">
        <Tabs.List>
          <Tabs.Tab value="set">{t('editor.tabs.set')}</Tabs.Tab>
          <Tabs.Tab value="tools">{t('editor.tabs.tools')}</Tabs.Tab>
          <Tabs.Tab value="scales">{t('editor.tabs.scales')}</Tabs.Tab>
          <Tabs.Tab value="questions">{t('editor.tabs.questions')}</Tabs.Tab>
          <Tabs.Tab value="oit">{t('editor.tabs.oit')}</Tabs.Tab>
          <Tabs.Tab value="levels">{t('editor.tabs.levels')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="set" pt="sm">
          <Stack maw={720}>
            <TextInput
              label={t('editor.newId')}
              description={t('editor.newIdHint')}
              value={draft.id}
              error={ID.test(draft.id) ? undefined : t('editor.badId')}
              onChange={(e) => {
                const v = e.currentTarget.value.trim().toLowerCase();
                localStorage.removeItem(storageKey(draft.id));
                change((d) => void (d.id = v));
              }}
              data-testid="editor-id"
            />
            <TextInput
              label={t('editor.nameTh')}
              value={draft.name.th}
              onChange={(e) => {
                const v = e.currentTarget.value;
                change((d) => void (d.name.th = v));
              }}
            />
            <TextInput
              label={t('editor.years')}
              description={t('editor.yearsHint')}
              value={yearsText}
              error={years.some(Number.isNaN) || years.length === 0 ? t('editor.badYears') : undefined}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setYearsText(v);
                const typed = typedYears(v);
                if (typed.length && !typed.some(Number.isNaN)) change((d) => void (d.fiscalYears = typed));
              }}
              data-testid="editor-years"
            />
            <div>
              <Text size="sm" fw={500}>
                {t('editor.threshold')}
              </Text>
              <NumberText
                label={t('editor.threshold')}
                value={(draft.analysisThreshold as number | undefined) ?? 85}
                onChange={(n) => n !== undefined && change((d) => void (d.analysisThreshold = n))}
              />
            </div>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="tools" pt="sm">
          <StructurePanel draft={draft} change={change} />
        </Tabs.Panel>
        <Tabs.Panel value="scales" pt="sm">
          <ScalesPanel draft={draft} change={change} />
        </Tabs.Panel>
        <Tabs.Panel value="questions" pt="sm">
          <QuestionsPanel draft={draft} change={change} />
        </Tabs.Panel>
        <Tabs.Panel value="oit" pt="sm">
          <OitPanel draft={draft} change={change} />
        </Tabs.Panel>
        <Tabs.Panel value="levels" pt="sm">
          <LevelsPanel draft={draft} change={change} />
        </Tabs.Panel>
      </Tabs>

      {publishing && (
        <Modal opened onClose={() => setPublishing(false)} title={t('editor.publishTitle', { id: draft.id })}>
          <Text size="sm">{t('editor.publishWarning', { years: draft.fiscalYears.join(', ') })}</Text>
          {publish.error && (
            <Alert color="red" mt="xs">
              {publish.error instanceof ApiError
                ? [publish.error.messageTh, ...publish.error.problems.map((p) => (p as { th?: string }).th ?? p.message)].join(
                    ' · ',
                  )
                : String(publish.error)}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setPublishing(false)}>
              {t('editor.cancel')}
            </Button>
            <Button onClick={() => publish.mutate()} loading={publish.isPending} data-testid="editor-publish-confirm">
              {t('editor.publishConfirm')}
            </Button>
          </Group>
        </Modal>
      )}
    </Stack>
  );
}
