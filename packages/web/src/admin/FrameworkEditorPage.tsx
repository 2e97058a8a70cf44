import {
  ActionIcon,
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
  Textarea,
  Title,
} from '@mantine/core';
import { fromThaiDigits } from '@prongsai/core/thai';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';

interface Localized {
  th: string;
  en?: string | null;
}
interface Item {
  no: number;
  text: Localized;
  scale: string;
  polarity: 'positive' | 'negative';
  [key: string]: unknown;
}
interface Question {
  code: string;
  indicator: number;
  text: Localized;
  items: Item[] | null;
  [key: string]: unknown;
}
interface OitItem {
  code: string;
  indicator: number;
  subIndicator?: string;
  name: Localized | null;
  scoring: 'binary' | 'partial';
  previousCodes?: string[];
  [key: string]: unknown;
}
/** A set as the editor holds it: the parts it edits, and every other part kept as it came. */
interface Draft {
  id: string;
  name: Localized;
  fiscalYears: number[];
  tools: { code: string; name: Localized; weight: number; kind: string; [key: string]: unknown }[];
  indicators: { number: number; tool: string; name: Localized; [key: string]: unknown }[];
  scales: Record<string, unknown>;
  questions: Question[];
  oitItems: OitItem[];
  levels: { levels: { id: string; name: Localized; min: number; allToolsMin?: number }[]; [key: string]: unknown };
  [key: string]: unknown;
}
interface Check {
  problems: { path: string; message: string; th: string }[];
  readiness: { feature: string; ready: boolean; missing: { th: string; en: string }[] }[] | null;
  idTaken: boolean;
}
interface Listed {
  id: string;
  name: Localized;
  fiscalYears: number[];
}

/** A number as typed, Thai digits or Arabic, with a decimal point: NaN when it is not one. */
export function typedNumber(text: string): number {
  const ascii = fromThaiDigits(text).replace(/[\s,]/g, '');
  return /^\d{1,6}(\.\d{1,4})?$/.test(ascii) ? Number(ascii) : Number.NaN;
}
/** Fiscal years as typed ("2570, ๒๕๗๑"): NaN in the list where one is not a year. */
export function typedYears(text: string): number[] {
  return fromThaiDigits(text)
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((y) => (/^25\d\d$/.test(y) ? Number(y) : Number.NaN));
}

const storageKey = (id: string) => `prongsai:framework-draft:${id}`;
const HISTORY = 100;

