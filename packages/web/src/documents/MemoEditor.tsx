import { ActionIcon, Alert, Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok, type ApiBody, type ApiData } from '../api/client';
import { NumberedTextList } from '../forms/NumberedTextList';
import { ThaiDateInput } from '../forms/ThaiDateInput';

/** One memo of the year as the editor shows it. */
export type MemoView = ApiData<'/api/agencies/{agency}/memos/{year}'>[number];
export type MemoKind = MemoView['kind'];
type Signer = MemoView['document']['signers'][number];
type MemoContent = ApiBody<'/api/agencies/{agency}/memos/{year}/{kind}', 'put'>;

interface Form {
  phone: string;
  number: string;
  date: string | null;
  to: string;
  origin: string;
  /** The instructions as the editor shows them, and whether they are the calendar's own. */
  instructions: string[];
  fromCalendar: boolean;
  signers: Signer[];
}

const formOf = (memo: MemoView): Form => ({
  phone: memo.content.phone ?? '',
  number: memo.content.number ?? '',
  date: memo.content.date ?? null,
  to: memo.content.to ?? '',
  origin: memo.content.origin ?? '',
  instructions: memo.content.instructions?.length ? memo.content.instructions : memo.calendarInstructions,
  fromCalendar: !memo.content.instructions?.length,
  // The printed signers, with the brackets and dotted line of an unnamed one taken off.
  signers: memo.document.signers.map((s) => ({ name: s.name.replace(/^\(|\)$/g, '').replace(/^\.+$/, ''), titles: s.titles })),
});

const contentOf = (form: Form): MemoContent => ({
  phone: form.phone.trim() || undefined,
  number: form.number.trim() || undefined,
  date: form.date ?? undefined,
  to: form.to.trim() || undefined,
  origin: form.origin.trim() || undefined,
  instructions: form.fromCalendar ? undefined : form.instructions.map((i) => i.trim()).filter((i) => i !== ''),
  signers: form.signers
    .map((s) => ({ name: s.name.trim(), titles: s.titles.map((t) => t.trim()).filter((t) => t !== '') }))
    .filter((s) => s.name !== '' || s.titles.length > 0),
});

/**
 * A memo (บันทึกข้อความ) of the year, seed 002's form: its number, date, recipient, origin,
 * the calendar's instructions (rewritable, with a warning when the calendar's dates move after),
 * and who signs; issuing it locks it.
 */
