import type { Kysely } from 'kysely';
import { InputError, type AgencyKind, type InputProblem, type Table } from '@prongsai/core';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import { inputErrorAsHttp } from '../inputs/input-http.js';
import type { Agency, Database } from '../db/schema.js';
import { readAgencyFile } from './import-file.js';
import { noteLateChangesOfAgencies } from '../calendar/repository.js';
import { allKinds } from './kinds-service.js';
import { BANGKOK_SEED, slugify } from './reference-data.js';
import { insertAgencies, insertDivisions, listAllAgencies, listDivisionNames, updateAgency } from './repository.js';

type Executor = Parameters<typeof listAllAgencies>[0];

export const IMPORT_COLUMNS = ['code', 'name_th', 'name_en', 'kind', 'parent_code'] as const;
export const OPTIONAL_COLUMNS = ['divisions'] as const;

/** One agency as a file lists it (cells trimmed), with the row it is on. */
export interface AgencyRow {
  row: number;
  code: string;
  name_th: string;
  name_en: string;
  kind: string;
  parent_code: string;
  /** Undefined when the file has no `divisions` column. */
  divisions?: string[];
  /** The slug a new agency gets (seed data); from its English name otherwise. */
  slug?: string;
}

export type RowAction = 'add' | 'update' | 'unchanged';

export interface PlannedRow {
  row: number;
  code: string;
  nameTh: string;
  action: RowAction;
  /** The fields an update changes (name_th, name_en, kind, parent_code). */
  changes: string[];
  divisionsAdded: number;
}

export interface AgencyImportPlan {
  fileName: string;
  added: number;
  updated: number;
  unchanged: number;
  divisionsAdded: number;
  rows: PlannedRow[];
}

interface Prepared {
  plan: AgencyImportPlan;
  rows: AgencyRow[];
  existing: Map<string, Agency>;
  slugs: Map<string, string>;
  units: Map<string, { th: string; en: string }[]>;
  /** The last place of an existing agency's divisions: added ones come after. */
  lastSort: Map<number, number>;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** The rows of a table in the import's columns; a missing column is a problem of the header (row 1). */
export function agencyRows(table: Table): AgencyRow[] {
  const header = table.header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
  const missing = IMPORT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((column) => ({
        file: table.file,
        row: 1,
        column,
        message: `the column "${column}" is missing (columns: ${IMPORT_COLUMNS.join(',')}[,divisions])`,
        th: `ไม่มีคอลัมน์ "${column}" (คอลัมน์ที่ต้องมี: ${IMPORT_COLUMNS.join(',')} และ divisions ถ้ามี)`,
      })),
    );
  }
  const at = (cells: Table['rows'][number]['cells'], column: string) => {
    const i = header.indexOf(column);
    const value = i < 0 ? '' : cells[i];
    return value === null || value === undefined ? '' : String(value).trim();
  };
  const divisionsColumn = header.includes('divisions');
  return table.rows
    .filter((r) => r.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
    .map(({ row, cells }) => ({
      row,
      code: at(cells, 'code'),
      name_th: at(cells, 'name_th'),
      name_en: at(cells, 'name_en'),
      kind: at(cells, 'kind'),
      parent_code: at(cells, 'parent_code'),
      ...(divisionsColumn
        ? {
            divisions: at(cells, 'divisions')
              .split(';')
              .map((d) => d.trim())
              .filter(Boolean),
          }
        : {}),
    }));
}

/**
 * Checks every row against the others and the database, and says what importing would do.
 * Every bad row is named (row, column, Thai and English); any makes the whole file refused.
 */
