import { Alert, Badge, Button, Card, Checkbox, Group, List, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { offeredFiscalYears } from '@prongsai/core/thai';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useYearChoice } from '../layout/yearChoice';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError, http, ok, type Division } from '../api/client';
import type { Divisions, Entry } from '../api/measures';
import { fiscalYearOf, formatIsoDate, todayInBangkok } from '../i18n/dates';
import { useFramework } from '../results/useFramework';
import { EntryEditor } from './EntryEditor';
import { useUnitWords } from '../agency/unit-words';

export function divisionNames(divisions: Divisions, all: Division[], lang: string, everyone: string) {
  return divisions
    .map((d) => (d === 'all' ? everyone : (all.find((x) => x.id === d)?.[lang === 'th' ? 'nameTh' : 'nameEn'] ?? String(d))))
    .join(', ');
}

export function MeasuresPage() {
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
  const [year, setChosen] = useYearChoice(
    'measures',
    slug,
    (plans.data ?? []).map((p) => p.fiscalYear),
  );
  const assessments = useQuery({
    queryKey: ['assessments', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/assessments', { params: { path: { agency: slug } } })),
  });
  const plan = useQuery({
    queryKey: ['plan', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/plans/{year}', { params: { path: { agency: slug, year: year! } } })),
    enabled: year !== null,
  });
  // Scores below the threshold of the set the plan's results were scored with are the ones to improve.
  const basisFramework = useFramework(assessments.data?.find((a) => a.fiscalYear === plan.data?.basedOnYear)?.framework);
  const threshold = basisFramework.data?.analysisThreshold ?? null;
  const [editing, setEditing] = useState<Entry | null | 'new'>(null);
  const [selected, setSelected] = useState<number[]>([]);
  // What the caller may do with the agency's plans, said by the server (also before the agency has any).
  const abilities = useQuery({
    queryKey: ['plan-abilities', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/plan-abilities', { params: { path: { agency: slug } } })),
  });
  const canCreate = abilities.data?.manage ?? false;
  const canManage = plan.data?.can.manage ?? false;
  const newYear = fiscalYearOf(todayInBangkok());
  // A new plan answers the latest results before its year; say which, and when they are not last year's.
  const basis = Math.max(0, ...(assessments.data ?? []).map((a) => a.fiscalYear).filter((y) => y < newYear)) || null;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['plans', slug] });
    void client.invalidateQueries({ queryKey: ['plan', slug] });
  };
  const create = useMutation({
    mutationFn: (mode: 'weak-points' | 'indicators' | 'empty') =>
      ok(http.POST('/api/agencies/{agency}/plans/{year}', { params: { path: { agency: slug, year: newYear } }, body: { mode } })),
    onSuccess: (p) => {
      setChosen(p.fiscalYear);
      refresh();
    },
  });
  // Measures carry over to any later year on offer, not only the next.
  const laterYears = offeredFiscalYears(newYear, year === null ? [] : [year]).filter((y) => year !== null && y > year);
  const [chosenCarryTo, setCarryTo] = useState<number | null>(null);
  const carryTo = chosenCarryTo !== null && laterYears.includes(chosenCarryTo) ? chosenCarryTo : (laterYears.at(-1) ?? 0);
  const carry = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/plans/{year}/carry-over', {
          params: { path: { agency: slug, year: year! } },
          body: { toYear: carryTo, entryIds: selected },
        }),
      ),
    onSuccess: () => {
      setSelected([]);
      refresh();
    },
  });
  const error = create.error ?? carry.error;

  if (plans.isLoading || divisions.isLoading) return <Loader />;
  const entries = plan.data?.entries ?? [];
  const sections = (['question', 'indicator', 'extra'] as const).filter((s) => entries.some((e) => e.section === s));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('measures.title')}</Title>
        <Group align="flex-end">
          {(plans.data?.length ?? 0) > 0 && (
            <Select
              label={t('measures.year')}
              value={year === null ? null : String(year)}
              onChange={(v) => v && setChosen(Number(v))}
              data={(plans.data ?? []).map((p) => ({ value: String(p.fiscalYear), label: `พ.ศ. ${p.fiscalYear}` }))}
              w={140}
              data-testid="plan-year"
            />
          )}
        </Group>
      </Group>
      {error instanceof ApiError && <Alert color="red">{lang === 'th' ? error.messageTh : error.message}</Alert>}
      {canCreate && !plans.data?.some((p) => p.fiscalYear === newYear) && (
        <Card withBorder>
          <Text fw={600} mb={4}>
            {t('measures.create', { year: newYear })}
          </Text>
          <Text size="sm" mb="xs" c={basis === newYear - 1 ? 'dimmed' : 'orange.8'} data-testid="plan-basis">
            {basis === null
              ? t('measures.createNoResults')
              : basis === newYear - 1
                ? t('measures.createBasis', { year: basis })
                : t('measures.createOldBasis', { year: basis, expected: newYear - 1 })}
          </Text>
          <Group>
            <Button onClick={() => create.mutate('weak-points')} loading={create.isPending} data-testid="plan-create-weak">
              {t('measures.modeWeak')}
            </Button>
            <Button variant="light" onClick={() => create.mutate('indicators')}>
              {t('measures.modeIndicators')}
            </Button>
            <Button variant="default" onClick={() => create.mutate('empty')}>
              {t('measures.modeEmpty')}
            </Button>
          </Group>
        </Card>
      )}
      {!year && <Alert color="blue">{t('measures.none')}</Alert>}
      {plan.data?.basedOnYear && <Text c="dimmed">{t('measures.basedOn', { year: plan.data.basedOnYear })}</Text>}
      {sections.map((section) => (
        <Card withBorder key={section}>
          <Title order={3} size="h5" mb="sm">
            {t(`measures.sections.${section}`)}
          </Title>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm" data-testid={`plan-${section}`}>
              <Table.Thead>
                <Table.Tr>
                  {canManage && <Table.Th />}
                  <Table.Th w={220}>{t('measures.point')}</Table.Th>
                  <Table.Th>{t('measures.issue')}</Table.Th>
                  <Table.Th>{t('measures.activities')}</Table.Th>
                  <Table.Th w={140}>{t('measures.divisions', units)}</Table.Th>
                  <Table.Th w={110}>{t('measures.cadence')}</Table.Th>
                  <Table.Th w={150}>{t('measures.period')}</Table.Th>
                  {canManage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries
                  .filter((e) => e.section === section)
                  .map((e) => (
                    <Table.Tr key={e.id}>
                      {canManage && (
                        <Table.Td>
                          <Checkbox
                            aria-label={`select ${e.id}`}
                            checked={selected.includes(e.id)}
                            onChange={(ev) =>
                              setSelected(ev.currentTarget.checked ? [...selected, e.id] : selected.filter((x) => x !== e.id))
                            }
                          />
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {e.questionCode ?? (e.indicatorNumber ? `${t('results.indicator')} ${e.indicatorNumber}` : e.title)}
                          {e.score !== null && (
                            <Badge ml={6} variant="light" color={threshold !== null && e.score < threshold ? 'orange' : 'teal'}>
                              {e.score.toFixed(2)}
                            </Badge>
                          )}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={3}>
                          {e.questionText}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.issue}</Text>
                      </Table.Td>
                      <Table.Td>
                        <List size="sm" type="ordered">
                          {e.measures.map((m, i) => (
                            <List.Item key={i}>{m}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{divisionNames(e.divisions, divisions.data ?? [], lang, t('measures.all', units))}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.cadence === 'custom' ? e.cadenceText : t(`measures.cadences.${e.cadence}`)}</Text>
                      </Table.Td>
                      <Table.Td data-testid="entry-period">
                        <Text size="sm">
                          {e.startDate || e.endDate
                            ? `${e.startDate ? formatIsoDate(e.startDate, lang) : '…'} – ${e.endDate ? formatIsoDate(e.endDate, lang) : '…'}`
                            : '—'}
                        </Text>
                        {e.targetScore !== null && (
                          <Text size="xs" c="dimmed">
                            {t('measures.targetShort', { score: e.targetScore.toFixed(2) })}
                          </Text>
                        )}
                      </Table.Td>
                      {canManage && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setEditing(e)}
                            data-testid={`edit-${e.questionCode ?? e.id}`}
                          >
                            {t('measures.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
      {canManage && year !== null && (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('measures.add')}
          </Button>
          {laterYears.length > 1 && (
            <Select
              aria-label={t('measures.carryTo')}
              value={String(carryTo)}
              onChange={(v) => v && setCarryTo(Number(v))}
              data={laterYears.map((y) => ({ value: String(y), label: t('forms.fiscalYear', { year: y }) }))}
              w={220}
              data-testid="carry-to"
            />
          )}
          <Button
            variant="default"
            disabled={selected.length === 0 || carryTo === 0}
            onClick={() => carry.mutate()}
            loading={carry.isPending}
            data-testid="carry-over"
          >
            {t('measures.carry', { year: carryTo })}
          </Button>
          {carry.data && <Text size="sm">{t('measures.carried', { count: selected.length || carry.data.entries.length })}</Text>}
        </Group>
      )}
      {editing !== null && year !== null && (
        <EntryEditor
          agencySlug={slug}
          year={year}
          entry={editing === 'new' ? null : editing}
          divisions={divisions.data ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refresh();
          }}
        />
      )}
    </Stack>
  );
}
