import { Badge, Card, Group, Loader, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http, ok } from '../api/client';
import { fiscalYearOf, formatIsoDate, todayInBangkok } from '../i18n/dates';

/** Central oversight before the OIT deadline: every district's checklist readiness and predicted scores. */
export function OitReadiness() {
  const { t, i18n } = useTranslation();
  const years = useQuery({ queryKey: ['oit-city-years'], queryFn: () => ok(http.GET('/api/oit/years')) });
  const [chosen, setChosen] = useState<number | null>(null);
  // The current fiscal year when any district has opened its checklist, else the latest that has one.
  const current = fiscalYearOf(todayInBangkok());
  const year = chosen ?? (years.data?.includes(current) ? current : (years.data?.[0] ?? null));
  const rows = useQuery({
    queryKey: ['oit-readiness', year],
    queryFn: () => ok(http.GET('/api/oit/readiness', { params: { query: { year: year! } } })),
    enabled: year !== null,
  });
  if (years.isLoading) return <Loader />;
  if (!years.data?.length) return null;
  const range = (r: { low: number; high: number }) =>
    r.low === r.high ? r.low.toFixed(2) : `${r.low.toFixed(2)}–${r.high.toFixed(2)}`;
  return (
    <Card withBorder data-testid="oit-readiness">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('city.oitTitle')}
        </Title>
        <Select
          label={t('city.year')}
          value={year === null ? null : String(year)}
          onChange={(x) => x && setChosen(Number(x))}
          data={years.data.map((y) => ({ value: String(y), label: t('forms.fiscalYear', { year: y }) }))}
          w={220}
        />
      </Group>
      {rows.isLoading ? (
        <Loader />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('city.district')}</Table.Th>
                <Table.Th>{t('city.oitReady')}</Table.Th>
                <Table.Th>{t('city.oitPredicted')}</Table.Th>
                <Table.Th>{t('city.itaPredicted')}</Table.Th>
                <Table.Th>{t('city.oitDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows.data ?? []).map((row) => {
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
      <Text size="xs" c="dimmed" mt="xs">
        {t('city.oitNote')}
      </Text>
    </Card>
  );
}
