import { Alert, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http, ok } from '../api/client';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';
import { fmt, LEVEL_COLORS, type CityRow, type CityTablePage } from '../api/results';
import { EChart, type ChartOption } from '../charts/EChart';
import { useFramework } from '../results/useFramework';
import { BatchDocuments } from './BatchDocuments';
import { OitReadiness } from './OitReadiness';
import { LateMilestones } from './LateMilestones';
import { SurveyProgress } from './SurveyProgress';
import { PageControls, SearchBox, SortHeader, usePaged } from './paging';

type SortKey = 'rank' | 'name' | 'ita' | 'level' | 'iit' | 'eit' | 'oit';
const LEVEL_ORDER = ['excellent', 'good', 'pass', 'improve', 'urgent'];

/** Central oversight: the agencies of a fiscal year side by side, a page at a time, with the figures of all of them. */
export function CityPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const years = useQuery({ queryKey: ['result-years'], queryFn: () => ok(http.GET('/api/results/years')) });
  const [chosen, setChosen] = useState<number | null>(null);
  // The current fiscal year once it has results; until then the latest year that has, and the page says so.
  const current = fiscalYearOf(todayInBangkok());
  const year = chosen ?? (years.data?.includes(current) ? current : (years.data?.[0] ?? null));
  const paged = usePaged<SortKey>('rank');
  const rows = useQuery({
    queryKey: ['city', year, paged.query],
    // The JSON answer (the same route gives the CSV and XLSX downloads).
    queryFn: async () =>
      (await ok(http.GET('/api/results/city', { params: { query: { year: year!, ...paged.query } } }))) as CityTablePage,
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
  // Only each year's mean is drawn: one agency's row is enough to ask for.
  const trends = useQuery({
    queryKey: ['trends'],
    queryFn: () => ok(http.GET('/api/results/trends', { params: { query: { limit: 1 } } })),
  });
  // The year's indicators by name, from the framework its results were scored with.
  const framework = useFramework(rows.data?.framework ?? undefined);
  const threshold = framework.data?.analysisThreshold ?? null;
  const indicatorNames = useMemo(() => {
    const names = new Map<number, string>();
    for (const tool of framework.data?.tools ?? []) {
      for (const i of tool.indicators) names.set(i.number, lang === 'th' ? i.name.th : (i.name.en ?? i.name.th));
    }
    return names;
  }, [framework.data, lang]);

  if (years.isLoading || rows.isLoading) return <Loader />;
  const data: CityRow[] = rows.data?.rows ?? [];
  const shortName = (row: CityRow) =>
    lang === 'th' ? row.agency.nameTh.replace('สำนักงานเขต', '') : row.agency.nameEn.replace(' District Office', '');
  const header = (key: SortKey, label: string, style?: CSSProperties) => (
    <SortHeader paged={paged} column={key} firstOrder={key === 'rank' || key === 'name' ? 'asc' : 'desc'} style={style}>
      {label}
    </SortHeader>
  );
  // The district's column stays in view while the indicators scroll past it.
  const sticky = (left: number, width: number): CSSProperties => ({
    position: 'sticky',
    left,
    minWidth: width,
    maxWidth: width,
    zIndex: 1,
    background: 'var(--mantine-color-body)',
  });
  const indicatorHeader = (n: number) => (
    <Stack gap={0} maw={96}>
      <Text span fw={700} fz="sm">
        {n}
      </Text>
      <Text span fz={11} fw={500} lh={1.25} style={{ whiteSpace: 'normal' }}>
        {indicatorNames.get(n) ?? ''}
      </Text>
    </Stack>
  );
  // The heatmap draws the page shown.
  const heatmapRows = [...data].sort((a, b) => (a.ita ?? 0) - (b.ita ?? 0));
  const heatmap: ChartOption = {
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number | null] }) =>
        `${shortName(heatmapRows[p.value[1]]!)} · ${p.value[0] + 1}. ${indicatorNames.get(p.value[0] + 1) ?? ''}: ${fmt(p.value[2])}`,
    },
    grid: { left: 8, right: 8, top: 8, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: Array.from({ length: 10 }, (_, i) => String(i + 1)), name: t('results.indicator') },
    yAxis: { type: 'category', data: heatmapRows.map(shortName), axisLabel: { fontSize: 11 } },
    visualMap: {
      min: 60,
      max: 100,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#e03131', '#fab005', '#40c057'] },
    },
    series: [
      {
        type: 'heatmap',
        data: heatmapRows.flatMap((row, y) =>
          Array.from({ length: 10 }, (_, x) => [x, y, row.indicators[String(x + 1)] ?? null]),
        ),
        label: { show: false },
      },
    ],
  };
  const counts = LEVEL_ORDER.map((id) => rows.data?.levels.find((l) => l.levelId === id)?.count ?? 0);
  const levelNames = LEVEL_ORDER.map((id) => t(`levels.${id}`));
  const distribution: ChartOption = {
    tooltip: {},
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: levelNames, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: counts,
        itemStyle: { color: '#0ca678' },
        label: { show: true, position: 'top', textBorderColor: 'transparent' },
      },
    ],
  };
  const trendYears = (trends.data?.years ?? []).filter((y) => y.mean !== null);
  const trend: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trendYears.map((y) => `พ.ศ. ${y.fiscalYear}`) },
    yAxis: { type: 'value', min: 70, max: 100 },
    series: [
      {
        type: 'line',
        name: t('city.average'),
        data: trendYears.map((y) => y.mean),
        label: { show: true, textBorderColor: 'transparent' },
      },
    ],
  };
  const generated = rows.data?.generated ?? 0;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('city.title', { count: rows.data?.agencies ?? 0 })}</Title>
        <Group align="flex-end">
          <Select
            label={t('city.year')}
            value={year === null ? null : String(year)}
            onChange={(v) => setChosen(v ? Number(v) : null)}
            data={(years.data ?? []).map((y) => ({ value: String(y), label: t('forms.fiscalYear', { year: y }) }))}
            w={200}
            data-testid="city-year"
          />
          <Button component="a" href={`/api/results/city?year=${year}&format=csv`} variant="light">
            {t('city.exportCsv')}
          </Button>
          <Button component="a" href={`/api/results/city?year=${year}&format=xlsx`} variant="light">
            {t('city.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {chosen === null && year !== null && year !== current && (
        <Alert color="blue" data-testid="city-latest-results">
          {t('city.latestResults', { current, year })}
        </Alert>
      )}
      {generated > 0 && <Alert color="yellow">{t('city.demo', { count: generated })}</Alert>}
      <OitReadiness />
      <LateMilestones />
      <SurveyProgress />
      <BatchDocuments years={years.data ?? []} />
      <Card withBorder>
        <Group justify="space-between" align="flex-end" mb="sm">
          <Text size="sm" data-testid="city-summary">
            {rows.data?.mean !== null && rows.data?.mean !== undefined ? t('city.mean', { mean: fmt(rows.data.mean) }) : ''}
          </Text>
          <SearchBox paged={paged} testId="city-search" />
        </Group>
        {/* A plain scroller, so the sticky district column holds against it. */}
        <div style={{ overflowX: 'auto' }} data-testid="city-table-scroll">
          <Table striped highlightOnHover data-testid="city-table" fz="sm" miw={1250}>
            <Table.Thead>
              <Table.Tr>
                {header('rank', t('city.rank'), sticky(0, 56))}
                {header('name', t('city.agency'), sticky(56, 150))}
                {header('ita', 'ITA')}
                {header('level', t('results.level'), { minWidth: 110 })}
                {header('iit', 'IIT')}
                {header('eit', 'EIT')}
                {header('oit', 'OIT')}
                {Array.from({ length: 10 }, (_, i) => (
                  <Table.Th key={i} style={{ verticalAlign: 'bottom' }}>
                    {indicatorHeader(i + 1)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((row) => (
                <Table.Tr key={row.agency.id}>
                  <Table.Td style={sticky(0, 56)}>{row.rank}</Table.Td>
                  <Table.Td style={sticky(56, 150)}>
                    <Link to={`/a/${row.agency.slug}/results`}>{shortName(row)}</Link>
                    {row.source === 'demo-generated' && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (demo)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fw={600}>{fmt(row.ita)}</Table.Td>
                  <Table.Td>
                    {row.levelId && (
                      <Badge color={LEVEL_COLORS[row.levelId] ?? 'gray'} variant="light" size="sm">
                        {t(`levels.${row.levelId}`, row.level ?? '')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{fmt(row.iit)}</Table.Td>
                  <Table.Td>{fmt(row.eit)}</Table.Td>
                  <Table.Td>{fmt(row.oit)}</Table.Td>
                  {Array.from({ length: 10 }, (_, i) => (
                    <Table.Td
                      key={i}
                      c={threshold !== null && (row.indicators[String(i + 1)] ?? 100) < threshold ? 'orange.8' : undefined}
                    >
                      {fmt(row.indicators[String(i + 1)])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <PageControls paged={paged} total={rows.data?.total ?? 0} testId="city-pages" />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5">
            {t('city.distribution')}
          </Title>
          <EChart label={t('city.distribution')} option={distribution} height={260} />
          <Title order={3} size="h5" mt="md">
            {t('city.trends')}
          </Title>
          <EChart label={t('city.trends')} option={trend} height={240} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h5">
            {t('city.heatmap')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('city.heatmapPage')}
          </Text>
          <EChart label={t('city.heatmap')} option={heatmap} height={Math.max(400, heatmapRows.length * 18 + 80)} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
