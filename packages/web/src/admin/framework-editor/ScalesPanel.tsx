import { Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change, Draft } from './draft';
import { NameInput, NumberText, RemoveButton } from './fields';

/** Answer scales: each option's text, the answer code a respondent file uses for it, and its points. */
export function ScalesPanel({ draft, change }: { draft: Draft; change: Change }) {
  const { t } = useTranslation();
  const [newKey, setNewKey] = useState('');
  const keys = Object.keys(draft.scales);
  const key = newKey.trim();
  const badKey = key !== '' && (!/^[a-z0-9-]+$/.test(key) || keys.includes(key));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('editor.scalesHint')}
      </Text>
      {keys.map((name) => {
        const scale = draft.scales[name]!;
        const usedBy = draft.questions.reduce((n, q) => n + (q.items ?? []).filter((item) => item.scale === name).length, 0);
        return (
          <Card withBorder padding="sm" key={name} data-testid={`editor-scale-${name}`}>
            <Group justify="space-between">
              <Text fw={600}>{name}</Text>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('editor.scaleUsedBy', { count: usedBy })}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  disabled={usedBy > 0}
                  onClick={() => change((d) => void delete d.scales[name])}
                >
                  {t('editor.removeScale')}
                </Button>
              </Group>
            </Group>
            <Table fz="sm" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('editor.option')}</Table.Th>
                  <Table.Th>{t('editor.answerCode')}</Table.Th>
                  <Table.Th>{t('editor.points')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scale.options.map((option, oi) => (
                  <Table.Tr key={oi}>
                    <Table.Td>
                      <NameInput
                        label={`${name} ${t('editor.option')} ${oi + 1}`}
                        value={option.th}
                        onText={(v) => change((d) => void (d.scales[name]!.options[oi]!.th = v))}
                      />
                    </Table.Td>
                    <Table.Td w={100}>
                      <NumberText
                        label={`${name} ${t('editor.answerCode')} ${oi + 1}`}
                        value={scale.answers[oi]}
                        onChange={(n) => n !== undefined && change((d) => void (d.scales[name]!.answers[oi] = n))}
                      />
                    </Table.Td>
                    <Table.Td w={100}>
                      <NumberText
                        label={`${name} ${t('editor.points')} ${oi + 1}`}
                        value={scale.scores[oi]}
                        onChange={(n) => n !== undefined && change((d) => void (d.scales[name]!.scores[oi] = n))}
                      />
                    </Table.Td>
                    <Table.Td w={40}>
                      <RemoveButton
                        label={`${t('editor.removeOption')} ${name} ${oi + 1}`}
                        onClick={() =>
                          change((d) => {
                            const s = d.scales[name]!;
                            s.options.splice(oi, 1);
                            s.answers.splice(oi, 1);
                            s.scores.splice(oi, 1);
                          })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() =>
                  change((d) => {
                    const s = d.scales[name]!;
                    s.options.push({ th: '' });
                    s.answers.push(Math.max(-1, ...s.answers) + 1);
                    s.scores.push(0);
                  })
                }
              >
                {t('editor.addOption')}
              </Button>
            </Group>
          </Card>
        );
      })}
      <Group align="flex-end">
        <TextInput
          label={t('editor.newScale')}
          description={t('editor.newScaleHint')}
          value={newKey}
          onChange={(e) => setNewKey(e.currentTarget.value.toLowerCase())}
          error={badKey ? t('editor.badScale') : undefined}
          w={260}
        />
        <Button
          variant="light"
          disabled={key === '' || badKey}
          onClick={() => {
            change((d) => void (d.scales[key] = { options: [{ th: '' }, { th: '' }], answers: [1, 2], scores: [0, 100] }));
            setNewKey('');
          }}
        >
          {t('editor.addScale')}
        </Button>
      </Group>
    </Stack>
  );
}
