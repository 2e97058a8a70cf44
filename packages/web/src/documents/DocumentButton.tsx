import { Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok, type ApiBody, type ApiData } from '../api/client';

type JobState = ApiData<'/api/jobs/{id}'>;
/** What a document is made of: its kind, format, year and options. */
export type DocumentRequest = ApiBody<'/api/agencies/{agency}/documents', 'post'>;

/** Starts a document job and follows its progress until the file can be downloaded. */
export function DocumentButton({ slug, body, label }: { slug: string; body: DocumentRequest; label: string }) {
  const { t, i18n } = useTranslation();
  const [job, setJob] = useState<JobState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const timer = setTimeout(() => {
      ok(http.GET('/api/jobs/{id}', { params: { path: { id: job.id } } }))
        .then(setJob)
        .catch(() => setError(t('documents.failed')));
    }, 300);
    return () => clearTimeout(timer);
  }, [job, t]);
  const start = async () => {
    setError(null);
    try {
      const started = await ok(http.POST('/api/agencies/{agency}/documents', { params: { path: { agency: slug } }, body }));
      setJob({ id: started.id, status: started.status, progress: 0, fileName: '', url: null, error: null });
    } catch (e) {
      setError(e instanceof ApiError ? (i18n.language === 'th' ? e.messageTh : e.message) : t('documents.failed'));
    }
  };
  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => void start()} loading={running} data-testid={`make-${label}`}>
          {t('documents.make', { format: label })}
        </Button>
        {job?.status === 'done' && job.url && (
          <Anchor href={job.url} size="sm" data-testid={`download-${label}`}>
            {t('documents.download')}
          </Anchor>
        )}
      </Group>
      {running && <Progress value={job.progress} animated size="sm" />}
      {(error || job?.status === 'failed') && (
        <Text size="xs" c="red">
          {error ?? (i18n.language === 'th' ? job?.error?.messageTh : job?.error?.message)}
        </Text>
      )}
    </Stack>
  );
}
