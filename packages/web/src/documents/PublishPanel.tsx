import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok, type ApiBody } from '../api/client';
import { formatTimestamp } from '../i18n/dates';

interface Target {
  kind: ApiBody<'/api/agencies/{agency}/publications', 'post'>['kind'];
  year: number;
  round?: 6 | 12;
  label: string;
}

/**
 * What the public sees, per results, plan and round: published on purpose by the secretariat,
 * with its date, published again to bring later changes, or withdrawn (audited on the server).
 */
export function PublishPanel({ slug, year, canPublish }: { slug: string; year: number; canPublish: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<{ id: number; label: string } | null>(null);
  const key = ['publications', slug];
  const list = useQuery({
    queryKey: key,
    queryFn: () => ok(http.GET('/api/agencies/{agency}/publications', { params: { path: { agency: slug } } })),
  });
  const errorText = (e: unknown) =>
    e instanceof ApiError ? (i18n.language === 'th' ? e.messageTh : e.message) : t('documents.publishFailed');
  const publish = useMutation({
    mutationFn: (target: Target) =>
      ok(
        http.POST('/api/agencies/{agency}/publications', {
          params: { path: { agency: slug } },
          body: { kind: target.kind, year: target.year, round: target.round },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const withdraw = useMutation({
    mutationFn: (id: number) => ok(http.POST('/api/publications/{id}/withdraw', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const targets: Target[] = [
    { kind: 'results', year: year - 1, label: `${t('documents.results')} ${year - 1}` },
    { kind: 'plan', year, label: `${t('documents.measuresData')} ${year}` },
    { kind: 'round', year, round: 6, label: `${t('progress.rounds.6')} ${year}` },
    { kind: 'round', year, round: 12, label: `${t('progress.rounds.12')} ${year}` },
  ];
  const liveOf = (target: Target) =>
    list.data?.find(
      (p) => p.live && p.kind === target.kind && p.fiscalYear === target.year && (p.round ?? undefined) === target.round,
    );
  return (
    <Stack gap="xs" data-testid="publish-panel">
      {targets.map((target) => {
        const live = liveOf(target);
        const id = `${target.kind}-${target.year}-${target.round ?? ''}`;
        return (
          <Group key={id} gap="sm" wrap="wrap">
            <Text size="sm" w={220}>
              {target.label}
            </Text>
            {live ? (
              <Badge color="green" variant="light">
                {t('documents.publishedAt', { date: formatTimestamp(live.publishedAt, i18n.language) })}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                {t('documents.notPublished')}
              </Badge>
            )}
            {canPublish && (
              <Button
                size="compact-xs"
                variant="light"
                data-testid={`publish-${id}`}
                loading={publish.isPending && publish.variables === target}
                onClick={() => publish.mutate(target)}
              >
                {live ? t('documents.republish') : t('documents.publish')}
              </Button>
            )}
            {canPublish && live && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => setConfirming({ id: live.id, label: target.label })}
              >
                {t('documents.withdraw')}
              </Button>
            )}
          </Group>
        );
      })}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('documents.withdraw')}>
        <Stack>
          <Text size="sm">{t('documents.withdrawConfirm', { what: confirming?.label ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('documents.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (confirming) withdraw.mutate(confirming.id);
                setConfirming(null);
              }}
            >
              {t('documents.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {(publish.error || withdraw.error) && (
        <Text size="xs" c="red" role="alert">
          {errorText(publish.error ?? withdraw.error)}
        </Text>
      )}
    </Stack>
  );
}
