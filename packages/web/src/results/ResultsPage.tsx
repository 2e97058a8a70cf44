import { Alert, Anchor, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SelfAssessment } from './SelfAssessment';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isWellFormedUrl, readableUrl } from '@prongsai/core/thai';
import { http, ok } from '../api/client';
import { fmt, LEVEL_COLORS } from '../api/results';
import { EChart } from '../charts/EChart';
import { formatTimestamp } from '../i18n/dates';
import { barOption, radarOption, statsOption } from './charts';
import { ImportWizard } from './ImportWizard';
import { useFramework } from './useFramework';
import { WhatIfPanel } from './WhatIfPanel';
import { useUnitWords } from '../agency/unit-words';

/** A question's or OIT item's wording, or a plain note where the year's framework does not have it. */
function UnitText({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  return text ? (
    <Text size="sm">{text}</Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic" data-testid="unit-text-unknown">
      {t('results.unitTextUnknown')}
    </Text>
  );
}

export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const lang = i18n.language;
  const { agency: slug = '' } = useParams();
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const agency = useQuery({
    queryKey: ['agency', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}', { params: { path: { agency: slug } } })),
    retry: false,
  });
  const list = useQuery({
    queryKey: ['assessments', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/assessments', { params: { path: { agency: slug } } })),
    enabled: agency.isSuccess,
  });
  const year = chosenYear ?? list.data?.[0]?.fiscalYear ?? null;
  const detail = useQuery({
    queryKey: ['assessment', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/assessments/{year}', { params: { path: { agency: slug, year: year! } } })),
    enabled: year !== null,
  });
  const framework = useFramework(detail.data?.framework);
  const canImport = agency.data?.can.importResults ?? false;

  const indicatorNames = useMemo(() => {
    const names = new Map<number, string>();
    for (const tool of framework.data?.tools ?? []) {
      for (const indicator of tool.indicators) {
        names.set(indicator.number, lang === 'th' ? indicator.name.th : (indicator.name.en ?? indicator.name.th));
      }
    }
    return names;
  }, [framework.data, lang]);
  const questionText = useMemo(() => {
    const texts = new Map<string, string>();
    for (const tool of framework.data?.tools ?? []) {
      for (const i of tool.indicators) for (const u of i.units) texts.set(u.code, u.text ?? '');
    }
    return texts;
  }, [framework.data]);

  if (agency.isError) return <Alert color="red">{t('errors.notFound')}</Alert>;
  if (list.isLoading || agency.isLoading) return <Loader />;

  const header = (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2}>{t('results.title')}</Title>
        <Text c="dimmed">{agency.data ? (lang === 'th' ? agency.data.nameTh : agency.data.nameEn) : ''}</Text>
      </div>
      <Group align="flex-end">
        {(list.data?.length ?? 0) > 0 && (
          <Select
            label={t('results.year')}
            data-testid="year-select"
            value={year === null ? null : String(year)}
            onChange={(v) => setChosenYear(v ? Number(v) : null)}
            data={(list.data ?? []).map((a) => ({ value: String(a.fiscalYear), label: `พ.ศ. ${a.fiscalYear}` }))}
            w={140}
          />
        )}
        {canImport && (
          <Button onClick={() => setImporting(true)} data-testid="open-import">
            {t('results.import')}
          </Button>
        )}
      </Group>
    </Group>
  );
  const wizard = importing && (
    <ImportWizard
      agencySlug={slug}
      defaultYear={year ?? undefined}
      onClose={(importedYear) => {
        setImporting(false);
        if (importedYear) setChosenYear(importedYear);
      }}
    />
  );
  if (!list.data || list.data.length === 0) {
    return (
      <Stack>
        {header}
        <Alert color="blue">{t('results.none')}</Alert>
        {wizard}
      </Stack>
    );
  }
  if (detail.isLoading || !detail.data || framework.isLoading || !framework.data) return <Loader />;

  const d = detail.data;
  const r = d.result;
  const numbers = [...indicatorNames.keys()].sort((a, b) => a - b);
  const previous = d.comparison;
  const threshold = d.weak.threshold;
  const sortedIndicators = numbers
    .filter((n) => r.indicators[n] !== undefined)
    .sort((a, b) => (r.indicators[a] ?? 0) - (r.indicators[b] ?? 0));
  const dimensions = [...new Set(d.stats.map((s) => `${s.tool}|${s.dimension}`))];

  return (
    <Stack>
      {header}
      {d.source === 'demo-generated' && (
        <Alert color="yellow" data-testid="demo-badge">
          {t('results.demo')}
        </Alert>
      )}
      {d.can.readSelfAssessment && year !== null && <SelfAssessment slug={slug} year={year} official={r.tools} />}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Card withBorder data-testid="ita-card">
          <Text size="sm" c="dimmed">
            {t('results.total')}
          </Text>
          <Text size="xl" fw={700}>
            {fmt(r.ita)}
          </Text>
          {r.levelId ? (
            <Badge color={LEVEL_COLORS[r.levelId] ?? 'gray'} size="lg">
              {lang === 'th' ? r.level : (framework.data.levels.find((l) => l.id === r.levelId)?.name.en ?? r.level)}
            </Badge>
          ) : (
            <Text size="sm">{t('results.noTotal')}</Text>
          )}
        </Card>
        {framework.data.tools.map((tool) => (
          <Card withBorder key={tool.code}>
            <Text size="sm" c="dimmed">
              {tool.code} · {t('results.weight', { weight: tool.weight })}
            </Text>
            <Text size="xl" fw={700}>
              {fmt(r.tools[tool.code])}
            </Text>
            <Text size="sm">{t('results.weighted', { value: fmt(r.weighted[tool.code]) })}</Text>
            {r.respondents[tool.code] !== undefined && (
              <Text size="xs" c="dimmed">
                {t('results.respondents', { tool: tool.code, count: r.respondents[tool.code] })}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5">
            {t('results.radar')}
          </Title>
          <EChart
            label={t('results.radar')}
            height={360}
            option={radarOption(
              numbers.map((n) => `${n}. ${indicatorNames.get(n) ?? ''}`),
              { label: t('forms.fiscalYear', { year: d.fiscalYear }), values: numbers.map((n) => r.indicators[n] ?? 0) },
              previous && previous.indicators.length === 10
                ? {
                    label: t('forms.fiscalYear', { year: previous.fiscalYear }),
                    values: previous.indicators.map((c) => c.before),
                  }
                : undefined,
            )}
          />
        </Card>
        <Card withBorder>
          <Title order={3} size="h5">
            {t('results.bars')}
          </Title>
          <EChart
            label={t('results.bars')}
            height={360}
            option={barOption(
              sortedIndicators.map((n) => `${n}. ${indicatorNames.get(n) ?? ''}`),
              sortedIndicators.map((n) => r.indicators[n] ?? 0),
              threshold,
            )}
          />
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('results.weakTitle', { threshold })}
        </Title>
        {d.weak.flat.length === 0 ? (
          <Text>{t('results.weakNone')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={500}>
            <Table striped data-testid="weak-points">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('results.code')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('results.indicator')}</Table.Th>
                  <Table.Th>{t('results.question')}</Table.Th>
                  <Table.Th ta="right">{t('results.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.weak.flat.map((p) => (
                  <Table.Tr key={p.code}>
                    <Table.Td fw={600}>{p.code}</Table.Td>
                    <Table.Td>{p.indicator}</Table.Td>
                    <Table.Td>
                      <UnitText text={questionText.get(p.code)} />
                      {p.weakItems.map((i) => (
                        <Text key={i.key} size="xs" c="orange.8">
                          {t('results.weakItem', { no: i.no, score: fmt(i.score) })}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td ta="right" c={p.score < threshold ? 'orange.8' : undefined}>
                      {fmt(p.score)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <WhatIfPanel agencySlug={slug} year={d.fiscalYear} detail={d} framework={framework.data} />
      {previous && (
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">
            {t('results.comparison', { year: previous.fiscalYear })}
          </Title>
          <Table striped data-testid="comparison">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.compareWhat')}</Table.Th>
                <Table.Th ta="right">{t('results.compareYear', { year: previous.fiscalYear })}</Table.Th>
                <Table.Th ta="right">{t('results.compareYear', { year: d.fiscalYear })}</Table.Th>
                <Table.Th ta="right">{t('results.compareChange')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                ...(previous.ita ? [previous.ita] : []),
                ...previous.tools,
                ...previous.indicators.map((c) => ({ ...c, key: `${c.key}. ${indicatorNames.get(Number(c.key)) ?? ''}` })),
              ].map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td>{c.key}</Table.Td>
                  <Table.Td ta="right">{fmt(c.before)}</Table.Td>
                  <Table.Td ta="right">{fmt(c.after)}</Table.Td>
                  <Table.Td ta="right" c={c.delta < 0 ? 'red' : 'teal'}>
                    {c.delta > 0 ? '+' : ''}
                    {fmt(c.delta)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {d.differences.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">
            {t('results.differences')}
          </Title>
          <Table striped data-testid="differences">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.code')}</Table.Th>
                <Table.Th ta="right">{t('results.published')}</Table.Th>
                <Table.Th ta="right">{t('results.computed')}</Table.Th>
                <Table.Th ta="right">{t('results.difference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.differences.map((x) => (
                <Table.Tr key={`${x.level}-${x.code}`}>
                  <Table.Td>{x.level === 'indicator' ? `${t('results.indicator')} ${x.code}` : x.code}</Table.Td>
                  <Table.Td ta="right">{fmt(x.published)}</Table.Td>
                  <Table.Td ta="right">{fmt(x.computed)}</Table.Td>
                  <Table.Td ta="right">{fmt(x.difference)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {r.warnings.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">
            {t('results.warnings')}
          </Title>
          {r.warnings.map((w, i) => (
            <Text key={i} size="sm">
              • {lang === 'th' ? w.messageTh : w.message}
            </Text>
          ))}
        </Card>
      )}
      {dimensions.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">
            {t('results.stats')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {dimensions.map((key) => {
              const [tool, dimension] = key.split('|') as [string, string];
              const rows = d.stats.filter((s) => s.tool === tool && s.dimension === dimension);
              return (
                <div key={key}>
                  <Text fw={600} size="sm">
                    {tool} · {t(`results.dimension.${dimension}`, units)}
                  </Text>
                  <EChart
                    label={`${tool} ${dimension}`}
                    height={Math.max(140, rows.length * 32)}
                    option={statsOption(
                      rows.map((s) => (s.suppressed ? `${s.label} (${t('results.suppressed')})` : s.label)),
                      rows.map((s) => s.count),
                    )}
                  />
                </div>
              );
            })}
          </SimpleGrid>
        </Card>
      )}
      {d.oit.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">
            {t('results.oit')}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table striped>
              <Table.Tbody>
                {d.oit.map((o) => (
                  <Table.Tr key={o.code}>
                    <Table.Td fw={600}>{o.code}</Table.Td>
                    <Table.Td>
                      <UnitText text={questionText.get(o.code)} />
                      {o.urls.map((url) =>
                        isWellFormedUrl(url) ? (
                          <Anchor key={url} href={url} target="_blank" rel="noopener noreferrer" size="xs" display="block">
                            {readableUrl(url)}
                          </Anchor>
                        ) : (
                          <Text key={url} size="xs" c="dimmed">
                            {url}
                          </Text>
                        ),
                      )}
                      {o.suggestion && <Text size="xs" c="dimmed">{`${t('results.suggestion')}: ${o.suggestion}`}</Text>}
                    </Table.Td>
                    <Table.Td ta="right">{fmt(r.questions[o.code])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('results.imports')}
        </Title>
        <Table.ScrollContainer minWidth={500}>
          <Table striped data-testid="imports">
            <Table.Tbody>
              {d.imports.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.file_name}</Table.Td>
                  <Table.Td>{i.scope}</Table.Td>
                  <Table.Td>{formatTimestamp(i.created_at, lang)}</Table.Td>
                  <Table.Td>{i.created_by_email ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={i.superseded_at ? 'gray' : 'teal'}>
                      {i.superseded_at ? t('results.replaced') : t('results.active')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {wizard}
    </Stack>
  );
}
