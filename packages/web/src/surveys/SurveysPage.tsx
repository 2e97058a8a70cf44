import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Image,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ThaiDateInput } from '../forms/ThaiDateInput';
import { formatIsoDate, todayInBangkok } from '../i18n/dates';

interface Round {
  id: number;
  fiscalYear: number;
  tool: 'IIT' | 'EIT';
  code: string;
  link: string;
  opensOn: string;
  closesOn: string;
  useCodes: boolean;
  open: boolean;
}
/** Counts change only when a batch of at least 5 responses is counted; a group under 5 is null. */
interface Progress {
  total: number | null;
  divisions: {
    divisionId: number;
    nameTh: string;
    headcount: number;
    required: number;
    responses: number | null;
    short: number | null;
  }[];
  shortfalls: unknown[];
}
interface Result {
  respondents: number | null;
  result: { tools: Record<string, number> } | null;
  weak: { code: string }[];
}

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function RoundCard({ round }: { round: Round }) {
  const { t, i18n } = useTranslation();
  const progress = useQuery({
    queryKey: ['survey-progress', round.id],
    queryFn: () => api<Progress>('GET', `/api/surveys/${round.id}/progress`),
  });
  const result = useQuery({
    queryKey: ['survey-result', round.id],
    queryFn: () => api<Result>('GET', `/api/surveys/${round.id}/result`),
  });
  const link = `${window.location.origin}${round.link}`;
  return (
    <Card withBorder data-testid={`survey-${round.tool}-${round.id}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h5">
            {t(`surveys.tools.${round.tool}`)} · {t('forms.fiscalYear', { year: round.fiscalYear })}
          </Title>
          <Text size="sm">
            {formatIsoDate(round.opensOn, i18n.language)} – {formatIsoDate(round.closesOn, i18n.language)}{' '}
            <Badge color={round.open ? 'teal' : 'gray'}>{round.open ? t('surveys.open') : t('surveys.closed')}</Badge>
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
          <Table fz="sm" mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.division')}</Table.Th>
                <Table.Th ta="right">{t('surveys.required')}</Table.Th>
                <Table.Th ta="right">{t('surveys.responses')}</Table.Th>
                <Table.Th ta="right">{t('surveys.short')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.data.divisions.map((d) => (
                <Table.Tr key={d.divisionId}>
                  <Table.Td>{d.nameTh}</Table.Td>
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
    </Card>
  );
}

/** The agency's self-assessment surveys: open a round, share its link and QR codes, follow its quotas and score. */
export function SurveysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const { agency: slug = '' } = useParams();
  const rounds = useQuery({ queryKey: ['surveys', slug], queryFn: () => api<Round[]>('GET', `/api/agencies/${slug}/surveys`) });
  const today = iso(todayInBangkok());
  const [tool, setTool] = useState<'IIT' | 'EIT'>('IIT');
  const [year, setYear] = useState('2566');
  const [opensOn, setOpensOn] = useState<string | null>(today);
  const [closesOn, setClosesOn] = useState<string | null>(null);
  const [useCodes, setUseCodes] = useState(false);
  const open = useMutation({
    mutationFn: () =>
      api('POST', `/api/agencies/${slug}/surveys`, { tool, fiscalYear: Number(year), opensOn, closesOn, useCodes }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', slug] }),
  });
  const canManage = me.abilities.switchAgency || (me.user.role === 'agency_admin' && me.agency?.slug === slug);
  if (rounds.isLoading) return <Loader />;
  if (rounds.error) return <Alert color="blue">{t('surveys.notForYou')}</Alert>;
  return (
    <Stack>
      <Title order={2}>{t('surveys.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('surveys.anonymity')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('surveys.batches')}
      </Text>
      {canManage && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('surveys.openTitle')}
          </Title>
          <Group align="flex-end" mt="xs" wrap="wrap">
            <Select
              label={t('surveys.tool')}
              value={tool}
              onChange={(x) => x && setTool(x as 'IIT' | 'EIT')}
              data={['IIT', 'EIT']}
              w={120}
            />
            <Select
              label={t('measures.year')}
              value={year}
              onChange={(x) => x && setYear(x)}
              data={['2566', '2567', '2568', '2569', '2570'].map((y) => ({
                value: y,
                label: t('forms.fiscalYear', { year: y }),
              }))}
              w={220}
            />
            <ThaiDateInput label={t('surveys.opensOn')} value={opensOn} onChange={setOpensOn} w={170} />
            <ThaiDateInput label={t('surveys.closesOn')} value={closesOn} onChange={setClosesOn} w={170} />
            {tool === 'IIT' && (
              <Checkbox label={t('surveys.useCodes')} checked={useCodes} onChange={(e) => setUseCodes(e.currentTarget.checked)} />
            )}
            <Button
              onClick={() => open.mutate()}
              disabled={!opensOn || !closesOn}
              loading={open.isPending}
              data-testid="survey-open"
            >
              {t('surveys.openButton')}
            </Button>
          </Group>
          {open.error && (
            <Alert color="red" mt="xs">
              {open.error instanceof ApiError ? open.error.messageTh : String(open.error)}
            </Alert>
          )}
        </Card>
      )}
      {(rounds.data ?? []).length === 0 && <Alert color="blue">{t('surveys.none')}</Alert>}
      {(rounds.data ?? []).map((round) => (
        <RoundCard key={round.id} round={round} />
      ))}
    </Stack>
  );
}