export function MemoEditor({
  slug,
  year,
  memo,
  onClose,
}: {
  slug: string;
  year: number;
  memo: MemoView | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const client = useQueryClient();
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => setForm(memo ? formOf(memo) : null), [memo]);
  const refresh = () => client.invalidateQueries({ queryKey: ['memos', slug, year] });
  const where = { agency: slug, year };
  const save = useMutation({
    mutationFn: (content: MemoContent) =>
      ok(
        http.PUT('/api/agencies/{agency}/memos/{year}/{kind}', {
          params: { path: { ...where, kind: memo!.kind } },
          body: content,
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const issue = useMutation({
    mutationFn: async (issued: boolean) => {
      const path = { ...where, kind: memo!.kind };
      if (issued && form) {
        await ok(http.PUT('/api/agencies/{agency}/memos/{year}/{kind}', { params: { path }, body: contentOf(form) }));
      }
      return ok(http.PUT('/api/agencies/{agency}/memos/{year}/{kind}/issued', { params: { path }, body: { issued } }));
    },
    onSuccess: () => void refresh(),
  });
  // The secretariat writes and issues memos: the memo says whether the caller may.
  const canEdit = memo?.can.edit === true;
  const locked = !canEdit || memo?.issuedAt !== null;
  const set = (changes: Partial<Form>) => form && setForm({ ...form, ...changes });
  const setSigner = (i: number, changes: Partial<Signer>) =>
    form && set({ signers: form.signers.map((s, k) => (k === i ? { ...s, ...changes } : s)) });
  const error = save.error ?? issue.error;

  return (
    <Modal
      opened={memo !== null}
      onClose={onClose}
      title={memo ? `${i18n.language.startsWith('en') ? memo.nameEn : memo.nameTh} ${t('memo.ofYear', { year })}` : ''}
      size="72rem"
      fullScreen={phone}
    >
      {memo && form && (
        <Stack data-testid="memo-editor">
          {memo.issuedAt && (
            <Alert color="green" p="xs" data-testid="memo-issued">
              {t('memo.issued', { number: memo.document.number, date: memo.document.date })}
            </Alert>
          )}
          {memo.outdated && (
            <Alert color="orange" p="xs" data-testid="memo-outdated">
              {t('memo.outdated')}
            </Alert>
          )}
          {!memo.issuedAt &&
            (memo.warnings ?? []).map((w) => (
              <Alert key={w.code} color={w.blocking ? 'red' : 'orange'} p="xs" data-testid={`memo-warning-${w.code}`}>
                {i18n.language === 'th' ? w.th : w.en}
              </Alert>
            ))}
          {memo.frameworkFromEarlierYear && memo.kind === 'collection' && (
            <Text size="xs" c="dimmed">
              {t('memo.earlierFramework', { framework: memo.frameworkId })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('memo.number')}
              placeholder="กท ๗๐๐๑/..."
              value={form.number}
              disabled={locked}
              onChange={(e) => set({ number: e.currentTarget.value })}
              data-testid="memo-number"
            />
            <ThaiDateInput
              label={t('memo.date')}
              description={t('memo.dateHint')}
              value={form.date}
              disabled={locked}
              onChange={(date) => set({ date })}
            />
            <TextInput
              label={t('memo.phone')}
              value={form.phone}
              disabled={locked}
              onChange={(e) => set({ phone: e.currentTarget.value })}
            />
          </SimpleGrid>
          <TextInput
            label={t('memo.to')}
            placeholder={memo.document.to}
            value={form.to}
            disabled={locked}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
          <Textarea
            label={t('memo.origin')}
            description={t('memo.originHint')}
            autosize
            minRows={2}
            value={form.origin}
            disabled={locked}
            onChange={(e) => set({ origin: e.currentTarget.value })}
          />
          <div>
            <Group justify="space-between" mb={4}>
              <Text fw={600} size="sm">
                {t('memo.instructions')}
              </Text>
              <Badge variant="light" color={form.fromCalendar ? 'teal' : 'gray'} data-testid="memo-instructions-source">
                {form.fromCalendar ? t('memo.fromCalendar') : t('memo.rewritten')}
              </Badge>
            </Group>
            <NumberedTextList
              label={t('memo.instructions')}
              items={form.instructions}
              disabled={locked}
              onChange={(instructions) => set({ instructions, fromCalendar: false })}
            />
            {!locked && (
              <Group mt="xs" gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => set({ instructions: [...form.instructions, ''], fromCalendar: false })}
                >
                  {t('memo.addInstruction')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  disabled={form.fromCalendar}
                  onClick={() => set({ instructions: memo.calendarInstructions, fromCalendar: true })}
                  data-testid="memo-reset-instructions"
                >
                  {t('memo.resetInstructions')}
                </Button>
              </Group>
            )}
          </div>
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('memo.signers')}
            </Text>
            <Stack gap={6}>
              {form.signers.map((signer, i) => (
                <SimpleGrid key={i} cols={{ base: 1, sm: 2 }} spacing="xs">
                  <TextInput
                    aria-label={`${t('memo.signerName')} ${i + 1}`}
                    placeholder={t('memo.signerName')}
                    value={signer.name}
                    disabled={locked}
                    onChange={(e) => setSigner(i, { name: e.currentTarget.value })}
                    data-testid={`memo-signer-${i}`}
                  />
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Textarea
                      style={{ flex: 1 }}
                      autosize
                      aria-label={`${t('memo.signerTitles')} ${i + 1}`}
                      description={i === 0 ? t('memo.signerTitlesHint') : undefined}
                      value={signer.titles.join('\n')}
                      disabled={locked}
                      onChange={(e) => setSigner(i, { titles: e.currentTarget.value.split('\n') })}
                    />
                    {!locked && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={6}
                        aria-label={t('committee.remove')}
                        onClick={() => set({ signers: form.signers.filter((_, k) => k !== i) })}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                </SimpleGrid>
              ))}
            </Stack>
            {!locked && form.signers.length < 5 && (
              <Button
                size="xs"
                variant="light"
                mt="xs"
                onClick={() => set({ signers: [...form.signers, { name: '', titles: [''] }] })}
              >
                {t('memo.addSigner')}
              </Button>
            )}
          </div>
          {error instanceof ApiError && (
            <Alert color="red" role="alert">
              {i18n.language === 'th' ? error.messageTh : error.message}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {canEdit && !memo.issuedAt ? t('memo.issueHint') : ''}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('committee.cancel')}
              </Button>
              {canEdit && memo.issuedAt && (
                <Button variant="outline" color="orange" loading={issue.isPending} onClick={() => issue.mutate(false)}>
                  {t('memo.reopen')}
                </Button>
              )}
              {canEdit && !memo.issuedAt && (
                <>
                  <Button
                    variant="outline"
                    loading={save.isPending}
                    onClick={() => save.mutate(contentOf(form))}
                    data-testid="memo-save"
                  >
                    {t('memo.save')}
                  </Button>
                  <Button
                    disabled={!form.number.trim() || (memo.warnings ?? []).some((w) => w.blocking)}
                    loading={issue.isPending}
                    onClick={() => issue.mutate(true)}
                    data-testid="memo-issue"
                  >
                    {t('memo.issue')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
