import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok } from '../api/client';
import { CountInput, parseCount } from '../forms/CountInput';
import type { Progress, QuotaRow, Round } from './types';
import { useAgencyAnswer, useUnitWords } from '../agency/unit-words';
import { iitRuleText } from './quota-rule';

interface Row {
  civilServants: string;
  employees: string;
  required: string;
}

/**
 * Each division's eligible staff and required sample. IIT takes civil servants and employees apart,
 * and the server sets the sample from them unless one is typed; EIT takes the minimum sample.
 */
export function QuotaEditor({ round, progress, onClose }: { round: Round; progress: Progress; onClose: () => void }) {
  const { t } = useTranslation();
  const units = useUnitWords();
  const agency = useAgencyAnswer();
  const client = useQueryClient();
  const iit = round.tool === 'IIT';
  const [rows, setRows] = useState<Record<number, Row>>(() =>
    Object.fromEntries(progress.divisions.map((d) => [d.divisionId, { civilServants: '', employees: '', required: '' }])),
  );
  const set = (id: number, part: keyof Row, text: string) => setRows((all) => ({ ...all, [id]: { ...all[id]!, [part]: text } }));
  const invalid = Object.values(rows).some((r) => Object.values(r).some((text) => Number.isNaN(parseCount(text))));
  const save = useMutation({
    mutationFn: () => {
      const body = progress.divisions.flatMap((d): QuotaRow[] => {
        const row = rows[d.divisionId]!;
        const [civilServants, employees, required] = [row.civilServants, row.employees, row.required].map(parseCount);
        if (civilServants === null && employees === null && required === null) return [];
        if (iit && (civilServants !== null || employees !== null)) {
          return [
            {
              divisionId: d.divisionId,
              civilServants: civilServants ?? 0,
              employees: employees ?? 0,
              ...(required === null ? {} : { required }),
            },
          ];
        }
        // Only the sample typed: the headcount stays as it is.
        return [{ divisionId: d.divisionId, headcount: d.headcount, required: required! }];
      });
      return ok(http.PUT('/api/surveys/{id}/quotas', { params: { path: { id: round.id } }, body }));
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['survey-progress', round.id] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('surveys.quotas.title', units)} size="xl">
      <Text size="sm" c="dimmed">
        {iit ? iitRuleText(t, agency.data, units) : t('surveys.quotas.eitRule', units)}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table fz="sm" mt="xs" data-testid="quota-editor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('surveys.division', units)}</Table.Th>
              <Table.Th ta="right">{t('surveys.quotas.now')}</Table.Th>
              {iit && <Table.Th>{t('surveys.quotas.civilServants')}</Table.Th>}
              {iit && <Table.Th>{t('surveys.quotas.employees')}</Table.Th>}
              <Table.Th>{iit ? t('surveys.quotas.requiredOverride') : t('surveys.quotas.minimum')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.divisions.map((d) => (
              <Table.Tr key={d.divisionId}>
                <Table.Td>{d.nameTh}</Table.Td>
                <Table.Td ta="right">{t('surveys.quotas.current', { headcount: d.headcount, required: d.required })}</Table.Td>
                {iit && (
                  <Table.Td>
                    <CountInput
                      aria-label={`${d.nameTh} ${t('surveys.quotas.civilServants')}`}
                      value={rows[d.divisionId]!.civilServants}
                      onChange={(x) => set(d.divisionId, 'civilServants', x)}
                      w={90}
                    />
                  </Table.Td>
                )}
                {iit && (
                  <Table.Td>
                    <CountInput
                      aria-label={`${d.nameTh} ${t('surveys.quotas.employees')}`}
                      value={rows[d.divisionId]!.employees}
                      onChange={(x) => set(d.divisionId, 'employees', x)}
                      w={90}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <CountInput
                    aria-label={`${d.nameTh} ${iit ? t('surveys.quotas.requiredOverride') : t('surveys.quotas.minimum')}`}
                    value={rows[d.divisionId]!.required}
                    onChange={(x) => set(d.divisionId, 'required', x)}
                    w={90}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error && (
        <Alert color="red" mt="xs">
          {save.error instanceof ApiError ? save.error.messageTh : String(save.error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('surveys.cancel')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={invalid} data-testid="quota-save">
          {t('surveys.quotas.save')}
        </Button>
      </Group>
    </Modal>
  );
}
