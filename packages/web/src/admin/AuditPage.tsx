import { Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type AuditEntry } from '../api/client';
import { formatTimestamp } from '../i18n/dates';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const entries = useQuery({ queryKey: ['audit'], queryFn: () => api<AuditEntry[]>('GET', '/api/audit?limit=200') });
  return (
    <>
      <Title order={2} mb="md">
        {t('audit.title')}
      </Title>
      {entries.isLoading ? (
        <Loader />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(entries.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{formatTimestamp(e.at, i18n.language)}</Text>
                  </Table.Td>
                  <Table.Td>{e.userEmail ?? t('audit.system')}</Table.Td>
                  <Table.Td>{e.action}</Table.Td>
                  <Table.Td>
                    {e.entity}
                    {e.entityId ? ` #${e.entityId}` : ''}
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
