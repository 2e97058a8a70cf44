import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  // The agency picker and every list's search look for a text anywhere in an agency's names, code
  // and slug (db/page.ts agencySearchText): a trigram index on that expression finds a rare text
  // among the country's 8,300 agencies without reading them all. pg_trgm ships with PostgreSQL and
  // may be installed by the database's owner; where it cannot be, searches read the table as before.
  const { rows } = await sql<{ installed: boolean; installable: boolean }>`select
  exists (select 1 from pg_extension where extname = 'pg_trgm') as installed,
  exists (select 1 from pg_available_extensions where name = 'pg_trgm')
    and has_database_privilege(current_database(), 'CREATE')
    and has_schema_privilege('public', 'CREATE') as installable`.execute(db);
  const { installed, installable } = rows[0]!;
  if (!installed && !installable) return;
  if (!installed) await sql`create extension if not exists pg_trgm schema public`.execute(db);
  // Named by its schema: a Prongsai schema of its own (several instances' tests) does not search public.
  const found = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const operators = sql.id(found.rows[0]!.schema, 'gin_trgm_ops');
  await sql`create index agencies_search on agencies
using gin ((lower(name_th || '|' || name_en || '|' || code || '|' || slug)) ${operators})`.execute(db);
}
