import { Anchor, Badge, Card, Group, Loader, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http, ok } from '../api/client';
import { FiscalYearSelect } from '../forms/FiscalYearSelect';
import { fiscalYearOf, formatIsoDate, todayInBangkok } from '../i18n/dates';

/** Central oversight of the self-assessment surveys: each district's latest round of a year and tool against its quotas. */
export function SurveyProgress() {
  const { t, i18n } = useTranslation();
  const current = fiscalYearOf(todayInBangkok());
  const [year, setYear] = useState(current);
  const [tool, setTool] = useState<'IIT' | 'EIT'>('IIT');
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => ok(http.GET('/api/agencies')) });
  const rows = useQuery({
    queryKey: ['survey-city', year, tool],
    queryFn: () => ok(http.GET('/api/surveys/city', { params: { query: { year, tool } } })),
  });
  const byId = new Map((agencies.data ?? []).map((a) => [a.id, a]));
  const sorted = [...(rows.data ?? [])].sort((a, b) => b.shortBy - a.shortBy || a.agencyId - b.agencyId);
  return (
    <Card withBorder data-testid="survey-city">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('city.surveysTitle')}
        </Title>
        <Group align="flex-end">
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
      ) : sorted.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('city.surveysNone', { year, tool })}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('city.district')}</Table.Th>
                <Table.Th>{t('city.surveysDates')}</Table.Th>
                <Table.Th ta="right">{t('city.surveysResponses')}</Table.Th>
                <Table.Th ta="right">{t('city.surveysGroupsShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((row) => {
                const agency = byId.get(row.agencyId);
                return (
                  <Table.Tr key={row.agencyId}>
                    <Table.Td>
                      {agency ? (
                        <Anchor component={Link} to={`/a/${agency.slug}/surveys`} size="sm">
                          {agency.nameTh}
                        </Anchor>
                      ) : (
                        row.agencyId
                      )}
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
                      {row.quotaGroups === 0 ? '–' : t('city.surveysShort', { short: row.groupsShort, groups: row.quotaGroups })}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
