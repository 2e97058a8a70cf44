import { Anchor, Button, Card, Group, Progress, Select, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FiscalYearSelect } from '../forms/FiscalYearSelect';
import { ApiError, http, ok, type ApiBody, type ApiData } from '../api/client';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';

type DocumentKind = ApiBody<'/api/documents/batch', 'post'>['kind'];
type BatchJob = ApiData<'/api/documents/batch', 'post'>[number] & Pick<ApiData<'/api/jobs/{id}'>, 'status' | 'url'>;

/** Central users make one document for every district and follow the batch to the end. */
export function BatchDocuments({ years }: { years: number[] }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('measures');
  const [year, setYear] = useState(fiscalYearOf(todayInBangkok()));
  const [jobs, setJobs] = useState<BatchJob[]>([]);
  const [error, setError] = useState<string | null>(null);
  const pending = jobs.filter((j) => j.status === 'queued' || j.status === 'running');
  useEffect(() => {
    if (pending.length === 0) return;
    const timer = setTimeout(async () => {
      const updates = await Promise.all(
        pending.slice(0, 10).map((j) =>
          ok(http.GET('/api/jobs/{id}', { params: { path: { id: j.id } } })).then((s): BatchJob => ({
            ...j,
            status: s.status,
            url: s.url,
          })),
        ),
      );
      setJobs((all) => all.map((j) => updates.find((u) => u.id === j.id) ?? j));
    }, 500);
    return () => clearTimeout(timer);
  }, [jobs, pending]);
  const start = async () => {
    setError(null);
    try {
      const started = await ok(http.POST('/api/documents/batch', { body: { kind, format: 'pdf', year } }));
      setJobs(started.map((s) => ({ ...s, status: 'queued', url: null })));
    } catch (e) {
      setError(e instanceof ApiError ? (i18n.language === 'th' ? e.messageTh : e.message) : t('documents.failed'));
    }
  };
  const finished = jobs.filter((j) => j.status === 'done' || j.status === 'failed').length;
  return (
    <Card withBorder>
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
        <Button onClick={() => void start()} disabled={pending.length > 0} data-testid="batch-start">
          {t('city.batchStart')}
        </Button>
      </Group>
      {error && <Text c="red">{error}</Text>}
      {jobs.length > 0 && (
        <>
          <Progress value={(100 * finished) / jobs.length} mb={4} data-testid="batch-progress" />
          <Text size="sm" mb="xs">
            {t('city.batchDone', { done: finished, total: jobs.length })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing={4}>
            {jobs.map((j) =>
              j.status === 'done' && j.url ? (
                <Anchor key={j.id} href={j.url} size="xs">
                  {j.agency}
                </Anchor>
              ) : (
                <Text key={j.id} size="xs" c={j.status === 'failed' ? 'red' : 'dimmed'}>
                  {j.agency}
                </Text>
              ),
            )}
          </SimpleGrid>
        </>
      )}
    </Card>
  );
}
