import { Anchor, Badge, Button, Card, Code, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, http, ok, type ApiData, type Division } from '../api/client';
import { DocumentButton } from '../documents/DocumentButton';
import { MilestoneEditor } from './MilestoneEditor';
import { fiscalYearOf, formatIsoDate, todayInBangkok } from '../i18n/dates';
import { useUnitWords } from './unit-words';

type Milestone = ApiData<'/api/agencies/{agency}/calendar/{year}'>[number];

const STATE_COLOURS: Record<Milestone['state'], string> = {
  done: 'teal',
  late: 'red',
  'due-soon': 'orange',
  open: 'blue',
  upcoming: 'gray',
};

/** The agency's first page: the year's milestones with where it stands, and what the signed-in person must do now. */
export function YearAtAGlance({ slug, divisions }: { slug: string; divisions: Division[] }) {
  const { t, i18n } = useTranslation();
  const units = useUnitWords();
  const lang = i18n.language;
  const current = fiscalYearOf(todayInBangkok());
  const [year, setYear] = useState(current);
  const milestones = useQuery({
    queryKey: ['calendar', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/calendar/{year}', { params: { path: { agency: slug, year } } })),
  });
  const tasks = useQuery({
    queryKey: ['tasks', slug, year],
    queryFn: () => ok(http.GET('/api/agencies/{agency}/tasks/{year}', { params: { path: { agency: slug, year } } })),
  });
  const notices = useQuery({
    queryKey: ['notices'],
    queryFn: () => ok(http.GET('/api/me/notices')),
  });
  const unread = (notices.data ?? []).filter((n) => !n.read).slice(0, 8);
  const [editing, setEditing] = useState<string | null>(null);
  const [allTasks, setAllTasks] = useState(false);
  const shown = allTasks ? (tasks.data ?? []) : (tasks.data ?? []).slice(0, 12);
  // What the caller may do, as the year's milestones say: the secretariat dates them and has the
  // agency's feed (0); a division editor has their division's feed; others neither.
  const can = milestones.data?.[0]?.can ?? { update: false, feed: null };
  const feedDivision = can.feed;
  const feed = useMutation({
    mutationFn: () =>
      ok(
        http.POST('/api/agencies/{agency}/calendar/feeds', {
          params: { path: { agency: slug } },
          body: { divisionId: feedDivision ?? 0, year },
        }),
      ),
  });
  const revoke = useMutation({
    mutationFn: () =>
      ok(
        http.DELETE('/api/agencies/{agency}/calendar/feeds/{division}', {
          params: { path: { agency: slug, division: feedDivision ?? 0 } },
        }),
      ),
    onSuccess: () => feed.reset(),
  });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('calendar.title')}
        </Title>
        <Select
          aria-label={t('measures.year')}
          value={String(year)}
          onChange={(x) => x && setYear(Number(x))}
          data={Array.from({ length: 5 }, (_, i) => current - i).map((y) => ({
            value: String(y),
            label: t('forms.fiscalYear', { year: y }),
          }))}
          w={220}
          data-testid="calendar-year"
        />
      </Group>
      <Card withBorder data-testid="my-tasks">
        <Group justify="space-between" align="flex-start">
          <Title order={4} size="h5">
            {t('calendar.tasks')}
          </Title>
          {feedDivision !== null && (
            <div data-testid="task-sheet">
              <DocumentButton slug={slug} body={{ kind: 'tasks', year, format: 'pdf' }} label={t('calendar.taskSheet', units)} />
            </div>
          )}
        </Group>
        {tasks.isLoading && <Loader size="sm" />}
        {tasks.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('calendar.noTasks')}
          </Text>
        )}
        <Stack gap={4} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((task, i) => (
            <Group key={i} component="li" gap="xs" wrap="nowrap" data-testid="task">
              {task.late && (
                <Badge color="red" size="sm">
                  {t('calendar.late')}
                </Badge>
              )}
              <Anchor component={Link} to={task.href} size="sm">
                {task.title}
              </Anchor>
              {task.dueOn && (
                <Text size="xs" c="dimmed">
                  {formatIsoDate(task.dueOn, lang)}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
        {(tasks.data?.length ?? 0) > 12 && (
          <Button variant="subtle" size="xs" mt={4} onClick={() => setAllTasks(!allTasks)} data-testid="tasks-all">
            {allTasks ? t('calendar.fewer') : t('calendar.more', { count: tasks.data!.length - 12 })}
          </Button>
        )}
      </Card>
      {unread.length > 0 && (
        <Card withBorder data-testid="notices">
          <Title order={4} size="h5">
            {t('calendar.notices')}
          </Title>
          <Stack gap={4} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {unread.map((n) => (
              <Group key={n.id} component="li" gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {formatIsoDate(n.day, lang)}
                </Text>
                <Anchor component={Link} to={n.href} size="sm">
                  {n.title}
                </Anchor>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      <Card withBorder data-testid="timeline">
        <Title order={4} size="h5">
          {t('calendar.timeline')}
        </Title>
        <Stack gap={6} mt="xs" component="ol" style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
          {(milestones.data ?? []).map((m) => (
            <Group
              key={m.milestone}
              component="li"
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              data-testid={`milestone-${m.milestone}`}
            >
              <Badge color={STATE_COLOURS[m.state]} variant="light" w={110} style={{ flexShrink: 0 }}>
                {t(`calendar.states.${m.state}`)}
              </Badge>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm">{m.nameTh}</Text>
                <Text size="xs" c="dimmed">
                  {m.startsOn ? `${formatIsoDate(m.startsOn, lang)} – ` : ''}
                  {formatIsoDate(m.dueOn, lang)}
                  {m.source === 'feature' ? ` · ${t('calendar.fromRecords')}` : ''}
                  {m.ownerDivisionId ? ` · ${divisions.find((d) => d.id === m.ownerDivisionId)?.nameTh ?? ''}` : ''}
                </Text>
                {editing === m.milestone && (
                  <MilestoneEditor slug={slug} year={year} milestone={m} divisions={divisions} onDone={() => setEditing(null)} />
                )}
              </div>
              {m.can.update && editing !== m.milestone && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setEditing(m.milestone)}
                  aria-label={t('calendar.edit', { name: m.nameTh })}
                >
                  {t('overview.edit')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </Card>
      {feedDivision !== null && (
        <Card withBorder data-testid="calendar-feed">
          <Title order={4} size="h5">
            {t('calendar.feedTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('calendar.feedHint')}
          </Text>
          {feed.data ? (
            <Stack gap={4} mt={4}>
              <Code block data-testid="calendar-feed-url">
                {feed.data.url}
              </Code>
              <Group>
                <Button size="xs" variant="light" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
                  {t('calendar.revokeFeed')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Button
              size="xs"
              variant="light"
              mt={4}
              onClick={() => feed.mutate()}
              loading={feed.isPending}
              data-testid="calendar-feed-make"
            >
              {t('calendar.makeFeed')}
            </Button>
          )}
          {(feed.error ?? revoke.error) && (
            <Text size="xs" c="red" role="alert">
              {(feed.error ?? revoke.error) instanceof ApiError
                ? ((feed.error ?? revoke.error) as ApiError).messageTh
                : String(feed.error ?? revoke.error)}
            </Text>
          )}
        </Card>
      )}
    </Stack>
  );
}
