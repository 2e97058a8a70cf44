import type { ColumnDefinitionBuilder } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** An auto-numbered integer primary key on either engine. */
export function idColumn(engine: Engine) {
  return (column: ColumnDefinitionBuilder) =>
    engine === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity();
}
