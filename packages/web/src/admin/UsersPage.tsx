import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, ok, type Role, type User } from '../api/client';
import { useMe } from '../auth/session';

const ROLES: Role[] = ['central_admin', 'agency_admin', 'division_editor', 'executive'];

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const lang = i18n.language;
  const users = useQuery({ queryKey: ['users'], queryFn: () => ok(http.GET('/api/users')) });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => ok(http.GET('/api/agencies')) });
  const [form, setForm] = useState({
    email: '',
    displayName: '',
    role: 'executive' as Role,
    agencyId: me.agency?.id ?? null,
    divisionId: null as number | null,
    overseesAgencyId: null as number | null,
  });
  const divisions = useQuery({
    queryKey: ['divisions-by-id', form.agencyId],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/divisions', { params: { path: { agency: String(form.agencyId) } } })),
    enabled: form.agencyId !== null,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const create = useMutation({
    mutationFn: () => ok(http.POST('/api/users', { body: form })),
    onSuccess: (result) => {
      setNotice(t('users.passwordOnce', { email: result.user.email, password: result.password }));
      setForm({ ...form, email: '', displayName: '' });
      void refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (user: User) =>
      ok(http.POST('/api/users/{id}/reset-password', { params: { path: { id: user.id } }, body: {} })).then((r) => ({
        ...r,
        user,
      })),
    onSuccess: (r) => {
      setNotice(t('users.passwordOnce', { email: r.user.email, password: r.password }));
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (user: User) =>
      ok(http.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { disabled: !user.disabled } })),
    onSuccess: () => void refresh(),
  });
  const error = create.error ?? reset.error ?? toggle.error;
  const agencyName = (id: number | null) => {
    const a = agencies.data?.find((x) => x.id === id);
    return a ? (lang === 'th' ? a.nameTh : a.nameEn) : t('users.none');
  };
  const roles = me.abilities.manageAllAccounts ? ROLES : ROLES.filter((r) => r !== 'central_admin');

  return (
    <Stack>
      <Title order={2}>{t('users.title')}</Title>
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="password-notice">
          {notice}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error instanceof ApiError ? (lang === 'th' ? error.messageTh : error.message) : t('errors.generic')}
        </Alert>
      )}
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('users.add')}
        </Title>
        <Group align="flex-end">
          <TextInput
            label={t('users.email')}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <TextInput
            label={t('users.name')}
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
          />
          <Select
            label={t('users.role')}
            data-testid="user-role"
            value={form.role}
            onChange={(v) =>
              setForm({
                ...form,
                role: (v as Role) ?? 'executive',
                divisionId: null,
                agencyId: v === 'central_admin' ? null : form.agencyId,
                overseesAgencyId: v === 'central_admin' ? form.overseesAgencyId : null,
              })
            }
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          {me.abilities.manageAllAccounts && form.role !== 'central_admin' && (
            <Select
              label={t('users.agency')}
              searchable
              value={form.agencyId === null ? null : String(form.agencyId)}
              onChange={(v) => setForm({ ...form, agencyId: v ? Number(v) : null, divisionId: null })}
              data={(agencies.data ?? []).map((a) => ({ value: String(a.id), label: lang === 'th' ? a.nameTh : a.nameEn }))}
            />
          )}
          {form.role === 'central_admin' && (
            <Select
              label={t('users.oversees')}
              data-testid="user-oversees"
              searchable
              value={form.overseesAgencyId === null ? (me.abilities.overseeAll ? 'all' : null) : String(form.overseesAgencyId)}
              onChange={(v) => setForm({ ...form, overseesAgencyId: v && v !== 'all' ? Number(v) : null })}
              data={[
                ...(me.abilities.overseeAll ? [{ value: 'all', label: t('users.wholeCountry') }] : []),
                ...(agencies.data ?? []).map((a) => ({ value: String(a.id), label: lang === 'th' ? a.nameTh : a.nameEn })),
              ]}
            />
          )}
          {form.role === 'division_editor' && (
            <Select
              label={t('users.division')}
              value={form.divisionId === null ? null : String(form.divisionId)}
              onChange={(v) => setForm({ ...form, divisionId: v ? Number(v) : null })}
              data={(divisions.data ?? []).map((d) => ({ value: String(d.id), label: lang === 'th' ? d.nameTh : d.nameEn }))}
            />
          )}
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!form.email || !form.displayName}>
            {t('users.create')}
          </Button>
        </Group>
      </Card>
      {users.isLoading ? (
        <Loader />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.agency')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data ?? []).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>
                    {u.role !== 'central_admin'
                      ? agencyName(u.agencyId)
                      : u.overseesAgencyId === null
                        ? t('users.wholeCountry')
                        : t('users.overseesName', { name: agencyName(u.overseesAgencyId) })}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={u.disabled ? 'gray' : u.locked ? 'orange' : 'teal'} variant="light">
                      {u.disabled ? t('users.disabled') : u.locked ? t('users.locked') : t('users.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {u.id !== me.user.id && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => reset.mutate(u)}>
                          {t('users.resetPassword')}
                        </Button>
                        <Button size="xs" variant="subtle" color={u.disabled ? 'teal' : 'red'} onClick={() => toggle.mutate(u)}>
                          {u.disabled ? t('users.enable') : t('users.disable')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
