import { Alert, Anchor, Button, Card, Checkbox, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, http, ok, type ApiData } from '../api/client';
import { useMe } from '../auth/session';
import { FiscalYearSelect } from '../forms/FiscalYearSelect';
import { ThaiDateInput } from '../forms/ThaiDateInput';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';
import { RoundCard } from './RoundCard';
import { useUnitWords } from '../agency/unit-words';

type FrameworkSummary = ApiData<'/api/frameworks'>[number];

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The sets an agency's survey can ask: for its kind of agency, with every question's items and scale. */
const surveyable = (f: FrameworkSummary, kind: string | undefined) =>
  kind !== undefined && f.agencyKinds.includes(kind) && f.readiness.some((r) => r.feature === 'surveys' && r.ready);

/** The agency's self-assessment surveys: open a round, share its link and QR codes, set quotas, issue codes, follow its score. */
export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const me = useMe();
  const client = useQueryClient();
  const { agency: slug = '' } = useParams();
  const path = { params: { path: { agency: slug } } };
  const rounds = useQuery({ queryKey: ['surveys', slug], queryFn: () => ok(http.GET('/api/agencies/{agency}/surveys', path)) });
  const abilities = useQuery({
    queryKey: ['survey-abilities', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/survey-abilities', path)),
  });
  const agency = useQuery({ queryKey: ['agency', slug], queryFn: () => ok(http.GET('/api/agencies/{agency}', path)) });
  const frameworks = useQuery({ queryKey: ['frameworks'], queryFn: () => ok(http.GET('/api/frameworks')) });
  const today = iso(todayInBangkok());
  const [tool, setTool] = useState<'IIT' | 'EIT'>('IIT');
  const [year, setYear] = useState(() => fiscalYearOf(todayInBangkok()));
  const [chosenSet, setChosenSet] = useState<string | null>(null);
  const [opensOn, setOpensOn] = useState<string | null>(today);
  const [closesOn, setClosesOn] = useState<string | null>(null);
  const [useCodes, setUseCodes] = useState(false);
  const usable = (frameworks.data ?? []).filter((f) => surveyable(f, agency.data?.assessedAs));
  const ofYear = usable.find((f) => f.fiscalYears.includes(year));
  // The year's own set when one can run a survey; otherwise the secretariat picks another year's on purpose.
  const framework = chosenSet ?? ofYear?.id ?? null;
  const open = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/surveys', {
          ...path,
          body: {
            tool,
            fiscalYear: year,
            opensOn: opensOn ?? '',
            closesOn: closesOn ?? '',
            useCodes: tool === 'IIT' && useCodes,
            ...(framework ? { framework } : {}),
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', slug] }),
  });
  // Opening a round: as the server decides for this agency, whether or not it has rounds yet.
  const canOpen = abilities.data?.open ?? false;
  const agencyName = agency.data?.nameTh ?? '';
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
        {t('surveys.batches', units)}
      </Text>
      {canOpen && (
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
              {me.abilities.importFrameworks ? (
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
        <RoundCard key={round.id} round={round} agencyName={agencyName} />
      ))}
    </Stack>
  );
}
