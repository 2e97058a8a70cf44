import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fileToBase64, http, ok } from '../api/client';
import { fmt } from '../api/results';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';

/** Choose a file or paste text, see the preview with its warnings, then import — nothing is written before the last step. */
export function ImportWizard({
  agencySlug,
  defaultYear,
  onClose,
}: {
  agencySlug: string;
  defaultYear?: number;
  onClose: (importedYear?: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [year, setYear] = useState<number>(defaultYear ?? fiscalYearOf(todayInBangkok()) - 1);
  const [framework, setFramework] = useState<string | null>(null);
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: () => ok(http.GET('/api/frameworks')),
  });
  // An agency imports with a set for its kind of agency only.
  const agency = useQuery({
    queryKey: ['agency', agencySlug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}', { params: { path: { agency: agencySlug } } })),
  });
  const kindSets = (frameworks.data ?? []).filter(
    (f) => agency.data !== undefined && f.agencyKinds.includes(agency.data.assessedAs),
  );

  const body = async () => ({
    ...(framework ? { framework } : {}),
    ...(mode === 'paste' ? { text } : { fileName: file!.name, contentBase64: await fileToBase64(file!) }),
  });
  const preview = useMutation({
    mutationFn: async () =>
      ok(
        http.POST('/api/agencies/{agency}/assessments/{year}/preview', {
          params: { path: { agency: agencySlug, year } },
          body: await body(),
        }),
      ),
    onSuccess: () => setStep(1),
  });
  const commit = useMutation({
    mutationFn: async () =>
      ok(
        http.POST('/api/agencies/{agency}/assessments/{year}/imports', {
          params: { path: { agency: agencySlug, year } },
          body: await body(),
        }),
      ),
    onSuccess: () => {
      setStep(2);
      void client.invalidateQueries({ queryKey: ['assessments', agencySlug] });
      void client.invalidateQueries({ queryKey: ['assessment', agencySlug] });
    },
  });
  const error = preview.error ?? commit.error;
  const errorText =
    error instanceof ApiError ? (lang === 'th' ? error.messageTh : error.message) : error ? t('errors.generic') : null;
  const templateId = framework ?? kindSets.find((f) => f.fiscalYears.includes(year))?.id;
  const p = preview.data;

  return (
    <Modal
      opened
      onClose={() => onClose(step === 2 ? year : undefined)}
      title={t('import.title')}
      size="xl"
      fullScreen={window.innerWidth < 600}
    >
      <Stepper active={step} size="sm" mb="md">
        <Stepper.Step label={t('import.step1')} />
        <Stepper.Step label={t('import.step2')} />
        <Stepper.Step label={t('import.step3')} />
      </Stepper>
      {errorText && (
        <Alert color="red" mb="md" role="alert" style={{ whiteSpace: 'pre-line' }} data-testid="import-error">
          {errorText}
        </Alert>
      )}
      {step === 0 && (
        <Stack>
          <Group grow align="flex-end">
            <NumberInput
              label={t('import.year')}
              value={year}
              onChange={(v) => setYear(Number(v))}
              min={2560}
              max={2600}
              data-testid="import-year"
            />
            <Select
              label={t('import.framework')}
              placeholder={t('import.auto')}
              clearable
              value={framework}
              onChange={setFramework}
              data={kindSets.map((f) => ({
                value: f.id,
                label: f.provisional ? `${f.id} (${t('frameworks.provisional')})` : f.id,
              }))}
            />
          </Group>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'file' | 'paste')}
            data={[
              { value: 'file', label: t('import.file') },
              { value: 'paste', label: t('import.paste') },
            ]}
          />
          {mode === 'file' ? (
            <FileInput
              label={t('import.file')}
              accept=".csv,.xlsx,.json,.txt"
              value={file}
              onChange={setFile}
              clearable
              data-testid="import-file"
            />
          ) : (
            <Textarea
              label={t('import.pasteLabel')}
              autosize
              minRows={8}
              maxRows={16}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              data-testid="import-text"
            />
          )}
          {templateId && (
            <Anchor href={`/api/frameworks/${templateId}/template.xlsx`} size="sm">
              {t('import.template')} ({templateId})
            </Anchor>
          )}
          <Group justify="flex-end">
            <Button
              onClick={() => preview.mutate()}
              loading={preview.isPending}
              disabled={mode === 'file' ? !file : text.trim() === ''}
              data-testid="import-preview"
            >
              {t('import.preview')}
            </Button>
          </Group>
        </Stack>
      )}
      {step === 1 && p && (
        <Stack data-testid="import-preview-result">
          <Text fw={600} data-testid="import-target">
            {t('import.target', {
              year: p.fiscalYear,
              agency: i18n.language === 'th' ? p.agency.nameTh : p.agency.nameEn,
              framework: p.framework,
            })}
          </Text>
          <Group gap="xs">
            <Badge variant="light">{p.framework}</Badge>
            <Badge variant="light">
              {t('import.format')}: {p.format}
            </Badge>
            <Badge variant="light">
              {t('import.scope')}: {p.scope.join(', ')}
            </Badge>
          </Group>
          <Table withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>ITA</Table.Td>
                <Table.Td fw={700}>
                  {fmt(p.result.ita)} {p.result.level ?? ''}
                </Table.Td>
                {Object.entries(p.result.tools).map(([tool, score]) => (
                  <Table.Td key={tool}>
                    {tool} {fmt(score)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {p.replaces.length > 0 && (
            <Alert color="blue">{t('import.replaces', { files: p.replaces.map((r) => r.fileName).join(', ') })}</Alert>
          )}
          {p.unread.length > 0 && (
            <Alert color="orange" title={t('import.unread', { count: p.unread.length })}>
              <List size="sm">
                {p.unread.map((u) => (
                  <List.Item key={u.line}>
                    {t('import.line', { line: u.line })}: {u.text.slice(0, 80)} — {u.reason}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {p.warnings.length === 0 ? (
            <Text c="teal">{t('import.noWarnings')}</Text>
          ) : (
            <Alert color="yellow" title={t('results.warnings')}>
              <List size="sm" data-testid="import-warnings">
                {p.warnings.map((w, i) => (
                  <List.Item key={i}>{lang === 'th' ? w.messageTh : w.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('import.back')}
            </Button>
            <Button onClick={() => commit.mutate()} loading={commit.isPending} data-testid="import-commit">
              {t('import.commit')}
            </Button>
          </Group>
        </Stack>
      )}
      {step === 2 && (
        <Stack>
          <Alert color="teal" data-testid="import-done">
            {t('import.done')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={() => onClose(year)}>{t('import.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
