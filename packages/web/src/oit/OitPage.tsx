import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  Loader,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FilterTabs } from '../layout/FilterTabs';
import { useScrollToHash } from '../layout/useScrollToHash';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, fileToBase64, http, ok, type Division } from '../api/client';
import { OIT_STATUSES, type OitChecklistView, type OitItem, type OitPrediction, type OitStatus } from '../api/oit';
import { useMe } from '../auth/session';
import { ThaiDateInput } from '../forms/ThaiDateInput';
import { fiscalYearOf, formatIsoDate, formatTimestamp, todayInBangkok } from '../i18n/dates';
import { useYearChoice } from '../layout/yearChoice';
import { ClarificationPanel } from './ClarificationPanel';
import { useUnitWords } from '../agency/unit-words';

/** The server refuses larger files; checked here first so a slow phone does not send them. */
const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;
const STATUS_COLOURS: Record<OitStatus, string> = { todo: 'gray', submitted: 'blue', returned: 'orange', accepted: 'teal' };
const FILTERS = ['all', 'todo', 'submitted', 'returned', 'accepted', 'overdue'] as const;
type Filter = (typeof FILTERS)[number];

function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Text size="sm" c="red" role="alert" data-testid="oit-error">
      {error instanceof ApiError ? error.messageTh : String(error)}
    </Text>
  );
}

