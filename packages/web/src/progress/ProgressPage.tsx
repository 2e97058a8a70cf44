import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  Loader,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FilterTabs } from '../layout/FilterTabs';
import { useScrollToHash } from '../layout/useScrollToHash';
import { currentRound, useYearChoice } from '../layout/yearChoice';
import { ApproveDialog } from './ApproveDialog';
import { DivisionParts } from './DivisionParts';
import { RevisionHistory } from './RevisionHistory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError, fileToBase64, http, ok, type Division } from '../api/client';
import { REPORT_STATUSES, type RoundView } from '../api/measures';
import { formatDate } from '../i18n/dates';
import { divisionNames } from '../measures/MeasuresPage';
import { useUnitWords } from '../agency/unit-words';

/** The server refuses larger evidence files; checked here first so a slow phone does not send them. */
const MAX_EVIDENCE_BYTES = 15 * 1024 * 1024;

const REVIEW_COLOURS: Record<string, string> = { draft: 'gray', submitted: 'blue', returned: 'orange', accepted: 'teal' };

/** The reports a person looks for: what their division still owes, what came back, what waits for review. */
const REVIEW_FILTERS = {
  all: () => true,
  toSend: (e: RoundView['entries'][number]) => e.missing,
  returned: (e: RoundView['entries'][number]) => e.report.review === 'returned',
  toReview: (e: RoundView['entries'][number]) => e.report.review === 'submitted',
  accepted: (e: RoundView['entries'][number]) => e.report.review === 'accepted',
} as const;
type ReviewFilter = keyof typeof REVIEW_FILTERS;

