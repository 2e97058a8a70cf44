import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok, type ApiData, type User } from '../api/client';
import { NumberedTextList } from '../forms/NumberedTextList';
import { ThaiDateInput } from '../forms/ThaiDateInput';

/** The committee to edit, where it comes from, the roles to pick and what the caller may do. */
export type CommitteeDraft = ApiData<'/api/agencies/{agency}/committees/{year}/draft'>;
export type Committee = CommitteeDraft['committee'];
type Member = Committee['members'][number];
type Account = User;

const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

/** Paragraphs are written one per block, separated by an empty line. */
const toParagraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .join(' ')
        .trim(),
    )
    .filter((p) => p !== '');

/**
 * The ITA committee and its appointment order (seed 002): members typed or taken from the
 * agency's accounts, each with a role; duties; order number, date and signatory. Opens on the
 * year's own committee, else last year's carried over, else the template.
 */
export function CommitteeEditor({
  slug,
  agencyId,
  year,
  opened,
  onClose,
}: {
  slug: string;
  agencyId: number | null;
  year: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const client = useQueryClient();
  const draft = useQuery({
    queryKey: ['committee-draft', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/committees/{year}/draft', { params: { path: { agency: slug, year } } })),
    enabled: opened,
  });
  const accounts = useQuery({
    queryKey: ['users', agencyId],
    queryFn: (): Promise<Account[]> => ok(http.GET('/api/users', { params: { query: agencyId ? { agency: agencyId } : {} } })),
    enabled: opened,
  });
  const [form, setForm] = useState<Committee | null>(null);
  const [preamble, setPreamble] = useState('');
  useEffect(() => {
    if (draft.data && opened) {
      setForm(draft.data.committee);
      setPreamble(draft.data.committee.preamble.join('\n\n'));
    }
  }, [draft.data, opened]);
  const save = useMutation({
    mutationFn: (committee: Committee) =>
      ok(http.PUT('/api/agencies/{agency}/committees/{year}', { params: { path: { agency: slug, year } }, body: committee })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['committee-draft', slug, year] });
      onClose();
    },
  });
  const roles = draft.data?.roles ?? [];
  const set = (changes: Partial<Committee>) => form && setForm({ ...form, ...changes });
  const setMember = (i: number, changes: Partial<Member>) =>
    form && set({ members: form.members.map((m, k) => (k === i ? { ...m, ...changes } : m)) });
  const missing = form
    ? [
        !form.orderNumber.trim() && t('committee.orderNumber'),
        !form.signedDate && t('committee.signedDate'),
        !form.signatoryName.trim() && t('committee.signatoryName'),
        form.members.some((m) => !m.name.trim() || !m.role.trim()) && t('committee.members'),
      ].filter((x): x is string => typeof x === 'string')
    : [];
  const error = save.error;

  return (
    <Modal opened={opened} onClose={onClose} title={t('committee.title', { year })} size="80rem" fullScreen={phone}>
      {!form ? (
        <Text size="sm">{t('committee.loading')}</Text>
      ) : (
        <Stack data-testid="committee-editor">
          {draft.data?.source === 'carried' && (
            <Alert color="blue" p="xs" data-testid="committee-source">
              {t('committee.carried', { year: draft.data.fromYear })}
            </Alert>
          )}
          {draft.data?.source === 'template' && (
            <Alert color="blue" p="xs" data-testid="committee-source">
              {t('committee.template')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('committee.orderNumber')}
              placeholder="๑๒/๒๕๖๙"
              required
              value={form.orderNumber}
              onChange={(e) => set({ orderNumber: e.currentTarget.value })}
              data-testid="committee-order-number"
            />
            <ThaiDateInput
              label={t('committee.signedDate')}
              required
              value={form.signedDate || null}
              onChange={(v) => set({ signedDate: v ?? '' })}
              data-testid="committee-signed-date"
            />
          </SimpleGrid>
          <Textarea
            label={t('committee.subject')}
            autosize
            value={form.subject}
            onChange={(e) => set({ subject: e.currentTarget.value })}
          />
          <Textarea
            label={t('committee.preamble')}
            description={t('committee.paragraphs')}
            autosize
            minRows={3}
            value={preamble}
            onChange={(e) => setPreamble(e.currentTarget.value)}
          />
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('committee.members')} ({form.members.length})
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table fz="sm" data-testid="committee-members">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>{t('committee.no')}</Table.Th>
                    <Table.Th>{t('committee.memberName')}</Table.Th>
                    <Table.Th w={280}>{t('committee.role')}</Table.Th>
                    <Table.Th w={110} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.members.map((m, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${t('committee.memberName')} ${i + 1}`}
                          value={m.name}
                          onChange={(e) => setMember(i, { name: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Autocomplete
                          aria-label={`${t('committee.role')} ${i + 1}`}
                          data={roles}
                          value={m.role}
                          onChange={(role) => setMember(i, { role })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('committee.up')}
                            disabled={i === 0}
                            onClick={() => set({ members: move(form.members, i, i - 1) })}
                          >
                            ↑
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('committee.down')}
                            disabled={i === form.members.length - 1}
                            onClick={() => set({ members: move(form.members, i, i + 1) })}
                          >
                            ↓
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('committee.remove')}
                            onClick={() => set({ members: form.members.filter((_, k) => k !== i) })}
                          >
                            ×
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group mt="xs" align="flex-end">
              <Button
                size="xs"
                variant="light"
                onClick={() => set({ members: [...form.members, { name: '', role: 'คณะกรรมการ' }] })}
                data-testid="committee-add-member"
              >
                {t('committee.addMember')}
              </Button>
              <Select
                size="xs"
                w={320}
                placeholder={t('committee.fromAccounts')}
                searchable
                value={null}
                data={(accounts.data ?? [])
                  .filter((a) => !a.disabled)
                  .map((a) => ({ value: String(a.id), label: a.displayName }))}
                onChange={(id) => {
                  const account = accounts.data?.find((a) => String(a.id) === id);
                  if (account) set({ members: [...form.members, { name: account.displayName, role: 'คณะกรรมการ' }] });
                }}
                data-testid="committee-from-accounts"
              />
            </Group>
          </div>
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('committee.duties')}
            </Text>
            <NumberedTextList label={t('committee.duties')} items={form.duties} onChange={(duties) => set({ duties })} />
            <Button size="xs" variant="light" mt="xs" onClick={() => set({ duties: [...form.duties, ''] })}>
              {t('committee.addDuty')}
            </Button>
          </div>
          <TextInput
            label={t('committee.closing')}
            value={form.closing}
            onChange={(e) => set({ closing: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('committee.signatoryName')}
              required
              value={form.signatoryName}
              onChange={(e) => set({ signatoryName: e.currentTarget.value })}
              data-testid="committee-signatory"
            />
            <TextInput
              label={t('committee.signatoryTitle')}
              required
              value={form.signatoryTitle}
              onChange={(e) => set({ signatoryTitle: e.currentTarget.value })}
            />
          </SimpleGrid>
          {missing.length > 0 && (
            <Text size="xs" c="orange" data-testid="committee-missing">
              {t('committee.missing', { fields: missing.join(', ') })}
            </Text>
          )}
          {error instanceof ApiError && (
            <Alert color="red" role="alert">
              {i18n.language === 'th' ? error.messageTh : error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('committee.cancel')}
            </Button>
            <Button
              disabled={missing.length > 0}
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  ...form,
                  preamble: toParagraphs(preamble),
                  duties: form.duties.map((d) => d.trim()).filter((d) => d !== ''),
                })
              }
              data-testid="committee-save"
            >
              {t('committee.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
