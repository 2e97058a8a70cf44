import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError, http, ok } from '../api/client';
import { YearAtAGlance } from './YearAtAGlance';
import { unitWords } from './unit-words';
import { fiscalYearOf, fiscalYearRange, formatDate, todayInBangkok } from '../i18n/dates';

function errorText(error: unknown, lang: string, fallback: string) {
  return error instanceof ApiError ? (lang === 'th' ? error.messageTh : error.message) : fallback;
}

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { agency: slug = '' } = useParams();
  const client = useQueryClient();
  const agency = useQuery({
    queryKey: ['agency', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}', { params: { path: { agency: slug } } })),
    retry: false,
  });
  const divisions = useQuery({
    queryKey: ['divisions', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/divisions', { params: { path: { agency: slug } } })),
    enabled: agency.isSuccess,
  });
  const [adding, setAdding] = useState({ nameTh: '', nameEn: '' });
  const [editing, setEditing] = useState<{ id: number; nameTh: string; nameEn: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['divisions', slug] });
  const add = useMutation({
    mutationFn: () => ok(http.POST('/api/agencies/{agency}/divisions', { params: { path: { agency: slug } }, body: adding })),
    onSuccess: () => {
      setAdding({ nameTh: '', nameEn: '' });
      void refresh();
    },
  });
  const save = useMutation({
    mutationFn: (d: { id: number; nameTh: string; nameEn: string }) =>
      ok(http.PATCH('/api/divisions/{id}', { params: { path: { id: d.id } }, body: { nameTh: d.nameTh, nameEn: d.nameEn } })),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
  });

  if (agency.isLoading) return <Loader />;
  if (agency.isError || !agency.data) {
    return (
      <Alert color="red" title={t('errors.notFound')} data-testid="agency-error">
        {errorText(agency.error, i18n.language, t('errors.generic'))}
      </Alert>
    );
  }
  const a = agency.data;
  const today = todayInBangkok();
  const fy = fiscalYearOf(today);
  const range = fiscalYearRange(fy);
  const canManage = a.can.manageDivisions;
  const lang = i18n.language;
  const units = unitWords(a.unitTerm, lang);

  return (
    <Stack>
      <div>
        <Title order={2}>{lang === 'th' ? a.nameTh : a.nameEn}</Title>
        <Text c="dimmed">{lang === 'th' ? a.nameEn : a.nameTh}</Text>
      </div>
      <YearAtAGlance slug={slug} divisions={divisions.data ?? []} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('overview.code')}
          </Text>
          <Text fw={600}>
            {a.code} · {a.slug}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('overview.fiscalYear')}
          </Text>
          <Text fw={600}>{t('header.fiscalYear', { year: fy })}</Text>
          <Text size="sm">
            {t('overview.fiscalRange', { start: formatDate(range.start, lang), end: formatDate(range.end, lang) })}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            {t('overview.divisions', units)}
          </Title>
          <Badge variant="light">{t('overview.divisionCount', { ...units, count: divisions.data?.length ?? 0 })}</Badge>
        </Group>
        {(add.error || save.error) && (
          <Alert color="red" mb="sm" role="alert">
            {errorText(add.error ?? save.error, lang, t('errors.generic'))}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={360}>
          <Table striped data-testid="divisions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('overview.order')}</Table.Th>
                <Table.Th>{t('overview.nameTh')}</Table.Th>
                <Table.Th>{t('overview.nameEn')}</Table.Th>
                {canManage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(divisions.data ?? []).map((d) =>
                editing?.id === d.id ? (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.sortOrder}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('overview.nameTh')}
                        value={editing.nameTh}
                        onChange={(e) => setEditing({ ...editing, nameTh: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('overview.nameEn')}
                        value={editing.nameEn}
                        onChange={(e) => setEditing({ ...editing, nameEn: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" onClick={() => save.mutate(editing)} loading={save.isPending}>
                          {t('overview.save')}
                        </Button>
                        <Button size="xs" variant="subtle" onClick={() => setEditing(null)}>
                          {t('overview.cancel')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.sortOrder}</Table.Td>
                    <Table.Td>{d.nameTh}</Table.Td>
                    <Table.Td>{d.nameEn}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing({ id: d.id, nameTh: d.nameTh, nameEn: d.nameEn })}
                        >
                          {t('overview.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {canManage && (
          <Group mt="md" align="flex-end">
            <TextInput
              label={t('overview.nameTh')}
              value={adding.nameTh}
              onChange={(e) => setAdding({ ...adding, nameTh: e.currentTarget.value })}
            />
            <TextInput
              label={t('overview.nameEn')}
              value={adding.nameEn}
              onChange={(e) => setAdding({ ...adding, nameEn: e.currentTarget.value })}
            />
            <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!adding.nameTh || !adding.nameEn}>
              {t('overview.addDivision', units)}
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}
