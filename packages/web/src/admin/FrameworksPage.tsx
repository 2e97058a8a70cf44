import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, fileToBase64, http, ok, type ApiData } from '../api/client';
import { storageKey } from './framework-editor/draft';

type FrameworkSummary = ApiData<'/api/frameworks'>[number];
type Checked = ApiData<'/api/frameworks', 'post'>;
type FeatureReadiness = FrameworkSummary['readiness'][number];
type ManualDraftAnswer = ApiData<'/api/frameworks/draft-from-manual', 'post'>;
type ManualLine = ManualDraftAnswer['unplaced'][number];
interface Problem {
  path: string;
  message: string;
}

/** A problem's Thai: an import's `th`, a workbook's `messageTh` (sheet, row and column). */
const thaiOf = (p: object) => (p as { th?: string }).th ?? (p as { messageTh?: string }).messageTh;

/** Central admins load a new year's framework: checked first, every problem listed, then kept for good. */
export function FrameworksPage() {
  const { t, i18n } = useTranslation();
  const th = i18n.language === 'th';
  const client = useQueryClient();
  const frameworks = useQuery({ queryKey: ['frameworks'], queryFn: () => ok(http.GET('/api/frameworks')) });
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const send = useMutation({
    mutationFn: async (dryRun: boolean) =>
      ok(http.POST('/api/frameworks', { body: { fileName: file!.name, contentBase64: await fileToBase64(file!), dryRun } })),
    onMutate: () => setProblems([]),
    onSuccess: async (result) => {
      setChecked(result);
      if (result.saved) await client.invalidateQueries({ queryKey: ['frameworks'] });
    },
    onError: (error) => {
      setChecked(null);
      setProblems(error instanceof ApiError ? error.problems : []);
    },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('frameworks.title')}</Title>
        <Button component={Link} to="/admin/frameworks/new" data-testid="framework-new">
          {t('editor.newSet')}
        </Button>
      </Group>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('frameworks.id')}</Table.Th>
            <Table.Th>{t('frameworks.name')}</Table.Th>
            <Table.Th>{t('frameworks.years')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(frameworks.data ?? []).map((f) => (
            <Fragment key={f.id}>
              <Table.Tr data-testid={`framework-${f.id}`}>
                <Table.Td>{f.id}</Table.Td>
                <Table.Td>
                  {i18n.language === 'th' ? f.name.th : (f.name.en ?? f.name.th)}
                  <Group gap={4} mt={2}>
                    {f.agencyKinds.map((kind) => (
                      <Badge key={kind} size="xs" variant="outline">
                        {t(`frameworks.kind.${kind}`, { defaultValue: kind })}
                      </Badge>
                    ))}
                    {f.notice && (
                      <Badge size="xs" color="orange" data-testid="framework-provisional">
                        {th ? f.notice.th : f.notice.en}
                      </Badge>
                    )}
                  </Group>
                  <Provenance framework={f} />
                </Table.Td>
                <Table.Td>{f.fiscalYears.join(', ')}</Table.Td>
                <Table.Td>
                  <Anchor href={`/api/frameworks/${f.id}/workbook`} size="sm">
                    {t('frameworks.workbook')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
              <Table.Tr data-testid={`framework-${f.id}-readiness`}>
                <Table.Td />
                <Table.Td colSpan={3}>
                  <Readiness readiness={f.readiness} />
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder>
        <Title order={3} size="h5">
          {t('frameworks.load')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('frameworks.hint')}
        </Text>
        <Group align="flex-end" mt="sm">
          <FileInput
            label={t('frameworks.file')}
            accept=".json,.xlsx,application/json"
            value={file}
            onChange={(next) => {
              setFile(next);
              setChecked(null);
              setProblems([]);
            }}
            w={320}
            data-testid="framework-file"
          />
          <Button
            variant="light"
            disabled={!file}
            loading={send.isPending}
            onClick={() => send.mutate(true)}
            data-testid="framework-check"
          >
            {t('frameworks.check')}
          </Button>
          <Button
            disabled={!checked || checked.saved}
            loading={send.isPending}
            onClick={() => send.mutate(false)}
            data-testid="framework-load"
          >
            {t('frameworks.save')}
          </Button>
        </Group>
        {checked && (
          <Alert color="teal" mt="sm" data-testid="framework-checked">
            {t(checked.saved ? 'frameworks.saved' : 'frameworks.ok', {
              id: checked.id,
              years: checked.fiscalYears.join(', '),
              questions: checked.questions,
              oit: checked.oitItems,
            })}
          </Alert>
        )}
        {send.error && (
          <Alert color="red" mt="sm" title={(send.error as ApiError).messageTh.split('\n')[0]} data-testid="framework-problems">
            <List size="sm">
              {problems.map((p, i) => (
                <List.Item key={i}>
                  {th && thaiOf(p) ? (
                    thaiOf(p)
                  ) : (
                    <>
                      <code>{p.path}</code>: {p.message}
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Card>
      <ManualPaste frameworks={frameworks.data ?? []} />
    </Stack>
  );
}

/** วางข้อความจากคู่มือ: the manual's text pasted onto a base set gives a draft, its readiness and the lines not placed. */
function ManualPaste({ frameworks }: { frameworks: FrameworkSummary[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const th = i18n.language === 'th';
  const [baseId, setBaseId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const read = useMutation({
    mutationFn: () => ok(http.POST('/api/frameworks/draft-from-manual', { body: { baseId: baseId ?? '', text } })),
  });
  const answer = read.data;
  /** The draft document as written (it may still have problems); it always has its id. */
  const draftId = (answer?.draft as { id: string } | undefined)?.id ?? '';
  const download = () => {
    if (!answer) return;
    const blob = new Blob([JSON.stringify(answer.draft, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${draftId}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  // The editor opens the draft as kept in this browser, to be checked, finished and published there.
  const openInEditor = () => {
    if (!answer) return;
    localStorage.setItem(storageKey(draftId), JSON.stringify(answer.draft));
    navigate(`/admin/frameworks/new?draft=${encodeURIComponent(draftId)}`);
  };
  return (
    <Card withBorder data-testid="manual-paste">
      <Title order={4}>{t('manualPaste.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('manualPaste.hint')}
      </Text>
      <Select
        label={t('manualPaste.base')}
        data={frameworks.map((f) => ({ value: f.id, label: `${f.id} — ${f.name.th}` }))}
        value={baseId}
        onChange={setBaseId}
        maw={520}
      />
      <Textarea
        label={t('manualPaste.text')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={20}
        mt="sm"
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group mt="sm">
        <Button onClick={() => read.mutate()} loading={read.isPending} disabled={!baseId || text.trim() === ''}>
          {t('manualPaste.read')}
        </Button>
        {answer && (
          <Button variant="light" onClick={openInEditor} data-testid="manual-paste-open">
            {t('manualPaste.openInEditor')}
          </Button>
        )}
        {answer && (
          <Button variant="subtle" onClick={download}>
            {t('manualPaste.download')}
          </Button>
        )}
      </Group>
      {read.error && (
        <Alert color="red" mt="sm">
          {th ? (read.error as ApiError).messageTh : (read.error as ApiError).message}
        </Alert>
      )}
      {answer && (
        <Stack gap="xs" mt="sm" data-testid="manual-paste-result">
          <Text size="sm">{t('manualPaste.counts', { questions: answer.counts.questions, oit: answer.counts.oitItems })}</Text>
          {answer.readiness && <Readiness readiness={answer.readiness} />}
          {answer.problems.length > 0 && (
            <Alert color="red" title={t('manualPaste.problems')}>
              <List size="sm">
                {answer.problems.map((p, i) => (
                  <List.Item key={i}>{th && p.th ? p.th : `${p.path}: ${p.message}`}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="xs" fw={600}>
            {t('manualPaste.unplaced', { count: answer.unplaced.length })}
          </Text>
          {answer.unplaced.length > 0 && <ManualLines lines={answer.unplaced} th={th} testId="manual-paste-unplaced" />}
          {answer.warnings.length > 0 && (
            <>
              <Text size="xs" fw={600}>
                {t('manualPaste.warnings')}
              </Text>
              <ManualLines lines={answer.warnings} th={th} testId="manual-paste-warnings" />
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}

function ManualLines({ lines, th, testId }: { lines: ManualLine[]; th: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table fz="xs" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>{t('manualPaste.line')}</Table.Th>
          <Table.Th>{t('manualPaste.lineText')}</Table.Th>
          <Table.Th>{t('manualPaste.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l, i) => (
          <Table.Tr key={`${l.line}-${i}`}>
            <Table.Td>{l.line}</Table.Td>
            <Table.Td>{l.text}</Table.Td>
            <Table.Td>{th ? l.reason.th : l.reason.en}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Each feature ✓ or ✗, with exactly what is missing and who can fix it. */
function Readiness({ readiness }: { readiness: FeatureReadiness[] }) {
  const { t, i18n } = useTranslation();
  const th = i18n.language === 'th';
  return (
    <>
      <Text size="xs" fw={600}>
        {t('frameworks.readiness')}
      </Text>
      <Table fz="xs" withRowBorders={false} verticalSpacing={0} data-testid="framework-readiness">
        <Table.Tbody>
          {readiness.map((r) => (
            <Table.Tr key={r.feature}>
              <Table.Td w={24} c={r.ready ? 'teal' : 'red'} aria-label={t(r.ready ? 'frameworks.ready' : 'frameworks.notReady')}>
                {r.ready ? '✓' : '✗'}
              </Table.Td>
              <Table.Td w={240}>{t(`frameworks.feature.${r.feature}`)}</Table.Td>
              <Table.Td>
                {r.ready ? t('frameworks.ready') : r.missing.map((m) => <div key={m.part + m.th}>{th ? m.th : m.en}</div>)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {readiness.some((r) => !r.ready) && (
        <Text size="xs" c="dimmed">
          {t('frameworks.fixedBy')}
        </Text>
      )}
    </>
  );
}

/** Where a set comes from: each source and what it gave, who confirmed it, what stays unknown. */
function Provenance({ framework }: { framework: FrameworkSummary }) {
  const { t } = useTranslation();
  const { sources, confirmedBy, confirmedAt, unknowns } = framework.provenance;
  return (
    <details>
      <summary>
        <Text span size="xs">
          {t('frameworks.provenance')}
        </Text>
      </summary>
      <Text size="xs" fw={600} mt={4}>
        {t('frameworks.sources')}
      </Text>
      <List size="xs">
        {sources.map((s) => (
          <List.Item key={s.id}>
            <code>{s.id}</code> ({t(`frameworks.sourceKind.${s.kind}`, { defaultValue: s.kind })}): {s.citation} — {s.gave}
          </List.Item>
        ))}
      </List>
      <Text size="xs" mt={4}>
        {confirmedBy ? t('frameworks.confirmed', { by: confirmedBy, at: confirmedAt }) : t('frameworks.notConfirmed')}
      </Text>
      {unknowns.length > 0 && (
        <>
          <Text size="xs" fw={600} mt={4}>
            {t('frameworks.unknowns')}
          </Text>
          <List size="xs">
            {unknowns.map((u) => (
              <List.Item key={u}>{u}</List.Item>
            ))}
          </List>
        </>
      )}
    </details>
  );
}
