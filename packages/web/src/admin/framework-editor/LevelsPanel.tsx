import { Button, Group, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Change, Draft } from './draft';
import { NameInput, NumberText, RemoveButton } from './fields';

/** The levels from the highest down: the lowest total of each and, where it applies, every tool's lowest score. */
export function LevelsPanel({ draft, change }: { draft: Draft; change: Change }) {
  const { t } = useTranslation();
  return (
    <>
      <Table fz="sm" maw={860} data-testid="editor-levels">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('editor.code')}</Table.Th>
            <Table.Th>{t('editor.name')}</Table.Th>
            <Table.Th>{t('editor.min')}</Table.Th>
            <Table.Th>{t('editor.allToolsMin')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.levels.levels.map((level, i) => (
            <Table.Tr key={i}>
              <Table.Td w={110}>
                <TextInput
                  aria-label={`${t('editor.level')} ${i + 1} ${t('editor.code')}`}
                  value={level.id}
                  onChange={(e) => {
                    const v = e.currentTarget.value.trim();
                    change((d) => void (d.levels.levels[i]!.id = v));
                  }}
                />
              </Table.Td>
              <Table.Td>
                <NameInput
                  label={`${level.id} ${t('editor.name')}`}
                  value={level.name.th}
                  onText={(v) => change((d) => void (d.levels.levels[i]!.name.th = v))}
                />
              </Table.Td>
              <Table.Td w={110}>
                <NumberText
                  label={`${level.id} ${t('editor.min')}`}
                  value={level.min}
                  onChange={(n) => n !== undefined && change((d) => void (d.levels.levels[i]!.min = n))}
                />
              </Table.Td>
              <Table.Td w={130}>
                <NumberText
                  label={`${level.id} ${t('editor.allToolsMin')}`}
                  value={level.allToolsMin}
                  onChange={(n) =>
                    change((d) => {
                      if (n === undefined) delete d.levels.levels[i]!.allToolsMin;
                      else d.levels.levels[i]!.allToolsMin = n;
                    })
                  }
                />
              </Table.Td>
              <Table.Td w={40}>
                <RemoveButton
                  label={`${t('editor.removeLevel')} ${level.id}`}
                  onClick={() => change((d) => void d.levels.levels.splice(i, 1))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm">
        <Button variant="light" onClick={() => change((d) => void d.levels.levels.push({ id: '', name: { th: '' }, min: 0 }))}>
          {t('editor.addLevel')}
        </Button>
      </Group>
    </>
  );
}
