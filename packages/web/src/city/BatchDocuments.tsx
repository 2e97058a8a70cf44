import { Anchor, Badge, Button, Card, Group, Progress, Select, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FiscalYearSelect } from '../forms/FiscalYearSelect';
import { ApiError, http, ok, type ApiBody, type ApiData } from '../api/client';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';
import { PageControls, SearchBox, SortHeader, usePaged } from './paging';

type DocumentKind = ApiBody<'/api/documents/batch', 'post'>['kind'];
type BatchPage = ApiData<'/api/documents/batches/{id}'>;
type JobStatus = BatchPage['rows'][number]['status'];
type JobSort = 'code' | 'name' | 'status';

const STATUSES: JobStatus[] = ['queued', 'running', 'done', 'failed'];
const STATUS_COLOR: Record<JobStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };
/** How often a batch still under way is read again. */
const POLL_MS = 2000;

/**
 * Central users make one document for every agency they oversee and follow the batch: its progress
 * from the server's counts and a page of its jobs at a time, read again while any is queued or running.
 */
export function BatchDocuments({ years }: { years: number[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DocumentKind>('measures');
  const [year, setYear] = useState(fiscalYearOf(todayInBangkok()));
  const [started, setStarted] = useState<string | null>(null);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const paged = usePaged<JobSort>('code');
  // The latest batch one asked for, so that it is still followed after the page is opened again.
  const latest = useQuery({
    queryKey: ['document-batches', 'latest'],
    queryFn: () => ok(http.GET('/api/documents/batches', { params: { query: { limit: 1 } } })),
  });
  const batchId = started ?? latest.data?.rows[0]?.id ?? null;
  const jobs = useQuery({
    queryKey: ['document-batch', batchId, status, paged.query],
    queryFn: () =>
      ok(
        http.GET('/api/documents/batches/{id}', {
          params: { path: { id: batchId! }, query: { ...paged.query, ...(status ? { status } : {}) } },
        }),
      ),
    enabled: batchId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const counts = query.state.data?.counts;
      return counts && counts.queued + counts.running > 0 ? POLL_MS : false;
    },
  });
  const page = jobs.data?.batch.id === batchId ? jobs.data : undefined;
  const counts = page?.counts;
  const pending = counts ? counts.queued + counts.running > 0 : false;
  const finished = counts ? counts.done + counts.failed : 0;
  const total = page?.batch.total ?? 0;

  const start = async () => {
    setError(null);
    try {
      const batch = await ok(http.POST('/api/documents/batch', { body: { kind, format: 'pdf', year } }));
      setStarted(batch.id);
      setStatus(null);
      paged.setPage(1);
      await queryClient.invalidateQueries({ queryKey: ['document-batches'] });
    } catch (e) {
      setError(e instanceof ApiError ? (i18n.language === 'th' ? e.messageTh : e.message) : t('documents.failed'));
    }
  };
  const name = (agency: BatchPage['rows'][number]['agency']) => (i18n.language === 'th' ? agency.nameTh : agency.nameEn);

  return (
    <Card withBorder data-testid="batch">
      <Text fw={600} mb="xs">
        {t('city.batch')}
      </Text>
      <Group align="flex-end" mb="sm">
        <Select
          label={t('city.batchKind')}
          value={kind}
          onChange={(v) => setKind((v as DocumentKind | null) ?? 'measures')}
          data={[
            { value: 'measures', label: t('documents.measures') },
            { value: 'progress', label: t('documents.progress') },
          ]}
          w={300}
        />
        <FiscalYearSelect value={year} onChange={setYear} years={years} data-testid="batch-year" />
        <Button onClick={() => void start()} disabled={pending} data-testid="batch-start">
          {t('city.batchStart')}
        </Button>
      </Group>
      {error && <Text c="red">{error}</Text>}
      {page && counts && (
        <>
          <Text size="sm" c="dimmed" mb={4} data-testid="batch-title">
            {t('city.batchOf', {
              document: t(page.batch.kind === 'progress' ? 'documents.progress' : 'documents.measures'),
              year: page.batch.year,
            })}
          </Text>
          <Progress value={total === 0 ? 100 : (100 * finished) / total} mb={4} data-testid="batch-progress" />
          <Text size="sm" mb="xs" data-testid="batch-counts">
            {t('city.batchDone', { done: finished, total })}
            {counts.failed > 0 ? ` · ${t('city.batchFailed', { count: counts.failed })}` : ''}
          </Text>
          <Group align="flex-end" mb="xs">
            <SearchBox paged={paged} testId="batch-search" />
            <Select
              label={t('city.batchStatus')}
              value={status}
              onChange={(v) => {
                setStatus(v as JobStatus | null);
                paged.setPage(1);
              }}
              clearable
              placeholder={t('city.batchAll')}
              data={STATUSES.map((s) => ({ value: s, label: `${t(`city.batchStatuses.${s}`)} (${counts[s]})` }))}
              w={220}
              data-testid="batch-status"
            />
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table fz="sm" data-testid="batch-jobs">
              <Table.Thead>
                <Table.Tr>
                  <SortHeader paged={paged} column="code">
                    {t('city.batchCode')}
                  </SortHeader>
                  <SortHeader paged={paged} column="name">
                    {t('city.agency')}
                  </SortHeader>
                  <SortHeader paged={paged} column="status">
                    {t('city.batchStatus')}
                  </SortHeader>
                  <Table.Th>{t('city.batchFile')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.rows.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td>{job.agency.code}</Table.Td>
                    <Table.Td>{name(job.agency)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[job.status]} variant="light">
                        {t(`city.batchStatuses.${job.status}`)}
                        {job.status === 'running' ? ` ${job.progress}%` : ''}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {job.status === 'done' && job.url ? (
                        <Anchor href={job.url} size="sm">
                          {t('city.batchDownload')}
                        </Anchor>
                      ) : job.error ? (
                        <Text size="xs" c="red">
                          {i18n.language === 'th' ? job.error.messageTh : job.error.message}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls paged={paged} total={page.total} testId="batch-pages" />
        </>
      )}
    </Card>
  );
}
