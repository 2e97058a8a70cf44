import { Alert, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, ok } from '../api/client';
import { fmt, LEVEL_COLORS, type AssessmentDetail, type FrameworkInfo, type Presented } from '../api/results';

function Outcome({ result, framework }: { result: Presented; framework: FrameworkInfo }) {
  return (
    <Group gap="xs">
      <Text fw={700}>ITA {fmt(result.ita)}</Text>
      {result.levelId && <Badge color={LEVEL_COLORS[result.levelId] ?? 'gray'}>{result.level}</Badge>}
      {framework.tools.map((tool) => (
        <Text key={tool.code} size="sm">
          {tool.code} {fmt(result.tools[tool.code])}
        </Text>
      ))}
    </Group>
  );
}

/** Raise chosen questions and see the scores at once; or ask for the fewest raises that reach a level. */
export function WhatIfPanel({
  agencySlug,
  year,
  detail,
  framework,
}: {
  agencySlug: string;
  year: number;
  detail: AssessmentDetail;
  framework: FrameworkInfo;
}) {
  const { t, i18n } = useTranslation();
  const [targets, setTargets] = useState<Record<string, number>>({});
  const [level, setLevel] = useState<string>(framework.levels[0]?.id ?? 'excellent');
  const [target, setTarget] = useState(100);
  const candidates = detail.weak.flat.map((p) => p.code);
  const whatIf = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/assessments/{year}/what-if', {
          params: { path: { agency: agencySlug, year } },
          body: { changes: targets },
        }),
      ),
  });
  const plan = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/assessments/{year}/plan', {
          params: { path: { agency: agencySlug, year } },
          body: { level, target },
        }),
      ),
  });
  if (Object.keys(detail.result.questions).length === 0) return null;

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('whatif.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.code')}</Table.Th>
                <Table.Th ta="right">{t('whatif.before')}</Table.Th>
                <Table.Th>{t('whatif.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((code) => (
                <Table.Tr key={code}>
                  <Table.Td>{code}</Table.Td>
                  <Table.Td ta="right">{fmt(detail.result.questions[code])}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      max={100}
                      decimalScale={2}
                      aria-label={`${t('whatif.target')} ${code}`}
                      value={targets[code] ?? ''}
                      onChange={(v) => {
                        const next = { ...targets };
                        if (v === '' || v === undefined) delete next[code];
                        else next[code] = Number(v);
                        setTargets(next);
                      }}
                      w={100}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button
              onClick={() => whatIf.mutate()}
              disabled={Object.keys(targets).length === 0}
              loading={whatIf.isPending}
              data-testid="whatif-calculate"
            >
              {t('whatif.calculate')}
            </Button>
            <Button variant="subtle" onClick={() => setTargets({})}>
              {t('whatif.reset')}
            </Button>
          </Group>
          {whatIf.data && (
            <Alert color="teal" title={t('whatif.after')} data-testid="whatif-result">
              <Outcome result={whatIf.data} framework={framework} />
            </Alert>
          )}
        </Stack>
        <Stack>
          <Group align="flex-end">
            <Select
              label={t('whatif.planLevel')}
              value={level}
              onChange={(v) => setLevel(v ?? level)}
              data={framework.levels.map((l) => ({
                value: l.id,
                label: i18n.language === 'th' ? l.name.th : (l.name.en ?? l.name.th),
              }))}
              w={200}
            />
            <NumberInput
              label={t('whatif.planTarget')}
              value={target}
              onChange={(v) => setTarget(Number(v) || 100)}
              min={1}
              max={100}
              w={110}
            />
            <Button onClick={() => plan.mutate()} loading={plan.isPending} data-testid="plan-run">
              {t('whatif.plan')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('whatif.method')}
          </Text>
          {plan.data &&
            (plan.data.reachable ? (
              <Alert color="teal" title={t('whatif.planResult', { count: plan.data.steps.length })} data-testid="plan-result">
                <Text size="sm">{plan.data.steps.map((s) => `${s.code} ${fmt(s.from)}→${fmt(s.to)}`).join(', ')}</Text>
                <Outcome result={plan.data.result} framework={framework} />
              </Alert>
            ) : (
              <Alert color="orange">{t('whatif.unreachable')}</Alert>
            ))}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
