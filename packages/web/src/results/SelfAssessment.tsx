import { Badge, Card, Group, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http, ok } from '../api/client';

/** The year's self-assessment scores beside the official ones (source self-assessment), for those who may see the surveys. */
export function SelfAssessment({ slug, year, official }: { slug: string; year: number; official: Record<string, number> }) {
  const { t } = useTranslation();
  const rounds = useQuery({
    queryKey: ['surveys', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/surveys', { params: { path: { agency: slug } } })),
    retry: false,
  });
  const ofYear = (rounds.data ?? []).filter((r) => r.fiscalYear === year);
  const results = useQueries({
    queries: ofYear.map((round) => ({
      queryKey: ['survey-result', round.id],
      queryFn: () => ok(http.GET('/api/surveys/{id}/result', { params: { path: { id: round.id } } })),
    })),
  });
  if (!ofYear.length) return null;
  return (
    <Card withBorder data-testid="self-assessment">
      <Text fw={700}>{t('results.selfAssessment')}</Text>
      {ofYear.map((round, i) => {
        const data = results[i]?.data;
        const score = data?.result?.tools[round.tool];
        const compared = official[round.tool];
        return (
          <Group key={round.id} gap="xs" mt={4}>
            <Badge variant="light">{round.tool}</Badge>
            <Text size="sm">
              {score === undefined
                ? t('results.selfNoAnswers')
                : t('results.selfScore', { score: score.toFixed(2), count: data?.respondents ?? 0 })}
              {score !== undefined && compared !== undefined && ` · ${t('results.selfOfficial', { score: compared.toFixed(2) })}`}
            </Text>
            {round.open && (
              <Badge color="teal" variant="light">
                {t('surveys.open')}
              </Badge>
            )}
          </Group>
        );
      })}
    </Card>
  );
}
