import { Accordion, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http, ok } from '../api/client';
import { formatTimestamp } from '../i18n/dates';

/**
 * The approved revisions of a round, as each was approved: what the director signed off, kept
 * when the round is reopened. The server cuts each to the entries the reader may see.
 */
export function RevisionHistory({ slug, year, round }: { slug: string; year: number; round: number }) {
  const { t, i18n } = useTranslation();
  const revisions = useQuery({
    queryKey: ['revisions', slug, year, round],
    queryFn: () =>
      ok(
        http.GET('/api/agencies/{agency}/plans/{year}/rounds/{round}/revisions', {
          params: { path: { agency: slug, year, round: round as 6 | 12 } },
        }),
      ),
  });
  if (!revisions.data || revisions.data.length === 0) return null;
  const statusLabel = (status: string) => t(`progress.statuses.${status}`, { defaultValue: status });
  return (
    <Card withBorder data-testid="revision-history">
      <Title order={3} size="h5" mb="xs">
        {t('progress.history')}
      </Title>
      <Accordion variant="separated">
        {[...revisions.data].reverse().map((r) => (
          <Accordion.Item key={r.revision} value={String(r.revision)}>
            <Accordion.Control>
              <Group gap="sm">
                <Badge color="teal" variant="light">
                  {t('progress.revisionNo', { revision: r.revision })}
                </Badge>
                <Text size="sm">{t('progress.approvedOn', { date: formatTimestamp(r.createdAt, i18n.language) })}</Text>
                <Text size="sm" c="dimmed">
                  {t('progress.revisionEntries', { count: r.snapshot.entries.length })}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Table.ScrollContainer minWidth={560}>
                <Table fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={140}>{t('progress.historyEntry')}</Table.Th>
                      <Table.Th w={130}>{t('progress.historyStatus')}</Table.Th>
                      <Table.Th>{t('progress.historyNarrative')}</Table.Th>
                      <Table.Th w={90} ta="right">
                        {t('progress.historyEvidence')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.snapshot.entries.map((e) => (
                      <Table.Tr key={e.entry.id}>
                        <Table.Td>{e.entry.questionCode ?? e.entry.title}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{statusLabel(e.report.status)}</Table.Td>
                        <Table.Td>{e.report.narrative}</Table.Td>
                        <Table.Td ta="right">{e.evidence.length}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}
