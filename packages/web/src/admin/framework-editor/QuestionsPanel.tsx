import { Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nextCode, questionPrefix, type Change, type Draft, type Item } from './draft';
import { RemoveButton } from './fields';

/** Survey questions: their indicator, text, items, each item's scale and polarity. */
export function QuestionsPanel({ draft, change }: { draft: Draft; change: Change }) {
  const { t } = useTranslation();
  const scales = Object.keys(draft.scales ?? {});
  const surveyIndicators = draft.indicators
    .filter((i) => draft.tools.find((tool) => tool.code === i.tool)?.kind === 'survey')
    .map((i) => ({ value: String(i.number), label: `${i.number} ${i.name.th}` }));
  const polarities = [
    { value: 'positive', label: t('editor.positive') },
    { value: 'negative', label: t('editor.negative') },
  ];
  return (
    <Stack>
      {draft.questions.map((q, qi) => (
        <Card withBorder key={qi} data-testid={`editor-question-${q.code}`}>
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              w={70}
              aria-label={`${t('editor.question')} ${qi + 1} ${t('editor.code')}`}
              value={q.code}
              onChange={(e) => {
                const v = e.currentTarget.value.toUpperCase().trim();
                change((d) => void (d.questions[qi]!.code = v));
              }}
            />
            <Select
              w={200}
              aria-label={`${q.code} ${t('editor.indicator')}`}
              value={String(q.indicator)}
              data={surveyIndicators}
              allowDeselect={false}
              onChange={(v) => v && change((d) => void (d.questions[qi]!.indicator = Number(v)))}
            />
            <Textarea
              aria-label={`${q.code} ${t('editor.text')}`}
              value={q.text.th}
              autosize
              minRows={1}
              style={{ flex: 1 }}
              onChange={(e) => {
                const v = e.currentTarget.value;
                change((d) => void (d.questions[qi]!.text.th = v));
              }}
            />
            <RemoveButton
              label={`${t('editor.removeQuestion')} ${q.code}`}
              onClick={() => change((d) => void d.questions.splice(qi, 1))}
            />
          </Group>
          {q.items === null ? (
            <Group mt="xs">
              <Text size="sm" c="dimmed">
                {t('editor.noItems')}
              </Text>
            </Group>
          ) : (
            <Table fz="sm" mt="xs">
              <Table.Tbody>
                {q.items.map((item, ii) => (
                  <Table.Tr key={ii}>
                    <Table.Td w={40}>{item.no}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${q.code}.${item.no} ${t('editor.text')}`}
                        value={item.text.th}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          change((d) => void (d.questions[qi]!.items![ii]!.text.th = v));
                        }}
                      />
                    </Table.Td>
                    <Table.Td w={170}>
                      <Select
                        aria-label={`${q.code}.${item.no} ${t('editor.scale')}`}
                        value={item.scale}
                        data={scales}
                        allowDeselect={false}
                        onChange={(v) => v && change((d) => void (d.questions[qi]!.items![ii]!.scale = v))}
                      />
                    </Table.Td>
                    <Table.Td w={150}>
                      <Select
                        aria-label={`${q.code}.${item.no} ${t('editor.polarity')}`}
                        value={item.polarity}
                        data={polarities}
                        allowDeselect={false}
                        onChange={(v) => v && change((d) => void (d.questions[qi]!.items![ii]!.polarity = v as Item['polarity']))}
                      />
                    </Table.Td>
                    <Table.Td w={40}>
                      <RemoveButton
                        label={`${t('editor.removeItem')} ${q.code}.${item.no}`}
                        onClick={() =>
                          change((d) => {
                            const items = d.questions[qi]!.items!.filter((_, k) => k !== ii);
                            d.questions[qi]!.items = items.length ? items.map((it, k) => ({ ...it, no: k + 1 })) : null;
                          })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group mt={4}>
            <Button
              size="xs"
              variant="subtle"
              onClick={() =>
                change((d) => {
                  const question = d.questions[qi]!;
                  const last = question.items?.at(-1);
                  const item: Item = {
                    no: (question.items?.length ?? 0) + 1,
                    text: { th: question.items ? '' : question.text.th },
                    scale: last?.scale ?? scales[0] ?? '',
                    polarity: last?.polarity ?? 'positive',
                  };
                  question.items = [...(question.items ?? []), item];
                })
              }
            >
              {t('editor.addItem')}
            </Button>
          </Group>
        </Card>
      ))}
      <Group>
        <Button
          variant="light"
          disabled={surveyIndicators.length === 0}
          onClick={() =>
            change((d) => {
              const indicator = d.questions.at(-1)?.indicator ?? Number(surveyIndicators[0]!.value);
              const prefix = questionPrefix(d, indicator);
              const code = nextCode(
                prefix,
                d.questions.map((x) => x.code),
              );
              d.questions.push({ code, indicator, text: { th: '' }, items: null });
            })
          }
          data-testid="editor-add-question"
        >
          {t('editor.addQuestion')}
        </Button>
      </Group>
    </Stack>
  );
}
