import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { useFileStore } from '../files/index.js';
import { FileStoreError } from '../files/store.js';
import { useImportedFrameworks } from '../frameworks/registry.js';
import type { CliIo } from './io.js';
import { USER_ERROR } from './io.js';
import { runBackup, runDemo, runEvidence, runInit, runRestore, runServe, runUser } from './platform.js';
import { runAgencies } from './agencies.js';
import { runCalendar, runReminders } from './calendar.js';
import { runFramework } from './framework.js';
import { runImport } from './import.js';
import { runReport } from './report.js';
import { runScore } from './score.js';

const commands: Record<string, { summary: string; run: (args: string[], io: CliIo) => Promise<number> }> = {
  serve: { summary: 'start the web app and API (--demo loads demo data first)', run: runServe },
  init: {
    summary: "create the database, Bangkok's district offices (unless --without-bangkok) and the first central admin",
    run: runInit,
  },
  user: { summary: 'add, list or reset-password accounts', run: runUser },
  backup: { summary: 'write a consistent snapshot of the database (--with-files: and the evidence) to a file', run: runBackup },
  restore: { summary: 'replace the database with a backup (SQLite or PostgreSQL)', run: runRestore },
  evidence: {
    summary: 'gc: remove stored files no record refers to (evidence, OIT documents), list records whose file is missing',
    run: runEvidence,
  },
  agencies: { summary: 'import <file.csv|file.xlsx> [--dry-run]: add and update agencies from a list', run: runAgencies },
  demo: { summary: 'load the demo districts and accounts', run: runDemo },
  calendar: { summary: "an agency's milestones of a fiscal year, with their dates and state", run: runCalendar },
  reminders: { summary: "send: make a day's notices and send its reminder digests now", run: runReminders },
  framework: { summary: "list the ITA frameworks, or check and load a new year's (import <file.json>)", run: runFramework },
  import: { summary: "import an agency's results for a fiscal year from a file", run: runImport },
  report: { summary: 'make the measures document, a progress report or the committee order (PDF, DOCX, XLSX)', run: runReport },
  score: { summary: 'compute ITA scores and the level from result files', run: runScore },
};

const usage = `Usage: prongsai <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "prongsai <command> --help" for a command's options.`;

/** Runs the CLI; returns the exit code. Unexpected failures are logged with their stack. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout.write(`${usage}\n`);
    return name ? 0 : USER_ERROR;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n${usage}\n`);
    return USER_ERROR;
  }
  try {
    // Frameworks a central admin loaded are found by every command, beside the shipped ones, and
    // every command reads and writes files in the configured store (PRONGSAI_FILE_STORE).
    const config = loadConfig();
    useImportedFrameworks(join(config.dataDir, 'frameworks'));
    useFileStore(config.dataDir, config.files);
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`prongsai ${name}: configuration: ${error.message}\n`);
      return USER_ERROR;
    }
    if (error instanceof FileStoreError) {
      io.stderr.write(`prongsai ${name}: ${error.message}: ${error.store}: ${error.reason}\n`);
      return 1;
    }
    io.stderr.write(`prongsai ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
