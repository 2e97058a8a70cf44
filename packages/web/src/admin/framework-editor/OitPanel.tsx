import { Button, Group, Select, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localizedOrNull, nextCode, typedCodes, type Change, type Draft, type OitItem } from './draft';
import { RemoveButton } from './fields';

/** The OIT items: code, indicator, sub-indicator and group, name, scoring, and the earlier codes each continues. */
export function OitPanel({ draft, change }: { draft: Draft; change: Change }) {
  const { t } = useTranslation();
  const disclosureIndicators = draft.indicators.filter(
    (i) => draft.tools.find((tool) => tool.code === i.tool)?.kind === 'disclosure',
  );
  return (
    <>
      <Table fz="sm" data-testid="editor-oit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('editor.code')}</Table.Th>
            <Table.Th>{t('editor.indicator')}</Table.Th>
            <Table.Th>{t('editor.subIndicator')}</Table.Th>
            <Table.Th>{t('editor.name')}</Table.Th>
            <Table.Th>{t('editor.scoring')}</Table.Th>
            <Table.Th>{t('editor.previousCodes')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.oitItems.map((item, i) => {
            const indicator = draft.indicators.find((x) => x.number === item.indicator);
            const subs = indicator?.subIndicators ?? [];
            const groups = subs.find((s) => s.code === item.subIndicator)?.groups ?? [];
            return (
              <Table.Tr key={i} data-testid={`editor-oit-${item.code}`}>
                <Table.Td w={90}>
                  <TextInput
                    aria-label={`${t('editor.oitItem')} ${i + 1} ${t('editor.code')}`}
                    value={item.code}
                    onChange={(e) => {
                      const v = e.currentTarget.value.toUpperCase().trim();
                      change((d) => void (d.oitItems[i]!.code = v));
                    }}
                  />
                </Table.Td>
                <Table.Td w={90}>
                  <Select
                    aria-label={`${item.code} ${t('editor.indicator')}`}
                    value={String(item.indicator)}
                    data={disclosureIndicators.map((x) => String(x.number))}
                    allowDeselect={false}
                    onChange={(v) =>
                      v &&
                      change((d) => {
                        d.oitItems[i]!.indicator = Number(v);
                        delete d.oitItems[i]!.subIndicator;
                        delete d.oitItems[i]!.group;
                      })
                    }
                  />
                </Table.Td>
                <Table.Td w={170}>
                  <Select
                    aria-label={`${item.code} ${t('editor.subIndicator')}`}
                    value={item.subIndicator ?? null}
                    data={subs.map((s) => ({ value: s.code, label: `${s.code} ${s.name.th}` }))}
                    disabled={subs.length === 0}
                    clearable
                    onChange={(v) =>
                      change((d) => {
                        if (v) d.oitItems[i]!.subIndicator = v;
                        else delete d.oitItems[i]!.subIndicator;
                        delete d.oitItems[i]!.group;
                      })
                    }
                  />
                  {groups.length > 0 && (
                    <Select
                      mt={4}
                      aria-label={`${item.code} ${t('editor.group')}`}
                      value={item.group ?? null}
                      data={groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name.th}` }))}
                      clearable
                      onChange={(v) =>
                        change((d) => {
                          if (v) d.oitItems[i]!.group = v;
                          else delete d.oitItems[i]!.group;
                        })
                      }
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${item.code} ${t('editor.name')}`}
                    value={item.name?.th ?? ''}
                    placeholder={t('editor.unknownName')}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      change((d) => void (d.oitItems[i]!.name = localizedOrNull(d.oitItems[i]!.name, v)));
                    }}
                  />
                </Table.Td>
                <Table.Td w={150}>
                  <Select
                    aria-label={`${item.code} ${t('editor.scoring')}`}
                    value={item.scoring}
                    data={[
                      { value: 'binary', label: t('editor.binary') },
                      { value: 'partial', label: t('editor.partial') },
                    ]}
                    allowDeselect={false}
                    onChange={(v) => v && change((d) => void (d.oitItems[i]!.scoring = v as OitItem['scoring']))}
                  />
                </Table.Td>
                <Table.Td w={140}>
                  <TextInput
                    aria-label={`${item.code} ${t('editor.previousCodes')}`}
                    value={(item.previousCodes ?? []).join(', ')}
                    onChange={(e) => {
                      const codes = typedCodes(e.currentTarget.value);
                      change((d) => {
                        if (codes.length) d.oitItems[i]!.previousCodes = codes;
                        else delete d.oitItems[i]!.previousCodes;
                      });
                    }}
                  />
                </Table.Td>
                <Table.Td w={40}>
                  <RemoveButton
                    label={`${t('editor.removeOitItem')} ${item.code}`}
                    onClick={() => change((d) => void d.oitItems.splice(i, 1))}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group mt="sm">
        <Button
          variant="light"
          disabled={disclosureIndicators.length === 0}
          onClick={() =>
            change((d) => {
              const prefix = /^[A-Z]+/.exec(d.oitItems.at(-1)?.code ?? '')?.[0] ?? 'O';
              const code = nextCode(
                prefix,
                d.oitItems.map((x) => x.code),
              );
              const indicator = d.oitItems.at(-1)?.indicator ?? disclosureIndicators[0]!.number;
              d.oitItems.push({ code, indicator, name: null, scoring: 'binary' });
            })
          }
          data-testid="editor-add-oit"
        >
          {t('editor.addOitItem')}
        </Button>
      </Group>
    </>
  );
}
