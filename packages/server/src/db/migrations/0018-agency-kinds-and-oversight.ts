import type { Kysely } from 'kysely';
import { SHIPPED_AGENCY_KINDS } from '@prongsai/core';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // Kinds of agency as data: the shipped ones are seeded here, central admins add and edit them.
  // `definition` holds the whole kind as JSON (naming, units, sampling); the names are columns for listing.
  await db.schema
    .createTable('agency_kinds')
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('name_th', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('shipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('agency_kinds')
    .values(
      SHIPPED_AGENCY_KINDS.map((kind) => ({
        id: kind.id,
        name_th: kind.nameTh,
        name_en: kind.nameEn,
        definition: JSON.stringify(kind),
        shipped: 1,
        updated_at: at,
      })),
    )
    .execute();

  // The oversight tree (the BMA over its districts, a province over its local administrations).
  // No foreign key: a backup restores agencies in id order, and a parent may come after its child;
  // the service keeps the reference whole.
  await db.schema.alterTable('agencies').addColumn('parent_id', 'integer').execute();
  await db.schema.createIndex('agencies_parent').on('agencies').column('parent_id').execute();
}
