import { resolve } from 'node:path';
import type { S3Settings } from './files/s3.js';

/** A setting missing or wrong: start-up stops and says which, in English, without a stack. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  /** Send cookies with `Secure`; browsers treat http://localhost as secure, so it stays on by default. */
  secureCookies: boolean;
  logLevel: string;
  /**
   * Whom to believe about the client's address (X-Forwarded-For): nobody unless configured;
   * `true`, a hop count, or addresses/CIDRs of the proxies (PRONGSAI_TRUST_PROXY).
   */
  trustProxy: boolean | number | string;
  /** Serving the demo data (`serve --demo`): the login page then lists the demo accounts. */
  demo: boolean;
  /**
   * The address the public reaches Prongsai at (PRONGSAI_PUBLIC_URL, e.g. https://ita.example.go.th):
   * the transparency pages' sitemap and the URLs agencies type into ITAS use it; without it, the request's host.
   */
  publicUrl?: string;
  /** The OIT link checker (PRONGSAI_LINKCHECK_*). */
  linkCheck?: LinkCheckConfig;
  /** Reminders by email (PRONGSAI_SMTP_URL, PRONGSAI_MAIL_FROM, PRONGSAI_REMINDERS). */
  reminders?: ReminderConfig;
  /** Stale OIT readiness kept up to date in the background, a batch a minute; `false` in tests. */
  readinessRefresh?: boolean;
  /** The late milestones of changed years kept in the background, every minute; `false` in tests. */
  lateRefresh?: boolean;
  /**
   * Frameworks imported through other instances looked for in the database every few seconds;
   * `false` in tests, which then sync when they choose (an instance still syncs once as it starts).
   */
  frameworkSync?: boolean;
  /** Bytes each agency may store: evidence, OIT documents and letterhead together (PRONGSAI_AGENCY_QUOTA_MB). */
  agencyQuotaBytes?: number;
  /**
   * Where the agencies' files and the documents made are kept (PRONGSAI_FILE_STORE): the data
   * directory's disk unless given, or an S3-compatible bucket that several instances share.
   */
  files?: FileStoreSettings;
}

export type FileStoreSettings = { kind: 'disk' } | { kind: 's3'; s3: S3Settings };

/**
 * The file store from PRONGSAI_FILE_STORE (`disk`, the default, or `s3`) and, for `s3`,
 * PRONGSAI_S3_BUCKET, PRONGSAI_S3_REGION, PRONGSAI_S3_ACCESS_KEY_ID, PRONGSAI_S3_SECRET_ACCESS_KEY,
 * PRONGSAI_S3_ENDPOINT (needed unless the store is AWS) and PRONGSAI_S3_FORCE_PATH_STYLE.
 */
export function fileStoreSettings(env: NodeJS.ProcessEnv = process.env): FileStoreSettings {
  const kind = env.PRONGSAI_FILE_STORE ?? 'disk';
  if (kind === '' || kind === 'disk') return { kind: 'disk' };
  if (kind !== 's3') throw new ConfigError(`PRONGSAI_FILE_STORE must be "disk" or "s3", not "${kind}"`);
  const needed = ['PRONGSAI_S3_BUCKET', 'PRONGSAI_S3_REGION', 'PRONGSAI_S3_ACCESS_KEY_ID', 'PRONGSAI_S3_SECRET_ACCESS_KEY'];
  const absent = needed.filter((name) => !env[name]);
  if (absent.length > 0) {
    throw new ConfigError(
      `PRONGSAI_FILE_STORE=s3 also needs ${absent.join(', ')} (and PRONGSAI_S3_ENDPOINT unless the store is AWS)`,
    );
  }
  const endpoint = env.PRONGSAI_S3_ENDPOINT;
  if (endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ConfigError(`PRONGSAI_S3_ENDPOINT must be an http:// or https:// address, not "${endpoint}"`);
    }
  }
  const pathStyle = env.PRONGSAI_S3_FORCE_PATH_STYLE ?? '';
  if (!['', 'true', 'false'].includes(pathStyle)) {
    throw new ConfigError(`PRONGSAI_S3_FORCE_PATH_STYLE must be "true" or "false", not "${pathStyle}"`);
  }
  return {
    kind: 's3',
    s3: {
      ...(endpoint ? { endpoint } : {}),
      bucket: env.PRONGSAI_S3_BUCKET!,
      region: env.PRONGSAI_S3_REGION!,
      accessKeyId: env.PRONGSAI_S3_ACCESS_KEY_ID!,
      secretAccessKey: env.PRONGSAI_S3_SECRET_ACCESS_KEY!,
      // MinIO and Ceph are usually reached by path; AWS by the bucket's own host name.
      forcePathStyle: pathStyle === '' ? Boolean(endpoint) : pathStyle === 'true',
    },
  };
}

