import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { syncImportedFrameworks } from '../frameworks/shared.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit code for a user error (bad arguments or bad input). */
export const USER_ERROR = 2;

/**
 * Brings this machine's copy of the imported frameworks up to date from the database, once, before a
 * command lists or uses them (a set may have been imported through another instance).
 */
export async function syncFrameworks(db: Kysely<Database>, io: CliIo): Promise<void> {
  await syncImportedFrameworks(db, undefined, (message) => io.stderr.write(`${message}\n`));
}
