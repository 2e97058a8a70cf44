import { Anchor, Badge, Button, Card, Group, Loader, Select, Table, Text, Title } from '@mantine/core';
import { offeredFiscalYears } from '@prongsai/core/thai';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http, ok, type ApiData } from '../api/client';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';

type LateRow = ApiData<'/api/calendar/{year}/late'>[number];

/** Districts as links, the first twelve, and how many in all. */
function Districts({ list, colour }: { list: LateRow['late']; colour: string }) {
  return (
    <Group gap={4}>
      <Badge color={colour} variant="light">
        {list.length}
      </Badge>
      {list.slice(0, 12).map((d) => (
        <Anchor key={d.slug} component={Link} to={`/a/${d.slug}`} size="sm">
          {d.nameTh.replace(/^สำนักงานเขต/, '')}
        </Anchor>
      ))}
      {list.length > 12 && <Text size="sm">…</Text>}
    </Group>
  );
}

/** Central oversight: per milestone of the year, the districts that are late. */
export function LateMilestones() {
  const { t } = useTranslation();
  const current = fiscalYearOf(todayInBangkok());
  const [year, setYear] = useState(current);
  const [only, setOnly] = useState<string | null>(null);
  const late = useQuery({
    queryKey: ['calendar-late', year],
    // Asked without `format`, the answer is JSON, never the CSV or XLSX file.
    queryFn: async () => (await ok(http.GET('/api/calendar/{year}/late', { params: { path: { year } } }))) as LateRow[],
  });
  const rows = (late.data ?? []).filter((r) => (only ? r.milestone === only : true));
  return (
    <Card withBorder data-testid="late-milestones">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('calendar.cityTitle')}
        </Title>
        <Group align="flex-end">
          <Select
            label={t('city.year')}
            value={String(year)}
            onChange={(x) => x && setYear(Number(x))}
            data={offeredFiscalYears(current, [current - 4]).map((y) => ({
              value: String(y),
              label: t('forms.fiscalYear', { year: y }),
            }))}
            w={220}
          />
          <Select
            label={t('calendar.milestone')}
            value={only}
            onChange={setOnly}
            clearable
            data={(late.data ?? []).map((r) => ({ value: r.milestone, label: r.nameTh }))}
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
              {rows.map((r) => (
                <Table.Tr key={r.milestone}>
                  <Table.Td w={320}>{r.nameTh}</Table.Td>
                  <Table.Td>
                    {r.late.length === 0 ? (
                      <Text size="sm" c="teal.9">
                        {t('calendar.noneLate')}
                      </Text>
                    ) : (
                      <Districts list={r.late} colour="red" />
                    )}
                  </Table.Td>
                  <Table.Td data-testid={`due-soon-${r.milestone}`}>
                    {r.dueSoon.length > 0 && <Districts list={r.dueSoon} colour="yellow" />}
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
