import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { roundEndsOn } from '@prongsai/core/thai';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok } from '../api/client';
import type { RoundView } from '../api/measures';
import { formatIsoDate, todayInBangkok } from '../i18n/dates';

/** Measures whose report was never sent (or came back), and those sent but not yet accepted. */
export function pendingOf(view: RoundView) {
  const name = ({ entry }: RoundView['entries'][number]) =>
    entry.questionCode ?? entry.title ?? (entry.indicatorNumber ? `ตัวชี้วัดที่ ${entry.indicatorNumber}` : `#${entry.id}`);
  return {
    unsent: view.entries.filter((e) => e.report.review === 'draft' || e.report.review === 'returned').map(name),
    unreviewed: view.entries.filter((e) => e.report.review === 'submitted').map(name),
  };
}

/**
 * The executive's sign-off: what is still unsent or unreviewed, a confirmation, and — while
 * anything is missing — the reason for approving anyway, which the server requires and audits.
 */
export function ApproveDialog({
  view,
  slug,
  year,
  onClose,
}: {
  view: RoundView;
  slug: string;
  year: number;
  onClose: (approved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const pending = pendingOf(view);
  const endsOn = roundEndsOn(view.round, year);
  const today = todayInBangkok();
  const running = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}` < endsOn;
  const incomplete = pending.unsent.length + pending.unreviewed.length > 0 || running;
  const approve = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/plans/{year}/rounds/{round}/approve', {
          params: { path: { agency: slug, year, round: view.round } },
          body: incomplete ? { reason } : {},
        }),
      ),
    onSuccess: () => onClose(true),
  });
  const error =
    approve.error instanceof ApiError ? (i18n.language === 'th' ? approve.error.messageTh : approve.error.message) : null;
  return (
    <Modal opened onClose={() => onClose(false)} title={t('progress.approveTitle')} size="lg">
      <Stack data-testid="approve-dialog">
        {running && (
          <Alert color="orange" title={t('progress.approvePeriodRunning')} data-testid="approve-period-running">
            {t('progress.approvePeriodEnds', { date: formatIsoDate(endsOn, i18n.language) })}
          </Alert>
        )}
        {pending.unsent.length + pending.unreviewed.length > 0 ? (
          <Alert color="orange" title={t('progress.approveIncomplete')}>
            {pending.unsent.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('progress.approveUnsent', { count: pending.unsent.length })}
                </Text>
                <List size="sm">
                  {pending.unsent.map((n) => (
                    <List.Item key={n}>{n}</List.Item>
                  ))}
                </List>
              </>
            )}
            {pending.unreviewed.length > 0 && (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {t('progress.approveUnreviewed', { count: pending.unreviewed.length })}
                </Text>
                <List size="sm">
                  {pending.unreviewed.map((n) => (
                    <List.Item key={n}>{n}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        ) : (
          <Text size="sm">{t('progress.approveComplete', { count: view.entries.length })}</Text>
        )}
        <Text size="sm">{t('progress.approveLocks')}</Text>
        {incomplete && (
          <Textarea
            label={t('progress.approveReason')}
            description={t('progress.approveReasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            data-testid="approve-reason"
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('progress.cancel')}
          </Button>
          <Button
            color={incomplete ? 'orange' : 'teal'}
            disabled={incomplete && reason.trim() === ''}
            loading={approve.isPending}
            onClick={() => approve.mutate()}
            data-testid="approve-confirm"
          >
            {incomplete ? t('progress.approveAnyway') : t('progress.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