/** Storage per agency when PRONGSAI_AGENCY_QUOTA_MB is not set. */
export const DEFAULT_AGENCY_QUOTA_MB = 1024;

/** The agency quota from PRONGSAI_AGENCY_QUOTA_MB (megabytes; fractions allowed). */
export function agencyQuotaBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PRONGSAI_AGENCY_QUOTA_MB;
  const mb = raw === undefined || raw === '' ? DEFAULT_AGENCY_QUOTA_MB : Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) throw new ConfigError(`PRONGSAI_AGENCY_QUOTA_MB must be a positive number, not "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

export interface ReminderConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; without it, reminders are in the app only. */
  smtpUrl?: string;
  from: string;
  /** Days before a due date that a task is reminded of. */
  daysBefore: number;
  /** `false` turns the daily schedule off (PRONGSAI_REMINDERS=off). */
  scheduled: boolean;
}

export function reminderConfig(env: NodeJS.ProcessEnv = process.env): ReminderConfig {
  const days = Number(env.PRONGSAI_REMINDER_DAYS_BEFORE ?? 7);
  if (!Number.isInteger(days) || days < 0 || days > 60) throw new ConfigError('PRONGSAI_REMINDER_DAYS_BEFORE must be 0–60');
  return {
    ...(env.PRONGSAI_SMTP_URL ? { smtpUrl: env.PRONGSAI_SMTP_URL } : {}),
    from: env.PRONGSAI_MAIL_FROM ?? 'Prongsai <no-reply@localhost>',
    daysBefore: days,
    scheduled: env.PRONGSAI_REMINDERS !== 'off',
  };
}

export interface LinkCheckConfig {
  /** CIDRs the checker may reach although private (PRONGSAI_LINKCHECK_ALLOW); none by default. */
  allow: string;
  /** A PEM file of extra certificate authorities to trust (PRONGSAI_LINKCHECK_CA). */
  caFile?: string;
  /** Hours between scheduled checks of each checklist; 0 turns the schedule off (PRONGSAI_LINKCHECK_EVERY_HOURS). */
  everyHours: number;
  concurrency: number;
  perHost: number;
  timeoutMs: number;
  maxBytes: number;
}

export function linkCheckConfig(env: NodeJS.ProcessEnv = process.env): LinkCheckConfig {
  const number = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name} must be a number, not "${env[name]}"`);
    return value;
  };
  return {
    allow: env.PRONGSAI_LINKCHECK_ALLOW ?? '',
    ...(env.PRONGSAI_LINKCHECK_CA ? { caFile: env.PRONGSAI_LINKCHECK_CA } : {}),
    everyHours: number('PRONGSAI_LINKCHECK_EVERY_HOURS', 24),
    concurrency: Math.max(1, number('PRONGSAI_LINKCHECK_CONCURRENCY', 16)),
    perHost: Math.max(1, number('PRONGSAI_LINKCHECK_PER_HOST', 4)),
    timeoutMs: number('PRONGSAI_LINKCHECK_TIMEOUT_MS', 15_000),
    maxBytes: number('PRONGSAI_LINKCHECK_MAX_BYTES', 2 * 1024 * 1024),
  };
}

function trustProxyOf(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Reads configuration from the environment; every setting has a documented default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.PRONGSAI_DATABASE_URL ?? 'sqlite:./data/prongsai.db',
    dataDir: resolve(env.PRONGSAI_DATA_DIR ?? './data'),
    secureCookies: env.PRONGSAI_COOKIE_SECURE !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxyOf(env.PRONGSAI_TRUST_PROXY),
    demo: false,
    linkCheck: linkCheckConfig(env),
    reminders: reminderConfig(env),
    agencyQuotaBytes: agencyQuotaBytes(env),
    files: fileStoreSettings(env),
    ...(env.PRONGSAI_PUBLIC_URL ? { publicUrl: trimTrailingSlashes(env.PRONGSAI_PUBLIC_URL) } : {}),
  };
}

/**
 * The configuration without background schedules (tests, benchmarks): link checks and reminders run
 * only when asked, stale readiness and late milestones are kept only by the reads, and frameworks imported through another
 * instance are looked for at start and when asked.
 */
export function withoutSchedules<C extends Config>(config: C): C {
  return {
    ...config,
    linkCheck: { ...(config.linkCheck ?? linkCheckConfig()), everyHours: 0 },
    reminders: { ...(config.reminders ?? reminderConfig()), scheduled: false },
    readinessRefresh: false,
    lateRefresh: false,
    frameworkSync: false,
  };
}

/** A URL without the slashes that end it. */
function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
