import { Group, Pagination, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Rows a page of a city-wide table shows. */
export const PAGE_SIZE = 50;

export interface Paged<S extends string> {
  page: number;
  setPage(page: number): void;
  sort: S;
  order: 'asc' | 'desc';
  /** Sorts by the column, or turns the order round when it is the column already. */
  sortBy(sort: S, firstOrder?: 'asc' | 'desc'): void;
  /** The search text as typed, and as sent (a moment after typing stops). */
  search: string;
  setSearch(text: string): void;
  q: string;
  /** The query the page asks the server for. */
  query: { limit: number; offset: number; sort: S; order: 'asc' | 'desc'; q?: string };
}

/** The page, sort and search of a server-paged table; a new sort or search goes back to the first page. */
export function usePaged<S extends string>(initial: S, initialOrder: 'asc' | 'desc' = 'asc'): Paged<S> {
  const [page, setPage] = useState(1);
  const [sorting, setSorting] = useState<{ sort: S; order: 'asc' | 'desc' }>({ sort: initial, order: initialOrder });
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);
  return {
    page,
    setPage,
    ...sorting,
    sortBy: (sort, firstOrder = 'asc') => {
      setSorting((s) => (s.sort === sort ? { sort, order: s.order === 'asc' ? 'desc' : 'asc' } : { sort, order: firstOrder }));
      setPage(1);
    },
    search,
    setSearch,
    q,
    query: {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      sort: sorting.sort,
      order: sorting.order,
      ...(q ? { q } : {}),
    },
  };
}

/** A column header that sorts the table on the server when clicked. */
export function SortHeader<S extends string>({
  paged,
  column,
  children,
  firstOrder,
  style,
  ta,
}: {
  paged: Paged<S>;
  column: S;
  children: ReactNode;
  firstOrder?: 'asc' | 'desc';
  style?: CSSProperties;
  ta?: 'left' | 'right';
}) {
  const active = paged.sort === column;
  return (
    <Table.Th
      style={{ verticalAlign: 'bottom', ...style }}
      ta={ta}
      aria-sort={active ? (paged.order === 'desc' ? 'descending' : 'ascending') : undefined}
    >
      <UnstyledButton onClick={() => paged.sortBy(column, firstOrder)} fw={600} fz="sm" data-sort={column}>
        {children}
        {active ? (paged.order === 'desc' ? ' ▼' : ' ▲') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

/** The search box of a paged table. */
export function SearchBox<S extends string>({ paged, testId }: { paged: Paged<S>; testId?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('city.search')}
      placeholder={t('city.searchHint')}
      value={paged.search}
      onChange={(e) => paged.setSearch(e.currentTarget.value)}
      w={240}
      data-testid={testId}
    />
  );
}

/** Which rows of how many are shown, and the pages. */
export function PageControls<S extends string>({ paged, total, testId }: { paged: Paged<S>; total: number; testId?: string }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (paged.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, paged.page * PAGE_SIZE);
  return (
    <Group justify="space-between" mt="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {t('city.shown', { from, to, total })}
      </Text>
      {pages > 1 && <Pagination total={pages} value={paged.page} onChange={paged.setPage} size="sm" />}
    </Group>
  );
}
