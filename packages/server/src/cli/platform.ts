import { mkdir, open, rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { findAgency, findDivisionByName } from '../agencies/repository.js';
import { seedBangkokDistrictsOnce } from '../agencies/import-service.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { useFileStore } from '../files/index.js';
import { openDatabase, type Db } from '../db/database.js';
import { openBackup, restoreBackup, writeBackup, type BackupReader } from '../db/backup.js';
import { isArchive, readArchive, sweepEvidence, writeArchive } from '../evidence/storage.js';
import type { Role } from '../db/schema.js';
import { loadDemo, DEMO_PASSWORD } from '../demo/demo.js';
import { HttpError } from '../http/errors.js';
import { findUserByEmail, listUsers } from '../users/repository.js';
import { createUser, resetPassword, ROLES } from '../users/service.js';
import { USER_ERROR, type CliIo } from './io.js';

/** The data directory, with its files in the configured store (PRONGSAI_FILE_STORE). */
function configuredDataDir(): string {
  const config = loadConfig();
  useFileStore(config.dataDir, config.files);
  return config.dataDir;
}

async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig().databaseUrl);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Runs a command body; user errors (HttpError, bad arguments) print a message and exit 2. */
async function guarded(io: CliIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof HttpError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${(error as Error).message}\n`);
      return USER_ERROR;
    }
    throw error;
  }
}

export async function runServe(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
  const config = loadConfig();
  await mkdir(config.dataDir, { recursive: true });
  useFileStore(config.dataDir, config.files);
  const db = await openDatabase(config.databaseUrl);
  if (values.demo) {
    const loaded = await loadDemo(db.kysely, { dataDir: config.dataDir });
    io.stdout.write(
      `demo data loaded (${loaded.agenciesAdded} agencies and ${loaded.accountsAdded} accounts new); password for every demo account: ${DEMO_PASSWORD}\n`,
    );
  }
  const app = await buildApp({ db, config: { ...config, demo: values.demo } });
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  io.stdout.write(`Prongsai is running on http://localhost:${config.port} (database: ${db.engine})\n`);
  // Keep running until a signal arrives.
  return new Promise<number>(() => {});
}

export async function runInit(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'without-bangkok': { type: 'boolean', default: false } } });
  return withDatabase(async (db) => {
    const added = values['without-bangkok'] ? 0 : await seedBangkokDistrictsOnce(db.kysely);
    io.stdout.write(`database ready (${db.engine}); ${added} district offices added\n`);
    const admins = (await listUsers(db.kysely)).filter((u) => u.role === 'central_admin');
    if (admins.length > 0) {
      io.stdout.write(`a central admin exists already (${admins.map((a) => a.email).join(', ')})\n`);
      return 0;
    }
    const email = process.env.PRONGSAI_ADMIN_EMAIL ?? 'admin@localhost';
    const { password } = await createUser(db.kysely, null, {
      email,
      displayName: 'Central administrator',
      role: 'central_admin',
      agencyId: null,
      divisionId: null,
      password: process.env.PRONGSAI_ADMIN_PASSWORD,
    });
    io.stdout.write(
      process.env.PRONGSAI_ADMIN_PASSWORD
        ? `central admin ${email} created with the password from PRONGSAI_ADMIN_PASSWORD\n`
        : `central admin ${email} created; password (shown only now): ${password}\n`,
    );
    return 0;
  });
}

export async function runDemo(_args: string[], io: CliIo): Promise<number> {
  return withDatabase(async (db) => {
    const loaded = await loadDemo(db.kysely, { dataDir: configuredDataDir() });
    io.stdout.write(
      `demo data: ${loaded.agenciesAdded} agencies and ${loaded.accountsAdded} accounts added; password for every demo account: ${DEMO_PASSWORD}\n`,
    );
    return 0;
  });
}

const userUsage = `Usage:
  prongsai user add --email <email> --name <name> --role <${ROLES.join('|')}> [--agency <code|slug>] [--division <ฝ่าย…>] [--password <pw>]
  prongsai user list [--agency <code|slug>]
  prongsai user reset-password --email <email> [--password <pw>]`;

