import { Alert, Anchor, Button, Card, Checkbox, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Agency } from '../api/client';
import { useMe } from '../auth/session';
import { FiscalYearSelect } from '../forms/FiscalYearSelect';
import { ThaiDateInput } from '../forms/ThaiDateInput';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';
import { RoundCard } from './RoundCard';
import type { Round } from './types';

interface FrameworkSummary {
  id: string;
  name: { th: string; en?: string | null };
  fiscalYears: number[];
  agencyKinds: string[];
  provisional: boolean;
  readiness: { feature: string; ready: boolean; missing: { th: string; en: string }[] }[];
}

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The sets a district's survey can ask: for district offices, with every question's items and scale. */
const surveyable = (f: FrameworkSummary) =>
  f.agencyKinds.includes('district') && f.readiness.some((r) => r.feature === 'surveys' && r.ready);

/** The agency's self-assessment surveys: open a round, share its link and QR codes, set quotas, issue codes, follow its score. */
export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const { agency: slug = '' } = useParams();
  const rounds = useQuery({ queryKey: ['surveys', slug], queryFn: () => api<Round[]>('GET', `/api/agencies/${slug}/surveys`) });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<Agency[]>('GET', '/api/agencies') });
  const frameworks = useQuery({ queryKey: ['frameworks'], queryFn: () => api<FrameworkSummary[]>('GET', '/api/frameworks') });
  const today = iso(todayInBangkok());
  const [tool, setTool] = useState<'IIT' | 'EIT'>('IIT');
  const [year, setYear] = useState(() => fiscalYearOf(todayInBangkok()));
  const [chosenSet, setChosenSet] = useState<string | null>(null);
  const [opensOn, setOpensOn] = useState<string | null>(today);
  const [closesOn, setClosesOn] = useState<string | null>(null);
  const [useCodes, setUseCodes] = useState(false);
  const usable = (frameworks.data ?? []).filter(surveyable);
  const ofYear = usable.find((f) => f.fiscalYears.includes(year));
  // The year's own set when one can run a survey; otherwise the secretariat picks another year's on purpose.
  const framework = chosenSet ?? ofYear?.id ?? null;
  const open = useMutation({
    mutationFn: () =>
      api('POST', `/api/agencies/${slug}/surveys`, {
        tool,
        fiscalYear: year,
        opensOn,
        closesOn,
        useCodes: tool === 'IIT' && useCodes,
        ...(framework ? { framework } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', slug] }),
  });
  const canManage = me.abilities.switchAgency || (me.user.role === 'agency_admin' && me.agency?.slug === slug);
  const agencyName = agencies.data?.find((a) => a.slug === slug)?.nameTh ?? '';
  const setName = (f: FrameworkSummary) =>
    `${i18n.language === 'en' && f.name.en ? f.name.en : f.name.th}${f.provisional ? ` (${t('surveys.provisional')})` : ''}`;
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
              allowDeselect={false}
              w={120}
            />
            <FiscalYearSelect
              label={t('measures.year')}
              value={year}
              onChange={(y) => {
                setYear(y);
                setChosenSet(null);
              }}
              years={(rounds.data ?? []).map((r) => r.fiscalYear)}
              w={220}
              data-testid="survey-year"
            />
            <Select
              label={t('surveys.framework')}
              value={framework}
              onChange={setChosenSet}
              data={usable.map((f) => ({ value: f.id, label: setName(f) }))}
              placeholder={t('surveys.frameworkPick')}
              allowDeselect={false}
              w={300}
              data-testid="survey-framework"
            />
            <ThaiDateInput label={t('surveys.opensOn')} value={opensOn} onChange={setOpensOn} w={170} />
            <ThaiDateInput label={t('surveys.closesOn')} value={closesOn} onChange={setClosesOn} w={170} />
            {tool === 'IIT' && (
              <Checkbox label={t('surveys.useCodes')} checked={useCodes} onChange={(e) => setUseCodes(e.currentTarget.checked)} />
            )}
            <Button
              onClick={() => open.mutate()}
              disabled={!opensOn || !closesOn || !framework}
              loading={open.isPending}
              data-testid="survey-open"
            >
              {t('surveys.openButton')}
            </Button>
          </Group>
          {frameworks.data && !ofYear && (
            <Alert color="yellow" mt="xs" data-testid="survey-no-set">
              {t('surveys.noSetForYear', { year })}{' '}
              {me.abilities.switchAgency ? (
                <Anchor component={Link} to="/admin/frameworks">
                  {t('surveys.noSetAction')}
                </Anchor>
              ) : (
                t('surveys.noSetWho')
              )}
            </Alert>
          )}
          {open.error && (
            <Alert color="red" mt="xs">
              {open.error instanceof ApiError ? open.error.messageTh : String(open.error)}
            </Alert>
          )}
        </Card>
      )}
      {(rounds.data ?? []).length === 0 && <Alert color="blue">{t('surveys.none')}</Alert>}
      {(rounds.data ?? []).map((round) => (
        <RoundCard key={round.id} round={round} canManage={canManage} agencyName={agencyName} />
      ))}
    </Stack>
  );
}
