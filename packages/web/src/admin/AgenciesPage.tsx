import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useAgencyKinds } from '../agency/unit-words';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fileToBase64, http, ok, type ApiBody, type ApiData } from '../api/client';
import { useMe } from '../auth/session';

type ImportPlan = ApiData<'/api/agencies/import', 'post'>;
type AgencyKindEntry = ApiData<'/api/agency-kinds'>[number];

/** A bad row as the server names it (row, column, Thai and English). */
interface RowProblem {
  row?: number;
  column?: string;
  message: string;
  th?: string;
}

/** Rows of the plan shown on the page; the counts above cover every row. */
const SHOWN_ROWS = 200;

/**
 * Central admins: add and update agencies from a CSV or XLSX list (a dry run first), and the kinds of agency.
 * What is offered is what the server says the account may do: an overseer of part of the tree only reads.
 */
export function AgenciesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canImport = me.abilities.importAgencies === true;
  const thai = i18n.language !== 'en';
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const kinds = useAgencyKinds();
  /** The kind being edited as JSON: an existing one (by id) or a new one (null id). */
  const [editing, setEditing] = useState<{ id: string | null; text: string } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const saveKind = useMutation({
    mutationFn: async ({ id, text }: { id: string | null; text: string }) => {
      const body = JSON.parse(text) as ApiBody<'/api/agency-kinds', 'post'>;
      if (id === null) return ok(http.POST('/api/agency-kinds', { body }));
      const { id: _ignored, ...rest } = body;
      return ok(http.PUT('/api/agency-kinds/{id}', { params: { path: { id } }, body: rest }));
    },
    onMutate: () => setEditError(null),
    onSuccess: () => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['agency-kinds'] });
    },
    onError: (e) => {
      if (e instanceof SyntaxError) setEditError(t('agencyAdmin.badJson'));
      else if (e instanceof ApiError) setEditError(thai ? e.messageTh : e.message);
      else setEditError(String(e));
    },
  });
  const canAdd = kinds.data?.some((k) => k.can.edit) ?? false;

  const send = useMutation({
    mutationFn: async (dryRun: boolean) =>
      ok(
        http.POST('/api/agencies/import', {
          body: { fileName: file!.name, contentBase64: await fileToBase64(file!), dryRun },
        }),
      ),
    onMutate: () => {
      setError(null);
      setProblems([]);
    },
    onSuccess: (result) => {
      setPlan(result);
      if (!result.dryRun) {
        void queryClient.invalidateQueries({ queryKey: ['agencies'] });
        void queryClient.invalidateQueries({ queryKey: ['agency-search'] });
      }
    },
    onError: (e) => {
      setPlan(null);
      if (e instanceof ApiError) {
        setError(thai ? e.messageTh.split('\n')[0]! : e.message.split('\n')[0]!);
        setProblems(e.problems as unknown as RowProblem[]);
      } else setError(String(e));
    },
  });

  const kindName = (id: string) => {
    const kind = kinds.data?.find((k) => k.kind.id === id)?.kind;
    return kind ? (thai ? kind.nameTh : kind.nameEn) : id;
  };

  return (
    <Stack>
      <Title order={2}>{t('agencyAdmin.title')}</Title>
      {!canImport && (
        <Alert color="gray" data-testid="agencies-national-only">
          {t('agencyAdmin.nationalOnly')}
        </Alert>
      )}
      {canImport && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('agencyAdmin.import')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('agencyAdmin.hint')}
          </Text>
          <Group align="flex-end" mt="sm">
            <FileInput
              label={t('agencyAdmin.file')}
              accept=".csv,.xlsx,text/csv"
              value={file}
              onChange={(next) => {
                setFile(next);
                setPlan(null);
                setProblems([]);
                setError(null);
              }}
              w={320}
              data-testid="agencies-file"
            />
            <Button
              variant="light"
              disabled={!file}
              loading={send.isPending}
              onClick={() => send.mutate(true)}
              data-testid="agencies-check"
            >
              {t('agencyAdmin.check')}
            </Button>
            <Button
              disabled={!plan || !plan.dryRun}
              loading={send.isPending}
              onClick={() => send.mutate(false)}
              data-testid="agencies-import"
            >
              {t('agencyAdmin.run')}
            </Button>
          </Group>
          {error && (
            <Alert
              color="red"
              mt="md"
              title={t('agencyAdmin.refused', { count: problems.length })}
              data-testid="agencies-problems"
            >
              <Text size="sm">{problems.length === 0 ? error : null}</Text>
              <List size="sm">
                {problems.map((p, i) => (
                  <List.Item key={i}>
                    {p.row !== undefined && `${t('agencyAdmin.row')} ${p.row}`}
                    {p.column !== undefined && `, ${t('agencyAdmin.column')} ${p.column}`}:{' '}
                    {thai ? (p.th ?? p.message) : p.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {plan && (
            <Stack mt="md" gap="xs" data-testid="agencies-plan">
              <Alert color={plan.dryRun ? 'blue' : 'green'}>
                {plan.dryRun ? t('agencyAdmin.planned') : t('agencyAdmin.done')}{' '}
                {t('agencyAdmin.counts', {
                  added: plan.added,
                  updated: plan.updated,
                  unchanged: plan.unchanged,
                  divisions: plan.divisionsAdded,
                })}
              </Alert>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agencyAdmin.row')}</Table.Th>
                    <Table.Th>{t('agencyAdmin.code')}</Table.Th>
                    <Table.Th>{t('agencyAdmin.name')}</Table.Th>
                    <Table.Th>{t('agencyAdmin.action')}</Table.Th>
                    <Table.Th>{t('agencyAdmin.changes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.rows
                    .filter((r) => r.action !== 'unchanged')
                    .slice(0, SHOWN_ROWS)
                    .map((r) => (
                      <Table.Tr key={r.code}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.code}</Table.Td>
                        <Table.Td>{r.nameTh}</Table.Td>
                        <Table.Td>
                          <Badge color={r.action === 'add' ? 'green' : 'yellow'} variant="light">
                            {t(`agencyAdmin.actions.${r.action}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {[
                            ...r.changes,
                            ...(r.divisionsAdded > 0 ? [t('agencyAdmin.divisionsAdded', { count: r.divisionsAdded })] : []),
                          ].join(', ')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
              {plan.rows.filter((r) => r.action !== 'unchanged').length > SHOWN_ROWS && (
                <Text size="sm" c="dimmed">
                  {t('agencyAdmin.more', { count: SHOWN_ROWS })}
                </Text>
              )}
            </Stack>
          )}
        </Card>
      )}

      <Group justify="space-between">
        <Title order={3}>{t('agencyAdmin.kinds')}</Title>
        {canAdd && (
          <Button
            variant="light"
            onClick={() => {
              const template = kinds.data?.find((k) => k.kind.id === 'other')?.kind;
              setEditing({ id: null, text: JSON.stringify({ ...template, id: '' }, null, 2) });
            }}
            data-testid="kind-add"
          >
            {t('agencyAdmin.addKind')}
          </Button>
        )}
      </Group>
      {kinds.isLoading ? (
        <Loader />
      ) : (
        <Table striped withTableBorder data-testid="agency-kinds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agencyAdmin.kindId')}</Table.Th>
              <Table.Th>{t('agencyAdmin.kindName')}</Table.Th>
              <Table.Th>{t('agencyAdmin.naming')}</Table.Th>
              <Table.Th>{t('agencyAdmin.units')}</Table.Th>
              <Table.Th>{t('agencyAdmin.sampling')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(kinds.data ?? []).map(({ kind, can }: AgencyKindEntry) => (
              <Table.Tr key={kind.id}>
                <Table.Td>
                  <code>{kind.id}</code>
                </Table.Td>
                <Table.Td>{kindName(kind.id)}</Table.Td>
                <Table.Td>
                  {kind.naming.agencyTh} · {kind.naming.headTh}
                </Table.Td>
                <Table.Td>
                  {kind.unitTerm} ({kind.defaultUnits.length})
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    fw={kind.sampling.status === 'official' ? 600 : 400}
                    c={kind.sampling.status === 'official' ? 'green' : 'dimmed'}
                  >
                    {t(`agencyAdmin.status.${kind.sampling.status}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {can.edit && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing({ id: kind.id, text: JSON.stringify(kind, null, 2) })}
                      data-testid={`kind-edit-${kind.id}`}
                    >
                      {t('agencyAdmin.editKind')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <Modal
          opened
          size="xl"
          onClose={() => setEditing(null)}
          title={editing.id === null ? t('agencyAdmin.addKind') : t('agencyAdmin.editKindTitle', { id: editing.id })}
        >
          <Text size="sm" c="dimmed">
            {t('agencyAdmin.kindHint')}
          </Text>
          <Textarea
            autosize
            minRows={12}
            maxRows={30}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            value={editing.text}
            onChange={(e) => setEditing({ ...editing, text: e.currentTarget.value })}
            data-testid="kind-json"
          />
          {editError && (
            <Alert color="red" mt="sm" data-testid="kind-error">
              {editError}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button loading={saveKind.isPending} onClick={() => saveKind.mutate(editing)} data-testid="kind-save">
              {t('agencyAdmin.saveKind')}
            </Button>
          </Group>
        </Modal>
      )}
    </Stack>
  );
}