export async function runUser(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      division: { type: 'string' },
      password: { type: 'string' },
    },
  });
  return guarded(io, () =>
    withDatabase(async (db) => {
      const agencyOf = async () => {
        if (!values.agency) return undefined;
        const agency = await findAgency(db.kysely, values.agency);
        if (!agency) throw new HttpError(400, 'bad-request', `no agency "${values.agency}"`, '');
        return agency;
      };
      switch (sub) {
        case 'add': {
          if (!values.email || !values.name || !values.role || !ROLES.includes(values.role as Role)) {
            io.stderr.write(`${userUsage}\n`);
            return USER_ERROR;
          }
          const agency = await agencyOf();
          const division =
            agency && values.division ? await findDivisionByName(db.kysely, agency.id, values.division) : undefined;
          if (values.division && !division) {
            throw new HttpError(400, 'bad-request', `no division "${values.division}" in that agency`, '');
          }
          const { user, password } = await createUser(db.kysely, null, {
            email: values.email,
            displayName: values.name,
            role: values.role as Role,
            agencyId: agency?.id ?? null,
            divisionId: division?.id ?? null,
            password: values.password,
          });
          io.stdout.write(
            `account ${user.email} (${user.role}) created${values.password ? '' : `; password (shown only now): ${password}`}\n`,
          );
          return 0;
        }
        case 'list': {
          const agency = await agencyOf();
          for (const user of await listUsers(db.kysely, agency?.id)) {
            io.stdout.write(
              `${user.id}\t${user.email}\t${user.role}\t${user.agency_id ?? '-'}\t${user.division_id ?? '-'}${user.disabled ? '\tdisabled' : ''}\n`,
            );
          }
          return 0;
        }
        case 'reset-password': {
          const user = values.email ? await findUserByEmail(db.kysely, values.email) : undefined;
          if (!user) throw new HttpError(400, 'bad-request', `no account ${values.email ?? '(missing --email)'}`, '');
          const password = await resetPassword(db.kysely, null, user, values.password);
          io.stdout.write(
            `password of ${user.email} reset${values.password ? '' : ` to (shown only now): ${password}`}; its sessions were ended\n`,
          );
          return 0;
        }
        default:
          io.stderr.write(`${userUsage}\n`);
          return USER_ERROR;
      }
    }),
  );
}

export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'with-files': { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file) {
    io.stderr.write(
      'Usage: prongsai backup [--with-files] <file>\n  --with-files  one .tar.gz archive with the files too (evidence, letterheads, OIT documents, documents made), from the disk or the S3 store\n',
    );
    return USER_ERROR;
  }
  return withDatabase(async (db) => {
    if (values['with-files']) {
      const { files } = await writeArchive(file, (path) => writeBackup(db, path), configuredDataDir());
      io.stdout.write(
        `backup of the ${db.engine} database and ${files} files (evidence, letterheads, OIT documents, loaded frameworks) written to ${file}\n`,
      );
      return 0;
    }
    // Written beside the target and renamed once whole: a failed backup leaves no file that looks like one.
    const partial = `${file}.partial`;
    let bytes: number;
    try {
      ({ bytes } = await writeBackup(db, partial));
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    io.stdout.write(`backup of the ${db.engine} database written to ${file} (${bytes.toLocaleString('en-US')} bytes)\n`);
    return 0;
  });
}

export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file) {
    io.stderr.write('Usage: prongsai restore [--force] <file>  (a database backup, or an archive made with --with-files)\n');
    return USER_ERROR;
  }
  let backup: BackupReader;
  let archive: Awaited<ReturnType<typeof readArchive>> | undefined;
  try {
    if (isArchive(await readHead(file, 4096))) archive = await readArchive(file, configuredDataDir());
    backup = await openBackup(archive ? archive.databaseFile : file);
  } catch (error) {
    await archive?.cleanup();
    io.stderr.write(`${file}: ${(error as Error).message}\n`);
    return USER_ERROR;
  }
  try {
    return await withDatabase(async (db) => {
      if (!values.force && (await listUsers(db.kysely)).length > 0) {
        backup.close();
        io.stderr.write('the database already holds data; restoring replaces all of it: run again with --force\n');
        return USER_ERROR;
      }
      const counts = await restoreBackup(db, backup);
      const files = archive ? await archive.placeFiles() : null;
      io.stdout.write(
        `restored into ${db.engine}: ${Object.entries(counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}${files === null ? '' : `; files (evidence, letterheads, OIT documents, loaded frameworks) ${files}`}\n`,
      );
      return 0;
    });
  } finally {
    await archive?.cleanup();
  }
}

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const evidenceUsage = `Usage: prongsai evidence gc [--dry-run]
  Removes files no record refers to (older than an hour) from the agencies' store (progress evidence,
  OIT documents, unfinished letterhead writes) and lists records whose file is missing.`;

export async function runEvidence(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false } },
  });
  if (positionals[0] !== 'gc') {
    io.stderr.write(`${evidenceUsage}\n`);
    return USER_ERROR;
  }
  return withDatabase(async (db) => {
    const dryRun = values['dry-run'];
    const report = await sweepEvidence(db.kysely, configuredDataDir(), { dryRun });
    const bytes = report.orphans.reduce((sum, f) => sum + f.bytes, 0);
    io.stdout.write(
      `${dryRun ? 'would remove' : 'removed'} ${report.orphans.length} orphaned files (${bytes.toLocaleString('en-US')} bytes); kept ${report.kept}\n`,
    );
    for (const name of report.missing) io.stdout.write(`missing: ${name} (referenced by a record, not in the file store)\n`);
    return report.missing.length > 0 ? 3 : 0;
  });
}
