import { Anchor, Badge, Button, Card, Group, Loader, Select, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { offeredFiscalYears } from '@prongsai/core/thai';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http, ok, type ApiData } from '../api/client';
import { fiscalYearOf, formatIsoDate, todayInBangkok } from '../i18n/dates';
import { PageControls, SearchBox, SortHeader, usePaged } from './paging';

type LatePage = ApiData<'/api/calendar/{year}/late'>;
type Milestone = LatePage['milestones'][number]['milestone'];
type LateSort = 'dueOn' | 'name' | 'milestone';

/**
 * Central oversight: per milestone of the year, how many agencies are late and due soon; below, a
 * page of those agencies (of one milestone when one is chosen), searched and sorted on the server.
 */
export function LateMilestones() {
  const { t, i18n } = useTranslation();
  const current = fiscalYearOf(todayInBangkok());
  const [year, setYear] = useState(current);
  const [only, setOnly] = useState<Milestone | null>(null);
  const [state, setState] = useState<'late' | 'due-soon' | null>(null);
  const paged = usePaged<LateSort>('dueOn');
  const late = useQuery({
    queryKey: ['calendar-late', year, only, state, paged.query],
    // Asked without `format`, the answer is JSON, never the CSV or XLSX file.
    queryFn: async () =>
      (await ok(
        http.GET('/api/calendar/{year}/late', {
          params: {
            path: { year },
            query: { ...paged.query, ...(only ? { milestone: only } : {}), ...(state ? { state } : {}) },
          },
        }),
      )) as LatePage,
    placeholderData: keepPreviousData,
    // While the year's figures are brought up to date, ask again until they are.
    refetchInterval: (query) => (query.state.data?.pending ? 5000 : false),
  });
  const milestones = late.data?.milestones ?? [];
  const choose = (milestone: Milestone | null, chosenState: 'late' | 'due-soon' | null) => {
    setOnly(milestone);
    setState(chosenState);
    paged.setPage(1);
  };
  return (
    <>
      <Card withBorder data-testid="late-milestones">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3} size="h4">
              {t('calendar.cityTitle')}
            </Title>
            {late.data && (
              <Text size="sm" mt={4} data-testid="late-summary">
                {t('calendar.lateSummary', {
                  late: milestones.reduce((n, m) => n + m.late, 0),
                  dueSoon: milestones.reduce((n, m) => n + m.dueSoon, 0),
                })}
              </Text>
            )}
            {late.data?.pending && (
              <Text size="sm" c="dimmed" data-testid="late-pending">
                {t('calendar.latePending')}
              </Text>
            )}
          </div>
          <Group align="flex-end">
            <Select
              label={t('city.year')}
              value={String(year)}
              onChange={(x) => {
                if (!x) return;
                setYear(Number(x));
                paged.setPage(1);
              }}
              data={offeredFiscalYears(current, [current - 4]).map((y) => ({
                value: String(y),
                label: t('forms.fiscalYear', { year: y }),
              }))}
              w={220}
            />
            <Select
              label={t('calendar.milestone')}
              value={only}
              onChange={(x) => choose(x as Milestone | null, state)}
              clearable
              data={milestones.map((r) => ({ value: r.milestone, label: r.nameTh }))}
              w={280}
            />
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={`/api/calendar/${year}/late?format=${format}${only ? `&milestone=${only}` : ''}`}
                variant="light"
                data-testid={`late-${format}`}
              >
                {format.toUpperCase()}
              </Button>
            ))}
          </Group>
        </Group>
        {late.isLoading ? (
          <Loader />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" mt="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('calendar.milestone')}</Table.Th>
                  <Table.Th>{t('calendar.lateDistricts')}</Table.Th>
                  <Table.Th>{t('calendar.dueSoonDistricts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {milestones
                  .filter((m) => !only || m.milestone === only)
                  .map((m) => (
                    <Table.Tr key={m.milestone}>
                      <Table.Td w={320}>{m.nameTh}</Table.Td>
                      <Table.Td>
                        {m.late === 0 ? (
                          <Text size="sm" c="teal.9">
                            {t('calendar.noneLate')}
                          </Text>
                        ) : (
                          <UnstyledButton onClick={() => choose(m.milestone, 'late')}>
                            <Badge color="red" variant="light">
                              {m.late}
                            </Badge>
                          </UnstyledButton>
                        )}
                      </Table.Td>
                      <Table.Td data-testid={`due-soon-${m.milestone}`}>
                        {m.dueSoon > 0 && (
                          <UnstyledButton onClick={() => choose(m.milestone, 'due-soon')}>
                            <Badge color="yellow" variant="light">
                              {m.dueSoon}
                            </Badge>
                          </UnstyledButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {(late.data?.total ?? 0) > 0 || paged.q ? (
        <Card withBorder data-testid="late-agencies">
          <Group justify="space-between" align="flex-end">
            <Title order={4} size="h5">
              {t('calendar.lateAgencies', { count: late.data?.total ?? 0 })}
            </Title>
            <Group align="flex-end">
              <SearchBox paged={paged} testId="late-search" />
              <Select
                label={t('calendar.lateState')}
                value={state}
                onChange={(x) => choose(only, x as 'late' | 'due-soon' | null)}
                clearable
                data={[
                  { value: 'late', label: t('calendar.late') },
                  { value: 'due-soon', label: t('calendar.dueSoon') },
                ]}
                w={180}
              />
            </Group>
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" mt="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader paged={paged} column="name">
                    {t('city.agency')}
                  </SortHeader>
                  <SortHeader paged={paged} column="milestone">
                    {t('calendar.milestone')}
                  </SortHeader>
                  <SortHeader paged={paged} column="dueOn">
                    {t('city.oitDue')}
                  </SortHeader>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(late.data?.rows ?? []).map((row) => (
                  <Table.Tr key={`${row.agency.slug}-${row.milestone}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/a/${row.agency.slug}`} size="sm">
                        {row.agency.nameTh}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.milestoneTh}</Table.Td>
                    <Table.Td>{formatIsoDate(row.dueOn, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge color={row.state === 'late' ? 'red' : 'yellow'} variant="light">
                        {row.state === 'late'
                          ? t('calendar.daysLate', { count: row.daysLate })
                          : t('calendar.daysLeft', { count: -row.daysLate })}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls paged={paged} total={late.data?.total ?? 0} testId="late-pages" />
        </Card>
      ) : null}
    </>
  );
}
