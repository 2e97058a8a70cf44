import { Alert, Anchor, Badge, Button, Card, FileButton, Group, Image, List, Modal, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fileToBase64, http, ok } from '../api/client';
import { formatIsoDate, todayInBangkok } from '../i18n/dates';
import { CodeSlips } from './CodeSlips';
import { QuotaEditor } from './QuotaEditor';
import type { RosterCount, Round } from './types';
import { useUnitWords } from '../agency/unit-words';

/** The largest roster the server takes (8 MB as base64). */
const ROSTER_MAX_BYTES = 6 * 1024 * 1024;

const errorText = (error: unknown) => (error instanceof ApiError ? error.messageTh : String(error));

/** One round: its link and QR codes, quotas against responses, score, and the secretariat's tools. */
export function RoundCard({ round, agencyName }: { round: Round; agencyName: string }) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<'quotas' | 'codes' | 'close' | null>(null);
  const [roster, setRoster] = useState<RosterCount | null>(null);
  const [rosterError, setRosterError] = useState<string | null>(null);
  const progress = useQuery({
    queryKey: ['survey-progress', round.id],
    queryFn: () => ok(http.GET('/api/surveys/{id}/progress', { params: { path: { id: round.id } } })),
  });
  const result = useQuery({
    queryKey: ['survey-result', round.id],
    queryFn: () => ok(http.GET('/api/surveys/{id}/result', { params: { path: { id: round.id } } })),
  });
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['survey-progress', round.id] }),
      client.invalidateQueries({ queryKey: ['survey-result', round.id] }),
    ]);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > ROSTER_MAX_BYTES) throw new Error(t('surveys.roster.tooBig'));
      if (!/\.(csv|xlsx)$/i.test(file.name)) throw new Error(t('surveys.roster.wrongType'));
      return ok(
        http.POST('/api/surveys/{id}/roster', {
          params: { path: { id: round.id } },
          body: { fileName: file.name, contentBase64: await fileToBase64(file) },
        }),
      );
    },
    onMutate: () => {
      setRoster(null);
      setRosterError(null);
    },
    onSuccess: async (counted) => {
      setRoster(counted);
      await refresh();
    },
    onError: (error) => setRosterError(errorText(error)),
  });
  const close = useMutation({
    mutationFn: () => ok(http.POST('/api/surveys/{id}/close', { params: { path: { id: round.id } } })),
    onSuccess: async () => {
      setDialog(null);
      await client.invalidateQueries({ queryKey: ['surveys'] });
      await refresh();
    },
  });
  const link = `${window.location.origin}${round.link}`;
  const today = todayInBangkok();
  const todayIso = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  // Open, or still to open: it can be closed, and take codes.
  const running = round.open || (!round.closedAt && round.closesOn >= todayIso);
  return (
    <Card withBorder data-testid={`survey-${round.tool}-${round.id}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h5">
            {t(`surveys.tools.${round.tool}`)} · {t('forms.fiscalYear', { year: round.fiscalYear })}
          </Title>
          <Text size="sm">
            {formatIsoDate(round.opensOn, i18n.language)} – {formatIsoDate(round.closesOn, i18n.language)}{' '}
            <Badge color={round.open ? 'teal' : 'gray'}>{round.open ? t('surveys.open') : t('surveys.closed')}</Badge>{' '}
            {round.useCodes && <Badge variant="light">{t('surveys.withCodes')}</Badge>}
          </Text>
          <Anchor href={round.link} target="_blank" size="sm">
            {link}
          </Anchor>
          <Group gap="xs" mt={4}>
            <Anchor href={`/api/surveys/${round.id}/sheet`} target="_blank" size="sm">
              {t('surveys.sheet')}
            </Anchor>
          </Group>
        </div>
        <Image src={`/api/surveys/${round.id}/qr.svg`} alt={t('surveys.qr', { link })} w={96} h={96} />
      </Group>
      {round.can.manage && (
        <Group gap="xs" mt="sm" wrap="wrap">
          <Button
            size="xs"
            variant="light"
            onClick={() => setDialog('quotas')}
            disabled={!progress.data}
            data-testid="quota-edit"
          >
            {t('surveys.quotas.edit', units)}
          </Button>
          {round.tool === 'IIT' && (
            <FileButton onChange={(file) => file && upload.mutate(file)} accept=".csv,.xlsx,text/csv">
              {(props) => (
                <Button size="xs" variant="light" loading={upload.isPending} {...props} data-testid="roster-upload">
                  {t('surveys.roster.upload')}
                </Button>
              )}
            </FileButton>
          )}
          {round.useCodes && running && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setDialog('codes')}
              disabled={!progress.data}
              data-testid="codes-open"
            >
              {t('surveys.codes.open')}
            </Button>
          )}
          {running && (
            <Button size="xs" variant="light" color="red" onClick={() => setDialog('close')} data-testid="survey-close">
              {t('surveys.closeEarly')}
            </Button>
          )}
        </Group>
      )}
      {rosterError && (
        <Alert color="red" mt="xs" data-testid="roster-error">
          {rosterError}
        </Alert>
      )}
      {roster && (
        <Alert color={roster.problems.length ? 'yellow' : 'teal'} mt="xs" data-testid="roster-result">
          {t('surveys.roster.counted', { ...units, eligible: roster.eligible, notYet: roster.notYet })}
          {roster.problems.length > 0 && (
            <List size="sm" mt={4}>
              {roster.problems.slice(0, 10).map((p) => (
                <List.Item key={`${p.row}-${p.th}`}>{t('surveys.roster.problem', { row: p.row, text: p.th })}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {result.data && (
        <Text size="sm" mt="xs" data-testid="survey-score">
          {result.data.result && result.data.respondents !== null
            ? t('surveys.score', {
                score: result.data.result.tools[round.tool]?.toFixed(2) ?? '–',
                count: result.data.respondents,
                weak: result.data.weak.length,
              })
            : t('surveys.noScore')}
        </Text>
      )}
      {progress.data && (
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" mt="xs" data-testid="survey-progress">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.division', units)}</Table.Th>
                <Table.Th ta="right">{t('surveys.headcount')}</Table.Th>
                <Table.Th ta="right">{t('surveys.required')}</Table.Th>
                <Table.Th ta="right">{t('surveys.responses')}</Table.Th>
                <Table.Th ta="right">{t('surveys.short')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.data.divisions.map((d) => (
                <Table.Tr key={d.divisionId}>
                  <Table.Td>{d.nameTh}</Table.Td>
                  <Table.Td ta="right">{d.headcount || '–'}</Table.Td>
                  <Table.Td ta="right">{d.required || '–'}</Table.Td>
                  <Table.Td ta="right">{d.responses ?? t('surveys.fewerThan5')}</Table.Td>
                  <Table.Td ta="right" c={d.short || (d.short === null && d.required >= 5) ? 'red.8' : undefined}>
                    {/* A division under 5 lacks at least its quota less 4: nothing more is known. */}
                    {d.short === null ? (d.required >= 5 ? `≥ ${d.required - 4}` : '–') : d.short || '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog === 'quotas' && progress.data && (
        <QuotaEditor round={round} progress={progress.data} onClose={() => setDialog(null)} />
      )}
      {dialog === 'codes' && progress.data && (
        <CodeSlips round={round} progress={progress.data} agencyName={agencyName} onClose={() => setDialog(null)} />
      )}
      {dialog === 'close' && (
        <Modal opened onClose={() => setDialog(null)} title={t('surveys.closeTitle')}>
          <Text size="sm">{t('surveys.closeWarning')}</Text>
          {close.error && (
            <Alert color="red" mt="xs">
              {errorText(close.error)}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('surveys.cancel')}
            </Button>
            <Button color="red" onClick={() => close.mutate()} loading={close.isPending} data-testid="survey-close-confirm">
              {t('surveys.closeConfirm')}
            </Button>
          </Group>
        </Modal>
      )}
    </Card>
  );
}
