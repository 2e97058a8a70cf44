import { Anchor, Button, Group, Loader, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, ok } from '../api/client';
import { ThaiDateInput } from '../forms/ThaiDateInput';
import { formatTimestamp } from '../i18n/dates';

const ACTIONS = [
  'login',
  'logout',
  'login-failed',
  'lock-out',
  'create',
  'update',
  'delete',
  'import',
  'upload',
  'submit',
  'review-accept',
  'review-return',
  'review-comment',
  'approve',
  'reopen',
  'publish',
  'withdraw',
  'carry-over',
  'offer',
  'approve-share',
  'reset-password',
  'revoke',
  'revoke-sessions',
];
const ENTITIES = [
  'session',
  'user',
  'agency',
  'division',
  'assessment',
  'measure-plan',
  'measure-entry',
  'library-entry',
  'progress-report',
  'report-part',
  'progress-round',
  'evidence',
  'committee',
  'emblem',
  'publication',
];

interface Filters {
  user: string;
  action: string | null;
  entity: string | null;
  from: string | null;
  to: string | null;
  q: string;
}

/** The filters given, without the empty ones. */
const givenOf = (f: Filters) =>
  Object.fromEntries(
    Object.entries({ user: f.user, action: f.action, entity: f.entity, from: f.from, to: f.to, q: f.q }).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  ) as Partial<Record<keyof Filters, string>>;

const queryOf = (f: Filters) => new URLSearchParams(givenOf(f)).toString();

/** The audit log in people's words: who did what to which record, filtered, searched, exported. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>({ user: '', action: null, entity: null, from: null, to: null, q: '' });
  const [filters, setFilters] = useState(draft);
  const query = queryOf(filters);
  const entries = useQuery({
    queryKey: ['audit', query],
    queryFn: async () => {
      const answer = await ok(http.GET('/api/audit', { params: { query: { limit: 200, ...givenOf(filters) } } }));
      // Asked without `format`, the log answers JSON; the CSV is the export link's.
      return typeof answer === 'string' ? [] : answer;
    },
  });
  const label = (kind: 'actions' | 'entities', key: string) => t(`audit.${kind}.${key}`, { defaultValue: key });
  return (
    <>
      <Title order={2} mb="md">
        {t('audit.title')}
      </Title>
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <TextInput
          label={t('audit.who')}
          placeholder="name@agency.go.th"
          value={draft.user}
          onChange={(e) => setDraft({ ...draft, user: e.currentTarget.value })}
          w={200}
        />
        <Select
          label={t('audit.action')}
          clearable
          searchable
          value={draft.action}
          onChange={(v) => setDraft({ ...draft, action: v })}
          data={ACTIONS.map((a) => ({ value: a, label: label('actions', a) }))}
          w={200}
          data-testid="audit-action"
        />
        <Select
          label={t('audit.entity')}
          clearable
          value={draft.entity}
          onChange={(v) => setDraft({ ...draft, entity: v })}
          data={ENTITIES.map((e) => ({ value: e, label: label('entities', e) }))}
          w={200}
        />
        <ThaiDateInput label={t('audit.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} w={160} />
        <ThaiDateInput label={t('audit.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} w={160} />
        <TextInput
          label={t('audit.search')}
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          w={180}
        />
        <Button onClick={() => setFilters(draft)} data-testid="audit-filter">
          {t('audit.apply')}
        </Button>
        <Anchor href={`/api/audit?format=csv${query ? `&${query}` : ''}`} size="sm">
          {t('audit.csv')}
        </Anchor>
      </Group>
      {entries.isLoading ? (
        <Loader />
      ) : (entries.data ?? []).length === 0 ? (
        <Text c="dimmed" data-testid="audit-empty">
          {t('audit.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.agency')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(entries.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{formatTimestamp(e.at, i18n.language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.userName ?? t('audit.system')}</Text>
                    {e.userEmail && (
                      <Text size="xs" c="dimmed">
                        {e.userEmail}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{label('actions', e.action)}</Table.Td>
                  <Table.Td>
                    {label('entities', e.entity)}
                    {e.recordName ? ` ${e.recordName}` : e.entityId ? ` #${e.entityId}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.agencyName ?? '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
