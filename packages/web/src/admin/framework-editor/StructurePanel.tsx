import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Change, Draft, Indicator, Tool } from './draft';
import { NameInput, NumberText, RemoveButton } from './fields';

const KINDS = ['survey', 'disclosure'] as const;
const STATUSES = ['published', 'inferred'] as const;

/** Tools and their weights, indicators and how each tool and indicator combines its parts, sub-indicators and groups. */
export function StructurePanel({ draft, change }: { draft: Draft; change: Change }) {
  const { t } = useTranslation();
  const statusData = STATUSES.map((s) => ({ value: s, label: t(`editor.status.${s}`) }));
  return (
    <Stack>
      <Title order={3} size="h5">
        {t('editor.tools')}
      </Title>
      <Table fz="sm" data-testid="editor-tools">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('editor.code')}</Table.Th>
            <Table.Th>{t('editor.nameTh')}</Table.Th>
            <Table.Th>{t('editor.kind')}</Table.Th>
            <Table.Th>{t('editor.weight')}</Table.Th>
            <Table.Th>{t('editor.toolAggregation')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.tools.map((tool, i) => (
            <Table.Tr key={i}>
              <Table.Td w={110}>
                <TextInput
                  aria-label={`${t('editor.tool')} ${i + 1} ${t('editor.code')}`}
                  value={tool.code}
                  onChange={(e) => {
                    const code = e.currentTarget.value.toUpperCase().replace(/[^A-Z]/g, '');
                    change((d) => renameTool(d, i, code));
                  }}
                />
              </Table.Td>
              <Table.Td>
                <NameInput
                  label={`${tool.code} ${t('editor.nameTh')}`}
                  value={tool.name.th}
                  onText={(v) => change((d) => void (d.tools[i]!.name.th = v))}
                />
              </Table.Td>
              <Table.Td w={240}>
                <Select
                  aria-label={`${tool.code} ${t('editor.kind')}`}
                  value={tool.kind}
                  data={KINDS.map((k) => ({ value: k, label: t(`editor.kinds.${k}`) }))}
                  allowDeselect={false}
                  onChange={(v) => v && change((d) => void (d.tools[i]!.kind = v as Tool['kind']))}
                />
              </Table.Td>
              <Table.Td w={100}>
                <NumberText
                  label={`${tool.code} ${t('editor.weight')}`}
                  value={tool.weight}
                  onChange={(n) => n !== undefined && change((d) => void (d.tools[i]!.weight = n))}
                />
              </Table.Td>
              <Table.Td w={300}>
                <Group gap={4} wrap="nowrap">
                  <Select
                    aria-label={`${tool.code} ${t('editor.toolAggregation')}`}
                    value={tool.aggregation?.method ?? 'question-mean'}
                    data={[
                      { value: 'question-mean', label: t('editor.aggregation.questionMean') },
                      { value: 'indicator-weights', label: t('editor.aggregation.indicatorWeights') },
                    ]}
                    allowDeselect={false}
                    onChange={(v) =>
                      change((d) => {
                        const target = d.tools[i]!;
                        if (v === 'indicator-weights') {
                          const weights = Object.fromEntries(
                            d.indicators.filter((ind) => ind.tool === target.code).map((ind) => [String(ind.number), 1]),
                          );
                          target.aggregation = { method: 'indicator-weights', weights, status: 'published' };
                        } else delete target.aggregation;
                      })
                    }
                  />
                  {tool.aggregation?.method === 'indicator-weights' && (
                    <Select
                      w={120}
                      aria-label={`${tool.code} ${t('editor.weightStatus')}`}
                      value={tool.aggregation.status}
                      data={statusData}
                      allowDeselect={false}
                      onChange={(v) => v && change((d) => void ((d.tools[i]!.aggregation as { status: string }).status = v))}
                    />
                  )}
                </Group>
              </Table.Td>
              <Table.Td w={40}>
                <RemoveButton
                  label={`${t('editor.removeTool')} ${tool.code}`}
                  onClick={() => change((d) => void d.tools.splice(i, 1))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            change((d) =>
              d.tools.push({
                code: '',
                name: { th: '' },
                weight: Math.max(1, 100 - d.tools.reduce((s, x) => s + x.weight, 0)),
                kind: 'survey',
              }),
            )
          }
        >
          {t('editor.addTool')}
        </Button>
      </Group>

      <Title order={3} size="h5" mt="md">
        {t('editor.indicators')}
      </Title>
      {draft.indicators.map((indicator, i) => (
        <IndicatorCard key={i} draft={draft} indicator={indicator} index={i} change={change} />
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          disabled={draft.tools.length === 0}
          onClick={() =>
            change((d) => {
              const number = Math.max(0, ...d.indicators.map((x) => x.number)) + 1;
              const tool = d.tools.at(-1)!;
              d.indicators.push({ number, tool: tool.code, name: { th: '' } });
              if (tool.aggregation?.method === 'indicator-weights') tool.aggregation.weights[String(number)] = 1;
            })
          }
        >
          {t('editor.addIndicator')}
        </Button>
      </Group>
    </Stack>
  );
}

function IndicatorCard({
  draft,
  indicator,
  index: i,
  change,
}: {
  draft: Draft;
  indicator: Indicator;
  index: number;
  change: Change;
}) {
  const { t } = useTranslation();
  const tool = draft.tools.find((x) => x.code === indicator.tool);
  const inToolWeights = tool?.aggregation?.method === 'indicator-weights' ? tool.aggregation.weights : null;
  const subWeights = indicator.aggregation?.method === 'sub-indicator-weights' ? indicator.aggregation.weights : null;
  const label = `${t('editor.indicator')} ${indicator.number}`;
  return (
    <Card withBorder padding="sm" data-testid={`editor-indicator-${indicator.number}`}>
      <Group align="flex-end" wrap="wrap" gap="xs">
        <Text fw={600} w={40}>
          {indicator.number}
        </Text>
        <Select
          w={110}
          label={t('editor.tool')}
          aria-label={`${label} ${t('editor.tool')}`}
          value={indicator.tool}
          data={[...new Set(draft.tools.map((x) => x.code).filter(Boolean))]}
          allowDeselect={false}
          onChange={(v) => v && change((d) => moveIndicator(d, i, v))}
        />
        <TextInput
          style={{ flex: 1, minWidth: 240 }}
          label={t('editor.nameTh')}
          aria-label={label}
          value={indicator.name.th}
          onChange={(e) => {
            const v = e.currentTarget.value;
            change((d) => void (d.indicators[i]!.name.th = v));
          }}
        />
        {inToolWeights && (
          <div>
            <Text size="sm">{t('editor.weightInTool', { tool: indicator.tool })}</Text>
            <NumberText
              label={`${label} ${t('editor.weightInTool', { tool: indicator.tool })}`}
              value={inToolWeights[String(indicator.number)]}
              onChange={(n) =>
                change((d) => {
                  const agg = d.tools.find((x) => x.code === indicator.tool)!.aggregation as { weights: Record<string, number> };
                  if (n === undefined) delete agg.weights[String(indicator.number)];
                  else agg.weights[String(indicator.number)] = n;
                })
              }
            />
          </div>
        )}
        <Select
          w={230}
          label={t('editor.indicatorAggregation')}
          aria-label={`${label} ${t('editor.indicatorAggregation')}`}
          value={indicator.aggregation?.method ?? 'question-mean'}
          data={[
            { value: 'question-mean', label: t('editor.aggregation.questionMean') },
            {
              value: 'sub-indicator-weights',
              label: t('editor.aggregation.subIndicatorWeights'),
              disabled: !indicator.subIndicators?.length,
            },
          ]}
          allowDeselect={false}
          onChange={(v) =>
            change((d) => {
              const target = d.indicators[i]!;
              if (v === 'sub-indicator-weights') {
                const weights = Object.fromEntries((target.subIndicators ?? []).map((s) => [s.code, 1]));
                target.aggregation = { method: 'sub-indicator-weights', weights, status: 'published' };
              } else delete target.aggregation;
            })
          }
        />
        <RemoveButton
          label={`${t('editor.removeIndicator')} ${indicator.number}`}
          onClick={() => change((d) => removeIndicator(d, i))}
        />
      </Group>
      <Table fz="sm" mt="xs">
        <Table.Tbody>
          {(indicator.subIndicators ?? []).map((sub, si) => (
            <Table.Tr key={si} data-testid={`editor-sub-${sub.code}`}>
              <Table.Td w={90}>
                <TextInput
                  aria-label={`${label} ${t('editor.subIndicator')} ${si + 1} ${t('editor.code')}`}
                  value={sub.code}
                  onChange={(e) => {
                    const v = e.currentTarget.value.trim();
                    change((d) => renameSubIndicator(d, i, si, v));
                  }}
                />
              </Table.Td>
              <Table.Td>
                <NameInput
                  label={`${t('editor.subIndicator')} ${sub.code} ${t('editor.nameTh')}`}
                  value={sub.name.th}
                  onText={(v) => change((d) => void (d.indicators[i]!.subIndicators![si]!.name.th = v))}
                />
                {(sub.groups ?? []).map((group, gi) => (
                  <Group key={gi} gap={4} mt={4} wrap="nowrap" pl="md">
                    <TextInput
                      w={90}
                      aria-label={`${t('editor.group')} ${sub.code} ${gi + 1} ${t('editor.code')}`}
                      value={group.code}
                      onChange={(e) => {
                        const v = e.currentTarget.value.trim();
                        change((d) => void (d.indicators[i]!.subIndicators![si]!.groups![gi]!.code = v));
                      }}
                    />
                    <TextInput
                      style={{ flex: 1 }}
                      aria-label={`${t('editor.group')} ${group.code} ${t('editor.nameTh')}`}
                      value={group.name.th}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        change((d) => void (d.indicators[i]!.subIndicators![si]!.groups![gi]!.name.th = v));
                      }}
                    />
                    <RemoveButton
                      label={`${t('editor.removeGroup')} ${group.code}`}
                      onClick={() =>
                        change((d) => {
                          const s = d.indicators[i]!.subIndicators![si]!;
                          s.groups!.splice(gi, 1);
                          if (s.groups!.length === 0) delete s.groups;
                        })
                      }
                    />
                  </Group>
                ))}
                <Button
                  size="compact-xs"
                  variant="subtle"
                  mt={4}
                  onClick={() =>
                    change((d) => {
                      const s = d.indicators[i]!.subIndicators![si]!;
                      s.groups = [...(s.groups ?? []), { code: `${s.code}.${(s.groups?.length ?? 0) + 1}`, name: { th: '' } }];
                    })
                  }
                >
                  {t('editor.addGroup')}
                </Button>
              </Table.Td>
              {subWeights && (
                <Table.Td w={100}>
                  <NumberText
                    label={`${t('editor.subIndicator')} ${sub.code} ${t('editor.weight')}`}
                    value={subWeights[sub.code]}
                    onChange={(n) =>
                      change((d) => {
                        const agg = d.indicators[i]!.aggregation as { weights: Record<string, number> };
                        if (n === undefined) delete agg.weights[sub.code];
                        else agg.weights[sub.code] = n;
                      })
                    }
                  />
                </Table.Td>
              )}
              <Table.Td w={40}>
                <RemoveButton
                  label={`${t('editor.removeSubIndicator')} ${sub.code}`}
                  onClick={() => change((d) => removeSubIndicator(d, i, si))}
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
              const target = d.indicators[i]!;
              const code = `${target.number}.${(target.subIndicators?.length ?? 0) + 1}`;
              target.subIndicators = [...(target.subIndicators ?? []), { code, name: { th: '' } }];
              if (target.aggregation?.method === 'sub-indicator-weights') target.aggregation.weights[code] = 1;
            })
          }
        >
          {t('editor.addSubIndicator')}
        </Button>
      </Group>
    </Card>
  );
}

/** A tool's new code follows into its indicators. */
function renameTool(d: Draft, i: number, code: string) {
  const before = d.tools[i]!.code;
  d.tools[i]!.code = code;
  for (const indicator of d.indicators) if (indicator.tool === before && before !== '') indicator.tool = code;
}

/** An indicator moved to another tool leaves the old tool's weights and, where that tool weighs indicators, takes a weight. */
function moveIndicator(d: Draft, i: number, toolCode: string) {
  const indicator = d.indicators[i]!;
  const key = String(indicator.number);
  const before = d.tools.find((x) => x.code === indicator.tool)?.aggregation;
  if (before?.method === 'indicator-weights') delete before.weights[key];
  indicator.tool = toolCode;
  const after = d.tools.find((x) => x.code === toolCode)?.aggregation;
  if (after?.method === 'indicator-weights') after.weights[key] ??= 1;
}

function removeIndicator(d: Draft, i: number) {
  const [removed] = d.indicators.splice(i, 1);
  const agg = d.tools.find((x) => x.code === removed!.tool)?.aggregation;
  if (agg?.method === 'indicator-weights') delete agg.weights[String(removed!.number)];
}

/** A sub-indicator's new code follows into the indicator's weights and the OIT items that name it. */
function renameSubIndicator(d: Draft, i: number, si: number, code: string) {
  const indicator = d.indicators[i]!;
  const sub = indicator.subIndicators![si]!;
  const before = sub.code;
  sub.code = code;
  if (indicator.aggregation?.method === 'sub-indicator-weights' && before in indicator.aggregation.weights) {
    indicator.aggregation.weights[code] = indicator.aggregation.weights[before]!;
    delete indicator.aggregation.weights[before];
  }
  for (const item of d.oitItems) {
    if (item.indicator === indicator.number && item.subIndicator === before) item.subIndicator = code;
  }
}

function removeSubIndicator(d: Draft, i: number, si: number) {
  const indicator = d.indicators[i]!;
  const [removed] = indicator.subIndicators!.splice(si, 1);
  if (indicator.subIndicators!.length === 0) {
    delete indicator.subIndicators;
    delete indicator.aggregation;
  } else if (indicator.aggregation?.method === 'sub-indicator-weights') delete indicator.aggregation.weights[removed!.code];
}