function ItemCard({ item, slug, year, divisions }: { item: OitItem; slug: string; year: number; divisions: Division[] }) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const lang = i18n.language;
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [comment, setComment] = useState('');
  // The form opens on request, so the secretariat's board of every item stays short.
  const [adding, setAdding] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['oit', slug, year] });
  const path = { agency: slug, year, code: item.code };
  // What the server allows: its divisions or the secretariat add documents while the item is being
  // prepared; on an item shared by divisions, each division removes only the documents it added.
  const editable = item.can.edit;
  const canReview = item.can.review;
  const tooLarge = file !== null && file.size > MAX_DOCUMENT_BYTES;
  // The server refuses anything but http(s) addresses; said here before sending.
  const badLink = file === null && link.trim() !== '' && !/^https?:\/\/[^\s/]+/i.test(link.trim());

  const add = useMutation({
    mutationFn: async () =>
      ok(
        http.POST('/api/agencies/{agency}/oit/{year}/items/{code}/evidence', {
          params: { path },
          body: file
            ? { fileName: file.name, contentBase64: await fileToBase64(file), title, note }
            : { url: link.trim(), title: title || link.trim(), note },
        }),
      ),
    onSuccess: async () => {
      setFile(null);
      setTitle('');
      setNote('');
      setLink('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => ok(http.DELETE('/api/oit-evidence/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const move = useMutation({
    mutationFn: (action: 'submit' | 'accept' | 'return') =>
      ok(
        action === 'submit'
          ? http.POST('/api/agencies/{agency}/oit/{year}/items/{code}/submit', { params: { path }, body: { comment } })
          : action === 'accept'
            ? http.POST('/api/agencies/{agency}/oit/{year}/items/{code}/accept', { params: { path }, body: { comment } })
            : http.POST('/api/agencies/{agency}/oit/{year}/items/{code}/return', { params: { path }, body: { comment } }),
      ),
    onSuccess: async () => {
      setComment('');
      await refresh();
    },
  });
  const names = item.divisions.map(
    (id) => divisions.find((d) => d.id === id)?.[lang === 'th' ? 'nameTh' : 'nameEn'] ?? String(id),
  );

  return (
    <Card
      withBorder
      component="article"
      id={`oit-item-${item.code}`}
      tabIndex={-1}
      aria-labelledby={`oit-${item.code}`}
      data-testid={`oit-item-${item.code}`}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} size="h5" id={`oit-${item.code}`}>
            {item.code} {item.name ?? t('oit.unnamed')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('oit.indicator', { number: item.indicator })}
            {item.subIndicator ? ` · ${item.subIndicator}` : ''}
            {' · '}
            {names.length ? names.join(', ') : t('oit.unassigned', units)}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Badge color={STATUS_COLOURS[item.status]} data-testid="oit-status">
            {t(`oit.status.${item.status}`)}
          </Badge>
          {item.carry !== 'carried' && (
            <Badge variant="outline" color="grape" size="sm">
              {t(`oit.carry.${item.carry}`)}
            </Badge>
          )}
        </Stack>
      </Group>
      {item.requirement && (
        <Text size="sm" mt="xs">
          {item.requirement}
        </Text>
      )}
      {item.dueDate && (
        <Text size="sm" mt={4} c={item.overdue ? 'red.8' : undefined}>
          {t('oit.due', { date: formatIsoDate(item.dueDate, lang) })}
          {item.overdue ? ` · ${t('oit.overdue')}` : ''}
        </Text>
      )}
      {item.status === 'returned' && item.comment && (
        <Alert color="orange" mt="xs" p="xs" title={t('oit.returnedBecause')}>
          {item.comment}
        </Alert>
      )}
      <Stack gap={4} mt="xs" component="ul" style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
        {item.evidence.map((e) => (
          <Group component="li" key={e.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="oit-evidence">
            <div style={{ minWidth: 0 }}>
              <Anchor
                href={e.kind === 'file' ? `/api/oit-evidence/${e.id}/file` : (e.url ?? '#')}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {e.title || e.fileName || e.url}
              </Anchor>
              <Text size="xs" c="dimmed">
                {e.kind === 'file' ? `${e.fileName} · ${Math.max(1, Math.round(e.bytes / 1024))} KB` : e.url}
                {e.note ? ` · ${e.note}` : ''}
              </Text>
              {e.check && (
                <Group gap={4} data-testid="oit-link-check">
                  <Badge size="sm" variant="light" color={e.check.ok ? 'teal' : 'red'}>
                    {e.check.verdictTh}
                  </Badge>
                  {e.check.mentionsYear === false && (
                    <Badge size="sm" variant="light" color="orange">
                      {t('oit.noYear', { year })}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('oit.checkedAt', { date: formatTimestamp(e.check.checkedAt, lang) })}
                  </Text>
                </Group>
              )}
            </div>
            {e.can.remove && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => remove.mutate(e.id)}
                aria-label={t('oit.remove', { title: e.title })}
              >
                {t('oit.removeShort')}
              </Button>
            )}
          </Group>
        ))}
        {item.evidence.length === 0 && (
          <Text component="li" size="sm" c="dimmed">
            {t('oit.noEvidence')}
          </Text>
        )}
      </Stack>
      {editable && !adding && (
        <Group mt="sm">
          <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="oit-open-form">
            {t('oit.openForm')}
          </Button>
          {item.evidence.length > 0 && (
            <Button
              size="xs"
              variant="light"
              onClick={() => move.mutate('submit')}
              loading={move.isPending}
              data-testid="oit-submit"
            >
              {t('oit.submit')}
            </Button>
          )}
        </Group>
      )}
      {editable && adding && (
        <Stack gap="xs" mt="sm">
          <FileInput
            label={t('oit.file')}
            description={t('oit.fileHint', { mb: MAX_DOCUMENT_BYTES / 1048576 })}
            accept="application/pdf,image/jpeg,image/png,image/webp,image/heic,.docx,.xlsx"
            value={file}
            onChange={setFile}
            clearable
            error={tooLarge ? t('oit.tooLarge', { mb: MAX_DOCUMENT_BYTES / 1048576 }) : null}
            data-testid="oit-file"
          />
          <TextInput
            label={t('oit.link')}
            placeholder="https://"
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
            disabled={file !== null}
            error={badLink ? t('oit.badLink') : null}
            inputMode="url"
            data-testid="oit-link"
          />
          <TextInput
            label={t('oit.itemTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-testid="oit-title"
          />
          <TextInput label={t('oit.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <ErrorText error={add.error ?? remove.error} />
          <Group>
            <Button
              size="sm"
              onClick={() => add.mutate()}
              loading={add.isPending}
              disabled={tooLarge || badLink || (!file && !link.trim())}
              data-testid="oit-add"
            >
              {t('oit.add')}
            </Button>
            <Button
              size="sm"
              variant="light"
              onClick={() => move.mutate('submit')}
              loading={move.isPending}
              disabled={item.evidence.length === 0}
              data-testid="oit-submit"
            >
              {t('oit.submit')}
            </Button>
          </Group>
        </Stack>
      )}
      {canReview && item.status !== 'todo' && (
        <Group mt="sm" align="flex-end">
          <TextInput
            size="xs"
            label={t('oit.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 160 }}
          />
          {item.status !== 'accepted' && (
            <Button size="xs" color="teal" onClick={() => move.mutate('accept')} data-testid="oit-accept">
              {t('oit.accept')}
            </Button>
          )}
          {(item.status === 'submitted' || item.status === 'accepted') && (
            <Button size="xs" color="orange" disabled={!comment.trim()} onClick={() => move.mutate('return')}>
              {t('oit.return')}
            </Button>
          )}
        </Group>
      )}
      {!editable && <ErrorText error={move.error} />}
    </Card>
  );
}

/** The predicted OIT score, ITA range and level, and the items that would add most once ready. */
function PredictionCard({ prediction, items }: { prediction: OitPrediction; items: OitItem[] }) {
  const { t } = useTranslation();
  const range = (r: { low: number; high: number }) =>
    r.low === r.high ? r.low.toFixed(2) : `${r.low.toFixed(2)} – ${r.high.toFixed(2)}`;
  const levels = [...new Set([prediction.level.low?.name.th, prediction.level.high?.name.th].filter(Boolean))].join(' – ');
  return (
    <Card withBorder data-testid="oit-prediction">
      <Title order={3} size="h5">
        {t('oit.predictionTitle')}
      </Title>
      <Group gap="xs" mt={4}>
        <Badge variant="light" color="teal">
          {t('oit.readiness.ready', { count: prediction.counts.ready })}
        </Badge>
        <Badge variant="light" color="orange">
          {t('oit.readiness.atRisk', { count: prediction.counts['at-risk'] })}
        </Badge>
        <Badge variant="light" color="red">
          {t('oit.readiness.missing', { count: prediction.counts.missing })}
        </Badge>
      </Group>
      <Text size="sm" mt="xs" data-testid="oit-predicted-oit">
        {t('oit.predictedOit', { range: range(prediction.oit) })}
      </Text>
      <Text size="sm">
        {prediction.ita
          ? t('oit.predictedIta', { range: range(prediction.ita), levels, basis: prediction.basis })
          : t('oit.noBasis')}
      </Text>
      {prediction.costly.length > 0 && (
        <Text size="sm" mt="xs">
          {t('oit.costly')}{' '}
          {prediction.costly
            .slice(0, 5)
            .map(
              (c) =>
                `${c.code}${items.find((i) => i.code === c.code)?.name ? ` ${items.find((i) => i.code === c.code)!.name}` : ''} (+${c.points.toFixed(2)})`,
            )
            .join(', ')}
        </Text>
      )}
    </Card>
  );
}

function BulkAssign({ slug, year, items, divisions }: { slug: string; year: number; items: OitItem[]; divisions: Division[] }) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const client = useQueryClient();
  const [codes, setCodes] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [due, setDue] = useState<string | null>(null);
  const assign = useMutation({
    mutationFn: () =>
      ok(
        http.PUT('/api/agencies/{agency}/oit/{year}/assignments', {
          params: { path: { agency: slug, year } },
          body: {
            codes,
            ...(chosen.length ? { divisions: chosen.map(Number) } : {}),
            ...(due ? { dueDate: due } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setCodes([]);
      await client.invalidateQueries({ queryKey: ['oit', slug, year] });
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('oit.assignTitle', units)}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <MultiSelect
          label={t('oit.items')}
          data={items.map((i) => ({ value: i.code, label: `${i.code} ${i.name ?? ''}`.trim() }))}
          value={codes}
          onChange={setCodes}
          searchable
          w={260}
        />
        <MultiSelect
          label={t('oit.divisions', units)}
          data={divisions.map((d) => ({ value: String(d.id), label: i18n.language === 'th' ? d.nameTh : d.nameEn }))}
          value={chosen}
          onChange={setChosen}
          w={260}
        />
        <ThaiDateInput label={t('oit.dueDate')} value={due} onChange={setDue} w={180} />
        <Button onClick={() => assign.mutate()} disabled={!codes.length || (!chosen.length && !due)} loading={assign.isPending}>
          {t('oit.assign')}
        </Button>
      </Group>
      <ErrorText error={assign.error} />
    </Card>
  );
}

export function OitPage() {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const lang = i18n.language;
  const me = useMe();
  const client = useQueryClient();
  const { agency: slug = '' } = useParams();
  const years = useQuery({
    queryKey: ['oit-years', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/oit', { params: { path: { agency: slug } } })),
  });
  const divisions = useQuery({
    queryKey: ['divisions', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/divisions', { params: { path: { agency: slug } } })),
  });
  // The years with a checklist or a set to open one from, and always the current and the next: a year
  // without a set is offered, and says so.
  const current = fiscalYearOf(todayInBangkok());
  const offered = [
    ...(years.data?.checklists.map((c) => c.fiscalYear) ?? []),
    ...(years.data?.openable ?? []),
    current,
    current + 1,
  ];
  const [year, chooseYear] = useYearChoice('oit', slug, offered);
  const opened = years.data?.checklists.some((c) => c.fiscalYear === year) ?? false;
  const openable = year !== null && (years.data?.openable ?? []).includes(year);
  const view = useQuery({
    queryKey: ['oit', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/oit/{year}', { params: { path: { agency: slug, year: year! } } })),
    enabled: year !== null && opened,
    // While a link check runs, its progress is fetched every few seconds.
    refetchInterval: (query) => {
      const run = query.state.data?.linkCheck;
      return run && (run.status === 'queued' || run.status === 'running') ? 3000 : false;
    },
  });
  const prediction = useQuery({
    queryKey: ['oit', slug, year, 'prediction'],
    queryFn: () =>
      ok(http.GET('/api/agencies/{agency}/oit/{year}/prediction', { params: { path: { agency: slug, year: year! } } })),
    enabled: year !== null && opened && years.data?.can.readWhole === true,
  });
  useScrollToHash(view.isSuccess);
  const [filter, setFilter] = useState<Filter>('all');
  // What the server allows the reader with this agency's checklist, said with the list of years.
  const can = years.data?.can ?? { manage: false, approve: false, readWhole: false };
  const open = useMutation({
    mutationFn: () =>
      ok(http.POST('/api/agencies/{agency}/oit/{year}', { params: { path: { agency: slug, year: year! } }, body: {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['oit-years', slug] }),
  });
  const checkLinks = useMutation({
    mutationFn: () =>
      ok(http.POST('/api/agencies/{agency}/oit/{year}/link-checks', { params: { path: { agency: slug, year: year! } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['oit', slug, year] }),
  });
  const [confirming, setConfirming] = useState(false);
  const approve = useMutation({
    mutationFn: () =>
      ok(http.POST('/api/agencies/{agency}/oit/{year}/approve', { params: { path: { agency: slug, year: year! } } })),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: ['oit', slug, year] });
    },
  });

  if (years.isLoading || divisions.isLoading) return <Loader />;
  if (year === null) return <Alert color="blue">{t('oit.noFramework')}</Alert>;
  const v = view.data;
  const all = divisions.data ?? [];
  const shown = (v?.items ?? []).filter((i) =>
    filter === 'all' ? true : filter === 'overdue' ? i.overdue : i.status === filter,
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('oit.title')}</Title>
        <Select
          label={t('measures.year')}
          value={String(year)}
          onChange={(x) => x && chooseYear(Number(x))}
          data-testid="oit-year"
          data={[...new Set(offered)]
            .sort((a, b) => b - a)
            .map((y) => ({ value: String(y), label: t('forms.fiscalYear', { year: y }) }))}
          w={220}
        />
      </Group>
      {!opened && !openable && (
        <Alert color="yellow" data-testid="oit-no-set">
          {t('oit.noSetForYear', { year })}{' '}
          {me.abilities.importFrameworks ? (
            <Anchor component={Link} to="/admin/frameworks">
              {t('oit.noSetAction')}
            </Anchor>
          ) : (
            t('oit.noSetWho')
          )}
        </Alert>
      )}
      {!opened && openable && (
        <Alert color="blue" title={t('oit.notOpened')}>
          {can.manage ? (
            <Button mt="xs" onClick={() => open.mutate()} loading={open.isPending} data-testid="oit-open">
              {t('oit.open')}
            </Button>
          ) : (
            t('oit.askSecretariat')
          )}
          <ErrorText error={open.error} />
        </Alert>
      )}
      {opened && !v && <Loader />}
      {v && (
        <>
          {confirming && (
            <PublishConfirmation
              view={v}
              slug={slug}
              onConfirm={() => approve.mutate()}
              onCancel={() => setConfirming(false)}
              pending={approve.isPending}
              error={approve.error}
            />
          )}
          <Card withBorder>
            <Group justify="space-between" wrap="wrap">
              <Group gap="xs" wrap="wrap">
                {OIT_STATUSES.map((s) => (
                  <Badge key={s} color={STATUS_COLOURS[s]} variant="light" data-testid={`oit-count-${s}`}>
                    {t(`oit.status.${s}`)} {v.board.counts[s]}
                  </Badge>
                ))}
                {v.board.overdue.length > 0 && (
                  <Badge color="red">{t('oit.overdueCount', { count: v.board.overdue.length })}</Badge>
                )}
              </Group>
              {v.can.approve && (
                <Button
                  onClick={() => setConfirming(true)}
                  loading={approve.isPending}
                  disabled={v.board.counts.accepted === 0}
                  data-testid="oit-approve"
                >
                  {t('oit.approve')}
                </Button>
              )}
            </Group>
            <Text size="sm" mt="xs">
              {v.published ? (
                <>
                  {t('oit.published', { date: formatTimestamp(v.published.at, lang), count: v.published.items.length })}{' '}
                  <Anchor href={v.published.url} target="_blank" data-testid="oit-public-link">
                    {v.published.url}
                  </Anchor>
                </>
              ) : (
                t('oit.notPublished')
              )}
            </Text>
            <Group mt="xs" gap="xs">
              <Text size="sm" data-testid="oit-link-summary">
                {!v.linkCheck
                  ? t('oit.linksNeverChecked')
                  : v.linkCheck.status === 'done'
                    ? t('oit.linksChecked', {
                        date: formatTimestamp(v.linkCheck.finishedAt ?? v.linkCheck.createdAt, lang),
                        passed: v.linkCheck.passed,
                        total: v.linkCheck.total,
                      })
                    : v.linkCheck.status === 'failed'
                      ? t('oit.linksFailed')
                      : t('oit.linksChecking', { checked: v.linkCheck.checked, total: v.linkCheck.total })}
              </Text>
              {v.can.manage && (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => checkLinks.mutate()}
                  loading={checkLinks.isPending || v.linkCheck?.status === 'queued' || v.linkCheck?.status === 'running'}
                  data-testid="oit-check-links"
                >
                  {t('oit.checkLinks')}
                </Button>
              )}
            </Group>
            <ErrorText error={checkLinks.error} />
            {v.can.readWhole && v.board.owed.length > 0 && (
              <Table mt="sm" fz="sm" captionSide="top">
                <Table.Caption>{t('oit.owedCaption', units)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('oit.division', units)}</Table.Th>
                    <Table.Th>{t('oit.owed')}</Table.Th>
                    <Table.Th>{t('oit.overdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.board.owed.map((o) => {
                    const division = all.find((d) => d.id === o.divisionId);
                    return (
                      <Table.Tr key={o.divisionId}>
                        <Table.Td>{division ? (lang === 'th' ? division.nameTh : division.nameEn) : o.divisionId}</Table.Td>
                        <Table.Td>{o.codes.join(', ')}</Table.Td>
                        <Table.Td c={o.overdue.length ? 'red.8' : undefined}>{o.overdue.join(', ') || '–'}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          {prediction.data && <PredictionCard prediction={prediction.data} items={v.items} />}
          {v.can.readWhole && <ClarificationPanel slug={slug} year={year} items={v.items} canManage={v.can.manage} />}
          {v.can.manage && <BulkAssign slug={slug} year={year} items={v.items} divisions={all} />}
          <FilterTabs
            value={filter}
            onChange={(x) => setFilter(x as Filter)}
            data={FILTERS.map((f) => ({
              value: f,
              label: `${t(`oit.filters.${f}`)} (${(v.items ?? []).filter((i) => (f === 'all' ? true : f === 'overdue' ? i.overdue : i.status === f)).length})`,
            }))}
            data-testid="oit-filter"
          />
          {!v.can.readWhole && v.items.length === 0 && <Alert color="blue">{t('oit.nothingAssigned', units)}</Alert>}
          <Stack>
            {shown.map((item) => (
              <ItemCard key={item.code} item={item} slug={slug} year={year} divisions={all} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

/**
 * Before the executive publishes: which accepted items become public, at which address, and which
 * items are still not accepted (they stay off the public page until a later approval).
 */
function PublishConfirmation({
  view,
  slug,
  onConfirm,
  onCancel,
  pending,
  error,
}: {
  view: OitChecklistView;
  slug: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const accepted = view.items.filter((i) => i.status === 'accepted').map((i) => i.code);
  const open = view.items.filter((i) => i.status !== 'accepted').map((i) => i.code);
  return (
    <Modal opened onClose={onCancel} title={t('oit.confirmTitle', { year: view.fiscalYear })} size="lg">
      <Stack data-testid="oit-approve-dialog">
        <Text size="sm">
          {t('oit.confirmPublishes', { count: accepted.length, total: view.items.length, url: `/t/${slug}/${view.fiscalYear}` })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="oit-approve-accepted">
          {accepted.join(', ')}
        </Text>
        {open.length > 0 && (
          <Alert color="orange" title={t('oit.confirmOpen', { count: open.length })} data-testid="oit-approve-open">
            <Text size="sm">{open.join(', ')}</Text>
            <Text size="sm" mt="xs">
              {t('oit.confirmOpenHint')}
            </Text>
          </Alert>
        )}
        <ErrorText error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('progress.cancel')}
          </Button>
          <Button
            color={open.length > 0 ? 'orange' : 'teal'}
            onClick={onConfirm}
            loading={pending}
            data-testid="oit-approve-confirm"
          >
            {open.length > 0 ? t('oit.confirmAnyway', { count: accepted.length }) : t('oit.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