/** A number box that keeps what is typed and says in Thai when it is not a number. */
function NumberText({ value, onChange, label, w }: { value: number; onChange: (n: number) => void; label: string; w?: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(value));
  useEffect(() => setText((now) => (typedNumber(now) === value ? now : String(value))), [value]);
  const bad = Number.isNaN(typedNumber(text));
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
        const n = typedNumber(next);
        if (!Number.isNaN(n)) onChange(n);
      }}
    />
  );
}

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
  const sets = useQuery({ queryKey: ['frameworks'], queryFn: () => api<Listed[]>('GET', '/api/frameworks') });
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

  const start = useMutation({
    mutationFn: async () => {
      const kept = localStorage.getItem(storageKey(newId));
      if (kept) return JSON.parse(kept) as Draft;
      return api<Draft>('GET', `/api/frameworks/${from}/draft?newId=${encodeURIComponent(newId)}`);
    },
    onSuccess: (data) => {
      setHistory({ past: [], now: data, future: [] });
      setYearsText(data.fiscalYears.join(', '));
    },
  });
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
      api<Check>('POST', '/api/frameworks/check', { data: draft })
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
      return api('POST', '/api/frameworks', { fileName: `${draft!.id}.json`, contentBase64: btoa(binary) });
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
              data={(sets.data ?? []).map((f) => ({ value: f.id, label: `${f.id} — ${f.name.th}` }))}
              w={420}
              data-testid="editor-from"
            />
            <TextInput
              label={t('editor.newId')}
              description={t('editor.newIdHint')}
              value={newId}
              onChange={(e) => setNewId(e.currentTarget.value.trim().toLowerCase())}
              error={/^[a-z0-9]+(-[a-z0-9]+)*$/.test(newId) ? undefined : t('editor.badId')}
              w={260}
              data-testid="editor-new-id"
            />
            <Button
              onClick={() => start.mutate()}
              disabled={!from || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(newId)}
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
  const scales = Object.keys(draft.scales ?? {});
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
          <Tabs.Tab value="questions">{t('editor.tabs.questions')}</Tabs.Tab>
          <Tabs.Tab value="oit">{t('editor.tabs.oit')}</Tabs.Tab>
          <Tabs.Tab value="levels">{t('editor.tabs.levels')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="set" pt="sm">
          <Stack maw={720}>
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
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="tools" pt="sm">
          <Title order={3} size="h5">
            {t('editor.tools')}
          </Title>
          <Table fz="sm" data-testid="editor-tools">
            <Table.Tbody>
              {draft.tools.map((tool, i) => (
                <Table.Tr key={tool.code}>
                  <Table.Td w={80}>{tool.code}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${tool.code} ${t('editor.nameTh')}`}
                      value={tool.name.th}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        change((d) => void (d.tools[i]!.name.th = v));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberText
                      label={`${tool.code} ${t('editor.weight')}`}
                      value={tool.weight}
                      onChange={(n) => change((d) => void (d.tools[i]!.weight = n))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5" mt="md">
            {t('editor.indicators')}
          </Title>
          <Table fz="sm">
            <Table.Tbody>
              {draft.indicators.map((indicator, i) => (
                <Table.Tr key={indicator.number}>
                  <Table.Td w={60}>{indicator.number}</Table.Td>
                  <Table.Td w={80}>{indicator.tool}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('editor.indicator')} ${indicator.number}`}
                      value={indicator.name.th}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        change((d) => void (d.indicators[i]!.name.th = v));
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="questions" pt="sm">
          <Stack>
            {draft.questions.map((q, qi) => (
              <Card withBorder key={q.code} data-testid={`editor-question-${q.code}`}>
                <Group align="flex-start" wrap="nowrap">
                  <Text fw={600} w={50}>
                    {q.code}
                  </Text>
                  <Textarea
                    aria-label={`${q.code} ${t('editor.text')}`}
                    value={q.text.th}
                    autosize
                    minRows={1}
                    style={{ flex: 1 }}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      change((d) => void (d.questions[qi]!.text.th = v));
                    }}
                  />
                </Group>
                {q.items === null ? (
                  <Group mt="xs">
                    <Text size="sm" c="dimmed">
                      {t('editor.noItems')}
                    </Text>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() =>
                        change(
                          (d) =>
                            void (d.questions[qi]!.items = [
                              { no: 1, text: { th: d.questions[qi]!.text.th }, scale: scales[0] ?? '', polarity: 'positive' },
                            ]),
                        )
                      }
                    >
                      {t('editor.addItem')}
                    </Button>
                  </Group>
                ) : (
                  <Table fz="sm" mt="xs">
                    <Table.Tbody>
                      {q.items.map((item, ii) => (
                        <Table.Tr key={ii}>
                          <Table.Td w={40}>{item.no}</Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={`${q.code}.${item.no} ${t('editor.text')}`}
                              value={item.text.th}
                              onChange={(e) => {
                                const v = e.currentTarget.value;
                                change((d) => void (d.questions[qi]!.items![ii]!.text.th = v));
                              }}
                            />
                          </Table.Td>
                          <Table.Td w={170}>
                            <Select
                              aria-label={`${q.code}.${item.no} ${t('editor.scale')}`}
                              value={item.scale}
                              data={scales}
                              allowDeselect={false}
                              onChange={(v) => v && change((d) => void (d.questions[qi]!.items![ii]!.scale = v))}
                            />
                          </Table.Td>
                          <Table.Td w={150}>
                            <Select
                              aria-label={`${q.code}.${item.no} ${t('editor.polarity')}`}
                              value={item.polarity}
                              data={[
                                { value: 'positive', label: t('editor.positive') },
                                { value: 'negative', label: t('editor.negative') },
                              ]}
                              allowDeselect={false}
                              onChange={(v) =>
                                v && change((d) => void (d.questions[qi]!.items![ii]!.polarity = v as 'positive' | 'negative'))
                              }
                            />
                          </Table.Td>
                          <Table.Td w={40}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`${t('editor.removeItem')} ${q.code}.${item.no}`}
                              onClick={() =>
                                change((d) => {
                                  const items = d.questions[qi]!.items!.filter((_, k) => k !== ii);
                                  d.questions[qi]!.items = items.length ? items.map((it, k) => ({ ...it, no: k + 1 })) : null;
                                })
                              }
                            >
                              ×
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                {q.items !== null && (
                  <Button
                    size="xs"
                    variant="subtle"
                    mt={4}
                    onClick={() =>
                      change((d) => {
                        const items = d.questions[qi]!.items!;
                        const last = items.at(-1)!;
                        items.push({ no: items.length + 1, text: { th: '' }, scale: last.scale, polarity: last.polarity });
                      })
                    }
                  >
                    {t('editor.addItem')}
                  </Button>
                )}
              </Card>
            ))}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="oit" pt="sm">
          <Table fz="sm" data-testid="editor-oit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('editor.code')}</Table.Th>
                <Table.Th>{t('editor.indicator')}</Table.Th>
                <Table.Th>{t('editor.name')}</Table.Th>
                <Table.Th>{t('editor.scoring')}</Table.Th>
                <Table.Th>{t('editor.previousCodes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.oitItems.map((item, i) => (
                <Table.Tr key={item.code}>
                  <Table.Td>{item.code}</Table.Td>
                  <Table.Td>
                    {item.indicator}
                    {item.subIndicator ? ` (${item.subIndicator})` : ''}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${item.code} ${t('editor.name')}`}
                      value={item.name?.th ?? ''}
                      placeholder={t('editor.unknownName')}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        change((d) => void (d.oitItems[i]!.name = v.trim() ? { ...(d.oitItems[i]!.name ?? {}), th: v } : null));
                      }}
                    />
                  </Table.Td>
                  <Table.Td w={150}>
                    <Select
                      aria-label={`${item.code} ${t('editor.scoring')}`}
                      value={item.scoring}
                      data={[
                        { value: 'binary', label: t('editor.binary') },
                        { value: 'partial', label: t('editor.partial') },
                      ]}
                      allowDeselect={false}
                      onChange={(v) => v && change((d) => void (d.oitItems[i]!.scoring = v as 'binary' | 'partial'))}
                    />
                  </Table.Td>
                  <Table.Td w={140}>
                    <TextInput
                      aria-label={`${item.code} ${t('editor.previousCodes')}`}
                      value={(item.previousCodes ?? []).join(', ')}
                      onChange={(e) => {
                        const codes = e.currentTarget.value
                          .split(/[\s,]+/)
                          .map((c) => c.trim().toUpperCase())
                          .filter(Boolean);
                        change((d) => {
                          if (codes.length) d.oitItems[i]!.previousCodes = codes;
                          else delete d.oitItems[i]!.previousCodes;
                        });
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="levels" pt="sm">
          <Table fz="sm" maw={720}>
            <Table.Tbody>
              {draft.levels.levels.map((level, i) => (
                <Table.Tr key={level.id}>
                  <Table.Td>
                    <TextInput
                      aria-label={`${level.id} ${t('editor.name')}`}
                      value={level.name.th}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        change((d) => void (d.levels.levels[i]!.name.th = v));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberText
                      label={`${level.id} ${t('editor.min')}`}
                      value={level.min}
                      onChange={(n) => change((d) => void (d.levels.levels[i]!.min = n))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
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