function ReportCard({
  item,
  slug,
  year,
  round,
  divisions,
}: {
  item: RoundView['entries'][number];
  slug: string;
  year: number;
  round: number;
  divisions: Division[];
}) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const lang = i18n.language;
  const client = useQueryClient();
  const { entry, report, evidence } = item;
  const { edit: canEdit, review: canReview } = item.can;
  const [form, setForm] = useState({ status: report.status, reason: report.reason ?? '', narrative: report.narrative });
  const [files, setFiles] = useState<File[]>([]);
  // One caption per photo: a phone's gallery sends several at once, each of a different moment.
  const [captions, setCaptions] = useState<string[]>([]);
  // A sent report reads as sent; changing it withdraws it to a draft, so that is asked for first.
  const sent = report.review === 'submitted' || report.review === 'accepted';
  const [reopened, setReopened] = useState(false);
  const [link, setLink] = useState('');
  const [comment, setComment] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['round', slug, year, round] });
  const path = { entry: entry.id, round: round as 6 | 12 };
  const write = () =>
    ok(
      http.PUT('/api/entries/{entry}/reports/{round}', {
        params: { path },
        body: { status: form.status, reason: form.status === 'not-done' ? form.reason : null, narrative: form.narrative },
      }),
    );
  const save = useMutation({ mutationFn: write, onSuccess: refresh });
  const submit = useMutation({
    mutationFn: async () => (await write(), ok(http.POST('/api/entries/{entry}/reports/{round}/submit', { params: { path } }))),
    onSuccess: refresh,
  });
  // Several photos at once (a phone's gallery), one after another; a file over the server's limit
  // is refused here, before it is sent, and the server checks again.
  const tooLarge = files.filter((f) => f.size > MAX_EVIDENCE_BYTES);
  const upload = useMutation({
    mutationFn: async () => {
      for (const [i, file] of files.entries()) {
        await ok(
          http.POST('/api/entries/{entry}/reports/{round}/evidence', {
            params: { path },
            body: {
              fileName: file.name,
              contentBase64: await fileToBase64(file),
              caption: captions[i] ?? '',
              ...(link ? { link } : {}),
            },
          }),
        );
      }
    },
    onSuccess: () => {
      setFiles([]);
      setCaptions([]);
      setLink('');
    },
    onSettled: () => void refresh(),
  });
  /** Swaps an evidence file with its neighbour. */
  const move = useMutation({
    mutationFn: async ({ from, to }: { from: number; to: number }) => {
      const a = evidence[from]!;
      const b = evidence[to]!;
      await ok(http.PATCH('/api/evidence/{id}', { params: { path: { id: a.id } }, body: { position: b.position } }));
      await ok(
        http.PATCH('/api/evidence/{id}', {
          params: { path: { id: b.id } },
          body: { position: a.position === b.position ? a.position + 1 : a.position },
        }),
      );
    },
    onSettled: () => void refresh(),
  });
  const review = useMutation({
    mutationFn: (action: 'accept' | 'return') =>
      ok(
        http.POST('/api/entries/{entry}/reports/{round}/review', {
          params: { path },
          body: { action, ...(comment ? { comment } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
  const error = save.error ?? submit.error ?? upload.error ?? review.error ?? move.error;

  return (
    <Card
      withBorder
      id={`report-${entry.questionCode ?? entry.id}`}
      tabIndex={-1}
      data-testid={`report-${entry.questionCode ?? entry.id}`}
    >
      <Group justify="space-between" align="flex-start" mb="xs">
        <div style={{ flex: 1 }}>
          <Text fw={600}>
            {entry.questionCode ?? (entry.indicatorNumber ? `${t('results.indicator')} ${entry.indicatorNumber}` : entry.title)}{' '}
            {entry.score !== null ? `(${entry.score.toFixed(2)})` : ''}
          </Text>
          <Text size="sm">{entry.issue}</Text>
          <Text size="xs" c="dimmed">
            {divisionNames(entry.divisions, divisions, lang, t('measures.all', units))}
          </Text>
        </div>
        <Badge color={REVIEW_COLOURS[report.review] ?? 'gray'} data-testid="review-badge">
          {t(`progress.reviews.${report.review}`)}
        </Badge>
      </Group>
      {entry.measures.length > 0 && (
        <Stack gap={2} mb="xs">
          {entry.measures.map((m, i) => (
            <Text size="xs" key={i}>
              {i + 1}. {m}
            </Text>
          ))}
        </Stack>
      )}
      {report.reviewComment && (
        <Alert color="orange" mb="xs" p="xs">
          {t('progress.comment')}: {report.reviewComment}
        </Alert>
      )}
      {error instanceof ApiError && (
        <Alert color="red" mb="xs" role="alert">
          {lang === 'th' ? error.messageTh : error.message}
        </Alert>
      )}
      {item.parts.length > 0 && (
        <>
          <Text size="xs" c="dimmed">
            {t('progress.partsHint', units)}
          </Text>
          <DivisionParts
            parts={item.parts}
            report={path}
            queryKey={['round', slug, year, round]}
            ownOnly={!canReview && item.parts.some((p) => p.can.edit)}
          />
        </>
      )}
      {/* A shared measure is reported in parts; its consolidated text is the secretariat's. */}
      {canEdit && sent && !reopened && !canReview && item.parts.length === 0 && (
        <Alert color="blue" p="xs" mb="xs" data-testid="report-sent">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">{t(report.review === 'accepted' ? 'progress.sentAccepted' : 'progress.sentWaiting')}</Text>
            {report.review === 'submitted' && (
              <Button size="compact-xs" variant="light" onClick={() => setReopened(true)} data-testid="report-reopen">
                {t('progress.withdrawToEdit')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {canEdit && (item.parts.length === 0 || canReview) && (!sent || reopened || canReview) ? (
        <Stack gap="xs" mt={item.parts.length > 0 ? 'xs' : 0}>
          <Select
            label={t('progress.status')}
            value={form.status}
            onChange={(v) => setForm({ ...form, status: (v as typeof form.status) ?? 'not-started' })}
            data={REPORT_STATUSES.map((s) => ({
              value: s,
              label: t(`progress.statuses.${s}`),
            }))}
            data-testid="report-status"
          />
          {form.status === 'not-done' && (
            <TextInput
              label={t('progress.reason')}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
            />
          )}
          <Textarea
            label={item.parts.length > 0 ? t('progress.consolidated', units) : t('progress.narrative')}
            autosize
            minRows={3}
            value={form.narrative}
            onChange={(e) => setForm({ ...form, narrative: e.currentTarget.value })}
            data-testid="report-narrative"
          />
          <Group>
            <Button size="xs" variant="light" onClick={() => save.mutate()} loading={save.isPending} data-testid="report-save">
              {t('progress.save')}
            </Button>
            <Button size="xs" onClick={() => submit.mutate()} loading={submit.isPending} data-testid="report-submit">
              {t('progress.submit')}
            </Button>
          </Group>
        </Stack>
      ) : item.parts.length > 0 && !report.narrative ? null : (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <b>{t(`progress.statuses.${report.status}`)}</b> {report.narrative}
        </Text>
      )}
      <Text fw={600} size="sm" mt="sm">
        {t('progress.evidence')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt={4} data-testid="evidence">
        {evidence.map((e, i) => (
          <div key={e.id}>
            {e.thumbUrl ? <Image src={e.thumbUrl} alt={e.caption} radius="sm" /> : <Anchor href={e.url}>PDF</Anchor>}
            <Text size="xs">
              {i + 1}. {e.caption}
            </Text>
            {canEdit && evidence.length > 1 && (
              <Group gap={4}>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  disabled={i === 0 || move.isPending}
                  onClick={() => move.mutate({ from: i, to: i - 1 })}
                  aria-label={t('progress.moveEarlier')}
                >
                  ←
                </ActionIcon>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  disabled={i === evidence.length - 1 || move.isPending}
                  onClick={() => move.mutate({ from: i, to: i + 1 })}
                  aria-label={t('progress.moveLater')}
                  data-testid="evidence-move-later"
                >
                  →
                </ActionIcon>
              </Group>
            )}
            {e.link && (
              <Anchor href={e.link} target="_blank" rel="noopener noreferrer" size="xs">
                {e.link.slice(0, 40)}
              </Anchor>
            )}
          </div>
        ))}
      </SimpleGrid>
      {canEdit && (
        <Stack gap="xs" mt="xs">
          <FileInput
            label={t('progress.upload')}
            description={t('progress.uploadHint', { mb: MAX_EVIDENCE_BYTES / 1048576 })}
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
            multiple
            value={files}
            onChange={(next) => {
              setFiles(next);
              setCaptions(next.map((_, i) => captions[i] ?? ''));
            }}
            clearable
            error={
              tooLarge.length > 0
                ? t('progress.tooLarge', { names: tooLarge.map((f) => f.name).join(', '), mb: MAX_EVIDENCE_BYTES / 1048576 })
                : null
            }
            data-testid="evidence-file"
          />
          {(files.length === 0 ? [null] : files).map((file, i) => (
            <TextInput
              key={i}
              label={files.length > 1 ? t('progress.captionOf', { name: file?.name }) : t('progress.caption')}
              value={captions[i] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setCaptions((all) => Object.assign([...all], { [i]: value }));
              }}
              data-testid={i === 0 ? 'evidence-caption' : `evidence-caption-${i}`}
            />
          ))}
          <TextInput label={t('progress.link')} value={link} onChange={(e) => setLink(e.currentTarget.value)} />
          <Button
            size="xs"
            disabled={files.length === 0 || tooLarge.length > 0}
            onClick={() => upload.mutate()}
            loading={upload.isPending}
            data-testid="evidence-upload"
          >
            {t('progress.uploadButton')}
          </Button>
        </Stack>
      )}
      {canReview && report.id !== null && report.review !== 'accepted' && (
        <Group mt="sm" align="flex-end">
          <TextInput
            size="xs"
            label={t('progress.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button size="xs" color="teal" onClick={() => review.mutate('accept')}>
            {t('progress.accept')}
          </Button>
          <Button size="xs" color="orange" disabled={!comment} onClick={() => review.mutate('return')}>
            {t('progress.return')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const lang = i18n.language;
  const client = useQueryClient();
  const { agency: slug = '' } = useParams();
  const plans = useQuery({
    queryKey: ['plans', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/plans', { params: { path: { agency: slug } } })),
  });
  const divisions = useQuery({
    queryKey: ['divisions', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/divisions', { params: { path: { agency: slug } } })),
  });
  // Opens on the plan of the current fiscal year (or the latest) and the round due next.
  const [year, chooseYear] = useYearChoice(
    'progress',
    slug,
    (plans.data ?? []).map((p) => p.fiscalYear),
  );
  const [chosenRound, setRound] = useState<number | null>(null);
  const round = chosenRound ?? (year === null ? 6 : currentRound(year));
  const view = useQuery({
    queryKey: ['round', slug, year, round],
    queryFn: () =>
      ok(
        http.GET('/api/agencies/{agency}/plans/{year}/rounds/{round}', {
          params: { path: { agency: slug, year: year!, round: round as 6 | 12 } },
        }),
      ),
    enabled: year !== null,
  });
  useScrollToHash(view.isSuccess);
  const [approving, setApproving] = useState(false);
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const closeApproval = (approved: boolean) => {
    setApproving(false);
    if (!approved) return;
    void client.invalidateQueries({ queryKey: ['round', slug] });
    void client.invalidateQueries({ queryKey: ['revisions', slug] });
  };
  const reopen = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/plans/{year}/rounds/{round}/reopen', {
          params: { path: { agency: slug, year: year!, round: round as 6 | 12 } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['round', slug] }),
  });

  if (plans.isLoading || divisions.isLoading) return <Loader />;
  if (!year) return <Alert color="blue">{t('progress.noPlan')}</Alert>;
  const v = view.data;
  const [dy, dm, dd] = (v?.dueDate ?? '2000-01-01').split('-').map(Number);
  const missing = v?.entries.filter((e) => e.missing).length ?? 0;
  const returned = v?.entries.filter((e) => e.report.review === 'returned').length ?? 0;
  const shown = (v?.entries ?? []).filter((e) => REVIEW_FILTERS[filter](e));
  const count = (key: ReviewFilter) => (v?.entries ?? []).filter((e) => REVIEW_FILTERS[key](e)).length;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('progress.title')}</Title>
        <Group align="flex-end">
          <Select
            label={t('measures.year')}
            value={String(year)}
            onChange={(x) => {
              if (x) chooseYear(Number(x));
              setRound(null);
            }}
            data={(plans.data ?? []).map((p) => ({
              value: String(p.fiscalYear),
              label: t('forms.fiscalYear', { year: p.fiscalYear }),
            }))}
            w={200}
          />
          <Select
            label={t('progress.round')}
            value={String(round)}
            onChange={(x) => setRound(Number(x ?? 6))}
            data={['6', '12'].map((r) => ({ value: r, label: t(`progress.rounds.${r}`) }))}
            w={260}
          />
        </Group>
      </Group>
      {!v ? (
        <Loader />
      ) : (
        <>
          <Card withBorder>
            <Group justify="space-between">
              <Group>
                <Badge color={v.status === 'approved' ? 'teal' : 'blue'} size="lg" data-testid="round-status">
                  {v.status === 'approved'
                    ? t('progress.approved', { revision: v.revision })
                    : t('progress.open', { revision: v.revision })}
                </Badge>
                <Text size="sm">{t('progress.due', { date: formatDate({ year: dy!, month: dm!, day: dd! }, lang) })}</Text>
                {v.overdue && <Badge color="red">{t('progress.overdue')}</Badge>}
                {returned > 0 && (
                  <Badge color="orange" data-testid="returned-count">
                    {t('progress.returnedCount', { count: returned })}
                  </Badge>
                )}
                <Text size="sm" c={missing ? 'orange.8' : 'teal'}>
                  {t('progress.missing', { count: missing })}
                </Text>
              </Group>
              <Group>
                {v.can.approve && (
                  <Button onClick={() => setApproving(true)} data-testid="round-approve">
                    {t('progress.approve')}
                  </Button>
                )}
                {v.can.reopen && (
                  <Button variant="light" onClick={() => reopen.mutate()}>
                    {t('progress.reopen')}
                  </Button>
                )}
              </Group>
            </Group>
            {v.can.readCompleteness && (
              <Table mt="sm" fz="sm">
                <Table.Tbody>
                  {v.completeness
                    .filter((c) => c.assigned > 0)
                    .map((c) => (
                      <Table.Tr key={c.divisionId} data-testid={`completeness-${c.nameTh}`}>
                        <Table.Td w={260}>{lang === 'th' ? c.nameTh : c.nameEn}</Table.Td>
                        <Table.Td>
                          <Progress value={(100 * c.reported) / c.assigned} />
                        </Table.Td>
                        <Table.Td w={80} ta="right">
                          {c.reported}/{c.assigned}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          {v.entries.length === 0 && <Alert color="blue">{t('progress.noEntries', units)}</Alert>}
          {v.entries.length > 0 && (
            <Group justify="space-between" wrap="wrap">
              <FilterTabs
                value={filter}
                onChange={(x) => setFilter(x as ReviewFilter)}
                data={(Object.keys(REVIEW_FILTERS) as ReviewFilter[]).map((key) => ({
                  value: key,
                  label: `${t(`progress.filters.${key}`)} (${count(key)})`,
                }))}
                data-testid="review-filter"
              />
              {v.can.review && (
                <Text size="sm" c={count('toReview') === 0 ? 'teal' : 'blue'} data-testid="review-state">
                  {count('toReview') === 0
                    ? t('progress.allReviewed')
                    : t('progress.toReviewCount', { count: count('toReview') })}
                </Text>
              )}
            </Group>
          )}
          {shown.map((item) => (
            <ReportCard key={item.entry.id} item={item} slug={slug} year={year} round={round} divisions={divisions.data ?? []} />
          ))}
          <RevisionHistory slug={slug} year={year} round={round} />
          {approving && <ApproveDialog view={v} slug={slug} year={year} onClose={closeApproval} />}
        </>
      )}
    </Stack>
  );
}
