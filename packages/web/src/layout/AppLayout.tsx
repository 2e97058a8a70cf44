import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { http, ok, type Agency } from '../api/client';
import { useMe, useSession } from '../auth/session';
import { fiscalYearOf, formatDate, todayInBangkok } from '../i18n/dates';
import { LanguageToggle } from './LanguageToggle';

const AGENCY_SECTIONS = ['overview', 'results', 'measures', 'progress', 'documents', 'disclosure', 'surveys'] as const;
const AGENCY_KEY = 'prongsai.agency';

/** The agency a central user last opened, so the picker and the menu name the same one. */
export function rememberedAgency(): string | null {
  try {
    return localStorage.getItem(AGENCY_KEY);
  } catch {
    return null;
  }
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { agency: agencySlug } = useParams();
  const [opened, { toggle, close }] = useDisclosure();
  // The picker searches the server for what is typed: a national instance has thousands of agencies.
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTyped(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useQuery({
    queryKey: ['agency-search', typed],
    queryFn: () => ok(http.GET('/api/agencies', { params: { query: { q: typed, limit: 20 } } })),
    enabled: me.abilities.switchAgency,
    placeholderData: (previous) => previous,
  });
  useEffect(() => {
    if (agencySlug && me.abilities.switchAgency) {
      try {
        localStorage.setItem(AGENCY_KEY, agencySlug);
      } catch {
        // Private browsing: the choice is simply not remembered.
      }
    }
  }, [agencySlug, me.abilities.switchAgency]);
  const chosen = agencySlug ?? me.agency?.slug ?? rememberedAgency() ?? undefined;
  const first = useQuery({
    queryKey: ['agency-first'],
    queryFn: () => ok(http.GET('/api/agencies', { params: { query: { limit: 1 } } })),
    enabled: chosen === undefined,
  });
  const slug = chosen ?? first.data?.[0]?.slug;
  const current = useQuery({
    queryKey: ['agency', slug],
    queryFn: () => ok(http.GET('/api/agencies/{agency}', { params: { path: { agency: slug! } } })),
    enabled: me.abilities.switchAgency && slug !== undefined,
  });
  const today = todayInBangkok();
  const name = (a: Agency) => (i18n.language === 'th' ? a.nameTh : a.nameEn);

  const switchAgency = (next: string | null) => {
    if (!next) return;
    const section = location.pathname.split('/')[3] ?? '';
    navigate(`/a/${next}/${section}`);
    close();
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Text fw={700} c="teal.9" size="lg">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('header.today', { date: formatDate(today, i18n.language) })} ·{' '}
              {t('header.fiscalYear', { year: fiscalYearOf(today) })}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
              {me.user.displayName}
              <Text span size="xs" c="dimmed">{` · ${t(`roles.${me.user.role}`)}`}</Text>
            </Text>
            <LanguageToggle />
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('header.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section>
          <Stack gap={4} mb="sm">
            <Text size="sm" fw={600}>
              {me.user.displayName}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${me.user.role}`)}
            </Text>
          </Stack>
          {me.abilities.switchAgency ? (
            <Select
              label={t('header.switchAgency')}
              searchable
              value={slug ?? null}
              onChange={switchAgency}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              nothingFoundMessage={t('header.noAgencyFound')}
              data={[...(current.data ? [current.data] : []), ...(found.data ?? [])]
                .filter((a, i, all) => all.findIndex((b) => b.slug === a.slug) === i)
                .map((a) => ({ value: a.slug, label: name(a) }))}
              mb="sm"
              data-testid="agency-switcher"
            />
          ) : null}
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          {slug &&
            AGENCY_SECTIONS.map((section) => (
              <NavLink
                key={section}
                component={RouterLink}
                to={`/a/${slug}/${section === 'overview' ? '' : section}`}
                end={section === 'overview'}
                label={t(`nav.${section}`)}
                onClick={close}
              />
            ))}
          {me.abilities.readCityResults && (
            <NavLink component={RouterLink} to="/city" label={t('nav.city')} onClick={close} mt="sm" />
          )}
          {(me.abilities.manageUsers || me.abilities.readAudit) && (
            <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
              {t('nav.admin')}
            </Text>
          )}
          {me.abilities.manageUsers && (
            <NavLink component={RouterLink} to="/admin/users" label={t('nav.users')} onClick={close} />
          )}
          {me.abilities.readAudit && <NavLink component={RouterLink} to="/admin/audit" label={t('nav.audit')} onClick={close} />}
          {me.abilities.manageAgencies && (
            <NavLink component={RouterLink} to="/admin/agencies" label={t('nav.agencies')} onClick={close} />
          )}
          {me.abilities.importFrameworks && (
            <NavLink component={RouterLink} to="/admin/frameworks" label={t('nav.frameworks')} onClick={close} />
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
