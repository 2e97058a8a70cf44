import { Anchor, Badge, Card, Group, Loader, Select, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http, ok } from '../api/client';
import { kindUnitTerm, unitWords, useAgencyKinds } from '../agency/unit-words';
import { FiscalYearSelect } from '../forms/FiscalYearSelect';
import { fiscalYearOf, formatIsoDate, todayInBangkok } from '../i18n/dates';
import { PageControls, SearchBox, SortHeader, usePaged } from './paging';

type SurveySort = 'code' | 'name' | 'opensOn' | 'closesOn';

/** Central oversight of the self-assessment surveys: a page of the agencies' latest round of a year and tool against its quotas. */
export function SurveyProgress() {
  const { t, i18n } = useTranslation();
  const current = fiscalYearOf(todayInBangkok());
  const [year, setYear] = useState(current);
  const [tool, setTool] = useState<'IIT' | 'EIT'>('IIT');
  const paged = usePaged<SurveySort>('code');
  const rows = useQuery({
    queryKey: ['survey-city', year, tool, paged.query],
    queryFn: () => ok(http.GET('/api/surveys/city', { params: { query: { year, tool, ...paged.query } } })),
    placeholderData: keepPreviousData,
  });
  const kinds = useAgencyKinds();
  // Each row's groups are its own kind's units; a kind not (yet) read is spoken of neutrally.
  const unitsOf = (kind: string) => {
    const term = kindUnitTerm(kinds.data, kind);
    return term ? unitWords(term, i18n.language).units : t('city.surveysUnits');
  };
  const summary = rows.data;
  const sorted = rows.data?.rows ?? [];
  return (
    <Card withBorder data-testid="survey-city">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {t('city.surveysTitle')}
          </Title>
          {summary && summary.agencies > 0 && (
            <Text size="sm" mt={4} data-testid="survey-city-summary">
              {t('city.surveysSummary', {
                count: summary.agencies,
                open: summary.open,
                upcoming: summary.upcoming,
                closed: summary.closed,
                required: summary.required,
              })}
            </Text>
          )}
        </div>
        <Group align="flex-end">
          <SearchBox paged={paged} testId="survey-city-search" />
          <Select
            label={t('surveys.tool')}
            value={tool}
            onChange={(x) => x && setTool(x as 'IIT' | 'EIT')}
            data={['IIT', 'EIT']}
            allowDeselect={false}
            w={110}
          />
          {/* The last five years' rounds, the current year's and the next. */}
          <FiscalYearSelect label={t('city.year')} value={year} onChange={setYear} years={[current - 4]} w={220} />
        </Group>
      </Group>
      {rows.isLoading ? (
        <Loader />
      ) : sorted.length === 0 && !paged.q ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('city.surveysNone', { year, tool })}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <SortHeader paged={paged} column="name">
                  {t('city.agency')}
                </SortHeader>
                <SortHeader paged={paged} column="opensOn">
                  {t('city.surveysDates')}
                </SortHeader>
                <Table.Th ta="right">{t('city.surveysResponses')}</Table.Th>
                <Table.Th ta="right">{t('city.surveysGroupsShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((row) => {
                return (
                  <Table.Tr key={row.agencyId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/a/${row.agency.slug}/surveys`} size="sm">
                        {row.agency.nameTh}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatIsoDate(row.round.opensOn, i18n.language)} – {formatIsoDate(row.round.closesOn, i18n.language)}{' '}
                      <Badge size="sm" color={row.round.open ? 'teal' : 'gray'}>
                        {row.round.open ? t('surveys.open') : t('surveys.closed')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {row.responses ?? t('surveys.fewerThan5')}
                      {row.required > 0 && ` / ${row.required}`}
                    </Table.Td>
                    <Table.Td ta="right" c={row.groupsShort ? 'red.8' : undefined}>
                      {row.quotaGroups === 0
                        ? '–'
                        : t('city.surveysShort', {
                            short: row.groupsShort,
                            groups: row.quotaGroups,
                            units: unitsOf(row.agency.kind),
                          })}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(sorted.length > 0 || paged.q) && <PageControls paged={paged} total={rows.data?.total ?? 0} testId="survey-city-pages" />}
    </Card>
  );
}
