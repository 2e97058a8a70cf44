import { Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { offeredFiscalYears } from '@prongsai/core/thai';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { http, ok } from '../api/client';
import { fiscalYearOf, todayInBangkok } from '../i18n/dates';
import { useYearChoice } from '../layout/yearChoice';
import { CommitteeEditor } from './CommitteeEditor';
import { MemoEditor, type MemoKind, type MemoView } from './MemoEditor';
import { EmblemUpload } from './EmblemUpload';
import { PublishPanel } from './PublishPanel';
import { DocumentButton, type DocumentRequest } from './DocumentButton';
import { FiscalYearSelect } from '../forms/FiscalYearSelect';
import { unitWords } from '../agency/unit-words';

export function DocumentsPage() {
  const { t, i18n } = useTranslation();
  const { agency: slug = '' } = useParams();
  // Opens on the year last chosen here, else the current fiscal year; any offered year can be
  // chosen (a committee order or memo needs no plan), and stays chosen after a reload.
  const plans = useQuery({
    queryKey: ['plans', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/plans', { params: { path: { agency: slug } } })),
  });
  const planYears = (plans.data ?? []).map((p) => p.fiscalYear);
  const current = fiscalYearOf(todayInBangkok());
  const [remembered, setYear] = useYearChoice('documents', slug, offeredFiscalYears(current, planYears));
  const year = remembered ?? current;
  const [round, setRound] = useState<6 | 12>(6);
  const [editingCommittee, setEditingCommittee] = useState(false);
  const agency = useQuery({
    queryKey: ['agency', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}', { params: { path: { agency: slug } } })),
  });
  const committee = useQuery({
    queryKey: ['committee-draft', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/committees/{year}/draft', { params: { path: { agency: slug, year } } })),
  });
  const memos = useQuery({
    queryKey: ['memos', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/memos/{year}', { params: { path: { agency: slug, year } } })),
  });
  const units = unitWords(agency.data?.unitTerm, i18n.language);
  const [editingMemo, setEditingMemo] = useState<MemoKind | null>(null);
  // The secretariat (and central admins) write the committee and upload the emblem: the draft says whether the caller may.
  const canEditCommittee = committee.data?.can.edit === true;
  const documents: { key: string; title: string; hint: string; body: Omit<DocumentRequest, 'format'> }[] = [
    { key: 'measures', title: t('documents.measures'), hint: t('documents.measuresHint'), body: { kind: 'measures', year } },
    {
      key: 'progress',
      title: t('documents.progress'),
      hint: t(`progress.rounds.${round}`),
      body: { kind: 'progress', year, round },
    },
    { key: 'order', title: t('documents.order'), hint: '', body: { kind: 'order', year } },
    { key: 'tasks', title: t('documents.tasks', units), hint: t('documents.tasksHint', units), body: { kind: 'tasks', year } },
    // The memos the agency's kind has (the schools' one only where its year has the schools' step) and
    // any issued before its kind lost it, named for its kind; a Bangkok district office's worded as before.
    ...(memos.data ?? []).map((memo) => ({
      key: `memo-${memo.kind}`,
      title: i18n.language.startsWith('en') ? memo.nameEn : memo.nameTh,
      hint:
        memo.kind === 'collection' && agency.data?.kind === 'district'
          ? t('memo.collectionHintDistrict')
          : t(`memo.${memo.kind}Hint`, { to: memo.document.to }),
      body: { kind: 'memo' as const, memoKind: memo.kind, year },
    })),
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('documents.title')}</Title>
        <Group align="flex-end">
          <FiscalYearSelect value={year} onChange={setYear} years={planYears} data-testid="documents-year" />
          <Select
            label={t('progress.round')}
            value={String(round)}
            onChange={(v) => setRound(v === '12' ? 12 : 6)}
            data={['6', '12'].map((r) => ({ value: r, label: t(`progress.rounds.${r}`) }))}
            w={250}
          />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {documents.map((d) => (
          <Card withBorder key={`${d.key}-${year}-${round}`} data-testid={`document-${d.key}`}>
            <Text fw={600}>{d.title}</Text>
            <Text size="xs" c="dimmed" mb="sm">
              {d.hint}
            </Text>
            {d.key === 'order' && (
              <Stack gap={4} mb="xs" data-testid="committee-summary">
                <Text size="xs" c={committee.data?.source === 'saved' ? undefined : 'orange'}>
                  {committee.data?.source === 'saved'
                    ? t('committee.saved', {
                        number: committee.data.committee.orderNumber,
                        count: committee.data.committee.members.length,
                      })
                    : t('committee.none')}
                </Text>
                {canEditCommittee && (
                  <>
                    <Button size="xs" variant="outline" onClick={() => setEditingCommittee(true)} data-testid="committee-edit">
                      {t('committee.edit')}
                    </Button>
                    <EmblemUpload slug={slug} />
                  </>
                )}
              </Stack>
            )}
            {d.key.startsWith('memo-') && (
              <MemoSummary
                memo={memos.data?.find((m) => `memo-${m.kind}` === d.key) ?? null}
                onEdit={(kind) => setEditingMemo(kind)}
              />
            )}
            <Stack gap="xs">
              <DocumentButton slug={slug} body={{ ...d.body, format: 'pdf' }} label="PDF" />
              <DocumentButton slug={slug} body={{ ...d.body, format: 'docx' }} label="DOCX" />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <MemoEditor
        slug={slug}
        year={year}
        memo={memos.data?.find((m) => m.kind === editingMemo) ?? null}
        onClose={() => setEditingMemo(null)}
      />
      <CommitteeEditor
        slug={slug}
        agencyId={agency.data?.id ?? null}
        year={year}
        opened={editingCommittee}
        onClose={() => setEditingCommittee(false)}
      />
      <Card withBorder>
        <Text fw={600}>{t('documents.openData')}</Text>
        <Text size="xs" c="dimmed" mb="sm">
          {t('documents.openDataHint')}
        </Text>
        <Stack gap={4}>
          {(['results', 'analysis', 'measures'] as const).map((dataset) => {
            const fy = dataset === 'measures' ? year : year - 1;
            return (
              <Group key={dataset} gap="sm">
                <Text size="sm" w={160}>
                  {t(`documents.${dataset === 'measures' ? 'measuresData' : dataset}`)} {fy}
                </Text>
                <Anchor href={`/api/open-data/${slug}/${fy}/${dataset}.csv`} size="sm">
                  CSV
                </Anchor>
                <Anchor href={`/api/open-data/${slug}/${fy}/${dataset}.json`} size="sm">
                  JSON
                </Anchor>
              </Group>
            );
          })}
          <Anchor href={`/api/agencies/${slug}/workbook/${year}`} size="sm">
            {t('documents.workbook')}
          </Anchor>
        </Stack>
      </Card>
      <Card withBorder>
        <Text fw={600}>{t('documents.publishTitle')}</Text>
        <Text size="xs" c="dimmed" mb="sm">
          {t('documents.publishHint')}
        </Text>
        <PublishPanel slug={slug} year={year} canPublish={agency.data?.can.publish ?? false} />
      </Card>
      <Alert color="gray">{`/api/open-data/${slug}/<ปี>/results.csv`}</Alert>
    </Stack>
  );
}

/** A memo's state on its card: issued with its number, or a draft; and the button that opens it. */
function MemoSummary({ memo, onEdit }: { memo: MemoView | null; onEdit: (kind: MemoKind) => void }) {
  const { t } = useTranslation();
  if (!memo) return null;
  return (
    <Stack gap={4} mb="xs" data-testid={`memo-summary-${memo.kind}`}>
      <Text size="xs" c={memo.issuedAt ? undefined : 'orange'}>
        {memo.issuedAt ? t('memo.issued', { number: memo.document.number, date: memo.document.date }) : t('memo.draft')}
      </Text>
      {memo.outdated && (
        <Text size="xs" c="orange">
          {t('memo.outdatedShort')}
        </Text>
      )}
      <Button size="xs" variant="outline" onClick={() => onEdit(memo.kind)} data-testid={`memo-edit-${memo.kind}`}>
        {memo.issuedAt ? t('memo.view') : t('memo.edit')}
      </Button>
    </Stack>
  );
}
