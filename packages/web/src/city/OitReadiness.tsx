import { Badge, Card, Group, Loader, Select, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http, ok } from '../api/client';
import { fiscalYearOf, formatIsoDate, todayInBangkok } from '../i18n/dates';
import { PageControls, SearchBox, SortHeader, usePaged } from './paging';

type ReadinessSort = 'code' | 'name' | 'ready' | 'atRisk' | 'missing' | 'oit' | 'ita' | 'dueDate';

/** Central oversight before the OIT deadline: a page of the agencies' checklist readiness and predicted scores, with the totals of all. */
export function OitReadiness() {
  const { t, i18n } = useTranslation();
  const years = useQuery({ queryKey: ['oit-city-years'], queryFn: () => ok(http.GET('/api/oit/years')) });
  const [chosen, setChosen] = useState<number | null>(null);
  // The current fiscal year when any district has opened its checklist, else the latest that has one.
  const current = fiscalYearOf(todayInBangkok());
  const year = chosen ?? (years.data?.includes(current) ? current : (years.data?.[0] ?? null));
  const paged = usePaged<ReadinessSort>('missing', 'desc');
  const rows = useQuery({
    queryKey: ['oit-readiness', year, paged.query],
    queryFn: () => ok(http.GET('/api/oit/readiness', { params: { query: { year: year!, ...paged.query } } })),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
  const summary = rows.data;
  if (years.isLoading) return <Loader />;
  if (!years.data?.length) return null;
  const range = (r: { low: number; high: number }) =>
    r.low === r.high ? r.low.toFixed(2) : `${r.low.toFixed(2)}–${r.high.toFixed(2)}`;
  return (
    <Card withBorder data-testid="oit-readiness">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {t('city.oitTitle')}
          </Title>
          {summary && (
            <Group gap={4} mt={4} data-testid="oit-readiness-summary">
              <Text size="sm">{t('city.oitSummary', { count: summary.agencies, ready: summary.allReady })}</Text>
              <Badge variant="light" color="teal">
                {t('city.ready', { count: summary.counts.ready })}
              </Badge>
              <Badge variant="light" color="orange">
                {t('city.atRisk', { count: summary.counts['at-risk'] })}
              </Badge>
              <Badge variant="light" color="red">
                {t('city.missing', { count: summary.counts.missing })}
              </Badge>
            </Group>
          )}
          {summary && summary.pending > 0 && (
            <Text size="sm" c="dimmed" data-testid="oit-readiness-pending">
              {t('city.oitPending', { count: summary.pending })}
            </Text>
          )}
        </div>
        <Group align="flex-end">
          <SearchBox paged={paged} testId="oit-readiness-search" />
          <Select
            label={t('city.year')}
            value={year === null ? null : String(year)}
            onChange={(x) => x && setChosen(Number(x))}
            data={years.data.map((y) => ({ value: String(y), label: t('forms.fiscalYear', { year: y }) }))}
            w={220}
          />
        </Group>
      </Group>
      {rows.isLoading ? (
        <Loader />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <SortHeader paged={paged} column="name">
                  {t('city.agency')}
                </SortHeader>
                <SortHeader paged={paged} column="missing" firstOrder="desc">
                  {t('city.oitReady')}
                </SortHeader>
                <SortHeader paged={paged} column="oit" firstOrder="desc">
                  {t('city.oitPredicted')}
                </SortHeader>
                <SortHeader paged={paged} column="ita" firstOrder="desc">
                  {t('city.itaPredicted')}
                </SortHeader>
                <SortHeader paged={paged} column="dueDate">
                  {t('city.oitDue')}
                </SortHeader>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows.data?.rows ?? []).map((row) => {
                return (
                  <Table.Tr key={row.agency.slug}>
                    <Table.Td>
                      <Link to={`/a/${row.agency.slug}/disclosure`}>{row.agency.nameTh}</Link>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color="teal">
                          {t('city.ready', { count: row.counts.ready })}
                        </Badge>
                        <Badge variant="light" color="orange">
                          {t('city.atRisk', { count: row.counts['at-risk'] })}
                        </Badge>
                        <Badge variant="light" color="red">
                          {t('city.missing', { count: row.counts.missing })}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>{range(row.oit)}</Table.Td>
                    <Table.Td>
                      {row.ita ? `${range(row.ita)} (${[...new Set([row.level.low, row.level.high])].join('–')})` : '–'}
                    </Table.Td>
                    <Table.Td>{formatIsoDate(row.dueDate, i18n.language)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PageControls paged={paged} total={rows.data?.total ?? 0} testId="oit-readiness-pages" />
      <Text size="xs" c="dimmed" mt="xs">
        {t('city.oitNote')}
      </Text>
    </Card>
  );
}
