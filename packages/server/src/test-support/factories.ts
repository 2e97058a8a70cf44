// Test helpers: the few records a test needs, made through the product's own repositories and
// services, instead of the whole demo. `bareApp` serves an empty, migrated database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { insertAgency, insertDivision } from '../agencies/repository.js';
import { buildApp } from '../app.js';
import type { Actor } from '../auth/policy.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { now, type Db } from '../db/database.js';
import type { Agency, Database, Division, Role, User } from '../db/schema.js';
import { createUser } from '../users/service.js';
import { login, type Session, type TestDatabase } from './databases.js';

const PASSWORD = 'factory-password-1';

/** Counts the statements a database answers (those of its transactions among them). */
export class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
  /** How many statements the work given makes. */
  async of(work: () => Promise<unknown>): Promise<number> {
    const before = this.count;
    await work();
    return this.count - before;
  }
  /**
   * The fewest statements a read takes over a few tries: the app's own queues poll the database
   * in the background, and a poll falling inside one try adds to its count.
   */
  async least(read: () => Promise<unknown>, tries = 3): Promise<number> {
    let fewest = Infinity;
    for (let i = 0; i < tries; i++) fewest = Math.min(fewest, await this.of(read));
    return fewest;
  }
}

/** An app over a fresh, empty database (no demo), with a factory for its records; `counter` counts the app's statements. */
export async function bareApp(
  database: TestDatabase,
  options: { counter?: StatementCounter } = {},
): Promise<{
  app: FastifyInstance;
  db: Db;
  make: Factory;
  close(): Promise<void>;
}> {
  const opened = await database.open();
  const db = options.counter ? { ...opened, kysely: opened.kysely.withPlugin(options.counter) } : opened;
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-data-'));
  const app = await buildApp({
    db,
    config: { ...withoutSchedules(loadConfig({})), dataDir, secureCookies: false },
    logger: false,
    webDist: '/nonexistent',
  });
  return {
    app,
    db,
    make: factory(db.kysely, app),
    close: async () => {
      await app.close();
      await opened.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Factory = ReturnType<typeof factory>;

/** Makes agencies, divisions and signed-in accounts, each with readable defaults and a unique code. */
export function factory(db: Kysely<Database>, app: FastifyInstance) {
  let serial = 0;
  const next = () => ++serial;
  return {
    async agency(fields: Partial<Omit<Agency, 'id'>> = {}): Promise<Agency> {
      const n = next();
      return insertAgency(db, {
        code: `T${n}`,
        slug: `agency-${n}`,
        name_th: `หน่วยงานทดสอบ ${n}`,
        name_en: `Test agency ${n}`,
        kind: 'district',
        parent_id: null,
        created_at: now(),
        ...fields,
      });
    },
    async division(agency: Pick<Agency, 'id'>, nameTh = `ฝ่ายทดสอบ ${next()}`): Promise<Division> {
      return insertDivision(db, {
        agency_id: agency.id,
        name_th: nameTh,
        name_en: nameTh,
        sort_order: next(),
        created_at: now(),
      });
    },
    /** An account of the role, placed in the agency (and division), or a central admin overseeing one; signed in. */
    async account(
      role: Role,
      place: { agency?: Pick<Agency, 'id'>; division?: Pick<Division, 'id'>; oversees?: Pick<Agency, 'id'> } = {},
    ): Promise<{ user: User; session: Session }> {
      const { user } = await createUser(db, null, {
        email: `${role.replace('_', '-')}-${next()}@factory.test`,
        displayName: `${role} ${serial}`,
        role,
        agencyId: place.agency?.id ?? null,
        divisionId: place.division?.id ?? null,
        overseesAgencyId: place.oversees?.id ?? null,
        password: PASSWORD,
      });
      return { user, session: await login(app, user.email, PASSWORD) };
    },
  };
}

/** A central admin over the whole country, for calling services directly. */
export const nationalAdmin: Actor = {
  id: 0,
  email: 'central@localhost',
  displayName: 'central',
  role: 'central_admin',
  agencyId: null,
  divisionId: null,
  oversees: 'all',
};