async function prepare(db: Executor, file: string, rows: AgencyRow[]): Promise<Prepared> {
  const problems: InputProblem[] = [];
  const bad = (row: number, column: string, message: string, th: string) => problems.push({ file, row, column, message, th });
  const kinds = new Map<string, AgencyKind>((await allKinds(db)).map((k) => [k.kind.id, k.kind]));
  const agencies = await listAllAgencies(db);
  const existing = new Map(agencies.map((a) => [a.code, a]));
  const codeOfId = new Map(agencies.map((a) => [a.id, a.code]));
  const takenSlugs = new Set(agencies.map((a) => a.slug));
  // An address names an agency by code first, then by slug: neither may be another agency's other name.
  const slugOwner = new Map(agencies.map((a) => [a.slug, a.code]));
  const codesAsSlugs = new Set([...agencies.map((a) => a.code), ...rows.map((r) => r.code)].map((c) => c.toLowerCase()));
  const divisionNames = new Map<number, Set<string>>();
  const lastSort = new Map<number, number>();
  for (const d of await listDivisionNames(db)) {
    lastSort.set(d.agency_id, Math.max(lastSort.get(d.agency_id) ?? 0, d.sort_order));
    const names = divisionNames.get(d.agency_id) ?? new Set<string>();
    names.add(d.name_th);
    divisionNames.set(d.agency_id, names);
  }

  if (rows.length === 0) bad(1, 'code', 'the file lists no agency', 'ไฟล์ไม่มีรายการหน่วยงาน');
  const listed = new Set(rows.map((r) => r.code));
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    if (!r.code) bad(r.row, 'code', 'the code is missing', 'ไม่มีรหัสหน่วยงาน');
    else if (!CODE.test(r.code)) {
      bad(
        r.row,
        'code',
        'the code must be 1–32 letters, digits, ".", "_" or "-"',
        'รหัสหน่วยงานต้องเป็นตัวอักษรอังกฤษ ตัวเลข . _ หรือ - ไม่เกิน 32 ตัว',
      );
    } else if (firstRow.has(r.code)) {
      bad(
        r.row,
        'code',
        `the code ${r.code} is already on row ${firstRow.get(r.code)}`,
        `รหัส ${r.code} ซ้ำกับแถว ${firstRow.get(r.code)}`,
      );
    } else if ((slugOwner.get(r.code.toLowerCase()) ?? r.code) !== r.code) {
      bad(
        r.row,
        'code',
        `the code ${r.code} is the short name (slug) of the agency ${slugOwner.get(r.code.toLowerCase())}`,
        `รหัส ${r.code} ซ้ำกับชื่อย่อในที่อยู่เว็บของหน่วยงานรหัส ${slugOwner.get(r.code.toLowerCase())}`,
      );
    } else firstRow.set(r.code, r.row);
    for (const column of ['name_th', 'name_en'] as const) {
      if (!r[column]) bad(r.row, column, 'the name is missing', column === 'name_th' ? 'ไม่มีชื่อภาษาไทย' : 'ไม่มีชื่อภาษาอังกฤษ');
      else if (r[column].length > 200) bad(r.row, column, 'the name is longer than 200 characters', 'ชื่อยาวเกิน 200 ตัวอักษร');
    }
    if (!r.kind) bad(r.row, 'kind', 'the kind is missing', 'ไม่มีประเภทหน่วยงาน');
    else if (!kinds.has(r.kind)) {
      bad(r.row, 'kind', `no kind "${r.kind}" (known: ${[...kinds.keys()].join(', ')})`, `ไม่รู้จักประเภทหน่วยงาน "${r.kind}"`);
    }
    if (r.parent_code) {
      if (r.parent_code === r.code) bad(r.row, 'parent_code', 'an agency cannot oversee itself', 'หน่วยงานกำกับดูแลตัวเองไม่ได้');
      else if (!existing.has(r.parent_code) && !listed.has(r.parent_code)) {
        bad(r.row, 'parent_code', `no agency with the code ${r.parent_code}`, `ไม่พบหน่วยงานรหัส ${r.parent_code}`);
      }
    }
    const seen = new Set<string>();
    for (const name of r.divisions ?? []) {
      if (name.length > 200) {
        bad(r.row, 'divisions', `"${name.slice(0, 40)}…" is longer than 200 characters`, 'ชื่อหน่วยย่อยยาวเกิน 200 ตัวอักษร');
      } else if (seen.has(name)) bad(r.row, 'divisions', `"${name}" is listed twice`, `หน่วยย่อย "${name}" ซ้ำ`);
      seen.add(name);
    }
  }

  // Oversight must be a tree: follow each listed agency's parents (the file's, else the database's).
  const parentOf = new Map<string, string | null>();
  for (const a of agencies) parentOf.set(a.code, a.parent_id === null ? null : (codeOfId.get(a.parent_id) ?? null));
  for (const r of rows) parentOf.set(r.code, r.parent_code || null);
  for (const r of rows) {
    if (!r.parent_code || r.parent_code === r.code) continue;
    const visited = new Set<string>([r.code]);
    let at = parentOf.get(r.parent_code) ?? null;
    while (at !== null && !visited.has(at)) {
      visited.add(at);
      at = parentOf.get(at) ?? null;
    }
    if (at !== null && at === r.code) {
      bad(
        r.row,
        'parent_code',
        `the oversight of ${r.code} goes round in a circle`,
        `การกำกับดูแลของหน่วยงาน ${r.code} วนกลับมาที่ตัวเอง`,
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

  const slugs = new Map<string, string>();
  const units = new Map<string, { th: string; en: string }[]>();
  const planned: PlannedRow[] = [];
  for (const r of rows) {
    const kind = kinds.get(r.kind)!;
    const before = existing.get(r.code);
    const englishOf = (th: string) => kind.defaultUnits.find((u) => u.th === th)?.en ?? th;
    let wanted: { th: string; en: string }[];
    if (before) {
      const have = divisionNames.get(before.id) ?? new Set<string>();
      wanted = (r.divisions ?? []).filter((th) => !have.has(th)).map((th) => ({ th, en: englishOf(th) }));
    } else {
      wanted = r.divisions && r.divisions.length > 0 ? r.divisions.map((th) => ({ th, en: englishOf(th) })) : kind.defaultUnits;
      const base = r.slug ?? (slugify(r.name_en) || slugify(r.code) || 'agency');
      const taken = (s: string) => takenSlugs.has(s) || (codesAsSlugs.has(s) && s !== r.code.toLowerCase());
      let slug = taken(base) ? `${base}-${slugify(r.code)}`.replace(/^-|-$/g, '') : base;
      for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
      takenSlugs.add(slug);
      slugs.set(r.code, slug);
    }
    units.set(r.code, wanted);
    const changes = before
      ? [
          ...(before.name_th !== r.name_th ? ['name_th'] : []),
          ...(before.name_en !== r.name_en ? ['name_en'] : []),
          ...(before.kind !== r.kind ? ['kind'] : []),
          ...((before.parent_id === null ? '' : (codeOfId.get(before.parent_id) ?? '')) !== r.parent_code ? ['parent_code'] : []),
        ]
      : [];
    const action: RowAction = !before ? 'add' : changes.length > 0 || wanted.length > 0 ? 'update' : 'unchanged';
    planned.push({ row: r.row, code: r.code, nameTh: r.name_th, action, changes, divisionsAdded: wanted.length });
  }
  const plan: AgencyImportPlan = {
    fileName: file,
    added: planned.filter((p) => p.action === 'add').length,
    updated: planned.filter((p) => p.action === 'update').length,
    unchanged: planned.filter((p) => p.action === 'unchanged').length,
    divisionsAdded: planned.reduce((n, p) => n + p.divisionsAdded, 0),
    rows: planned,
  };
  return { plan, rows, existing, slugs, units, lastSort };
}

/** Writes a prepared import: new agencies parents first, in batches; then updates; then divisions. */
async function apply(trx: Executor, prepared: Prepared): Promise<void> {
  const { rows, existing, slugs, units } = prepared;
  const ids = new Map<string, number>([...existing].map(([code, a]) => [code, a.id]));
  const at = now();
  let pending = rows.filter((r) => !existing.has(r.code));
  while (pending.length > 0) {
    // A level: the new agencies whose overseer has an id already (or who have none).
    const ready = pending.filter((r) => !r.parent_code || ids.has(r.parent_code));
    const inserted = await insertAgencies(
      trx,
      ready.map((r) => ({
        code: r.code,
        slug: slugs.get(r.code)!,
        name_th: r.name_th,
        name_en: r.name_en,
        kind: r.kind,
        parent_id: r.parent_code ? ids.get(r.parent_code)! : null,
        created_at: at,
      })),
    );
    for (const [code, id] of inserted) ids.set(code, id);
    const done = new Set(ready.map((r) => r.code));
    pending = pending.filter((r) => !done.has(r.code));
  }
  const changed = new Map(prepared.plan.rows.filter((p) => p.changes.length > 0).map((p) => [p.code, p]));
  for (const r of rows) {
    const before = existing.get(r.code);
    if (!before || !changed.has(r.code)) continue;
    await updateAgency(trx, before.id, {
      name_th: r.name_th,
      name_en: r.name_en,
      kind: r.kind,
      parent_id: r.parent_code ? ids.get(r.parent_code)! : null,
    });
  }
  // An agency of another kind may have other milestones: its kept late milestones are decided again.
  await noteLateChangesOfAgencies(
    trx,
    rows.filter((r) => existing.has(r.code) && existing.get(r.code)!.kind !== r.kind).map((r) => existing.get(r.code)!.id),
  );
  const divisions = [];
  for (const r of rows) {
    const wanted = units.get(r.code) ?? [];
    const before = existing.get(r.code);
    const first = before ? (prepared.lastSort.get(before.id) ?? 0) : 0;
    for (const [i, unit] of wanted.entries()) {
      divisions.push({
        agency_id: ids.get(r.code)!,
        name_th: unit.th,
        name_en: unit.en,
        sort_order: first + i + 1,
        created_at: at,
      });
    }
  }
  await insertDivisions(trx, divisions);
}

/** Plans rows and, unless a dry run, writes them in one transaction with one audit entry. */
export async function importAgencyRows(
  db: Kysely<Database>,
  actorId: number | null,
  file: string,
  rows: AgencyRow[],
  options: { dryRun: boolean },
): Promise<AgencyImportPlan> {
  if (options.dryRun) return (await prepare(db, file, rows)).plan;
  return db.transaction().execute(async (trx) => {
    const prepared = await prepare(trx, file, rows);
    await apply(trx, prepared);
    const { rows: _rows, ...counts } = prepared.plan;
    await recordAudit(trx, { actorId, action: 'import', entity: 'agency', entityId: null, agencyId: null, after: counts });
    return prepared.plan;
  });
}

/**
 * Adds and updates agencies from a CSV or XLSX list (central admins): an existing code is updated,
 * never duplicated; all rows or none. Bad rows raise an `InputError` naming each.
 */
export async function importAgencies(
  db: Kysely<Database>,
  actor: Actor,
  upload: { fileName: string; data: Buffer },
  options: { dryRun: boolean },
): Promise<AgencyImportPlan> {
  authorize(actor, 'agency', 'import', undefined);
  try {
    const rows = agencyRows(await readAgencyFile(upload));
    return await importAgencyRows(db, actor.id, upload.fileName, rows, options);
  } catch (error) {
    throw inputErrorAsHttp(error);
  }
}

/** The same, for the CLI, acting as the system: no account. */
export async function importAgenciesFromFile(
  db: Kysely<Database>,
  upload: { fileName: string; data: Buffer },
  options: { dryRun: boolean },
): Promise<AgencyImportPlan> {
  const rows = agencyRows(await readAgencyFile(upload));
  return importAgencyRows(db, null, upload.fileName, rows, options);
}

/**
 * Loads Bangkok's 50 district offices (the seed data set), each with the standard divisions: only
 * the codes not there yet, so names an administrator changed stay. Answers how many were added.
 */
export async function seedBangkokDistricts(db: Kysely<Database>): Promise<number> {
  const have = new Set((await listAllAgencies(db)).map((a) => a.code));
  const rows = BANGKOK_SEED.filter((r) => !have.has(r.code));
  if (rows.length === 0) return 0;
  return (await importAgencyRows(db, null, 'bangkok-districts', rows, { dryRun: false })).added;
}

/** Bangkok's district offices as `init` loads them: once, into a database with no agency yet. */
export async function seedBangkokDistrictsOnce(db: Kysely<Database>): Promise<number> {
  if ((await listAllAgencies(db)).length > 0) return 0;
  return seedBangkokDistricts(db);
}
