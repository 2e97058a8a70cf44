import { resolve } from 'node:path';

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
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.PRONGSAI_DATABASE_URL ?? 'sqlite:./data/prongsai.db',
    dataDir: resolve(env.PRONGSAI_DATA_DIR ?? './data'),
    secureCookies: env.PRONGSAI_COOKIE_SECURE !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxyOf(env.PRONGSAI_TRUST_PROXY),
    demo: false,
    ...(env.PRONGSAI_PUBLIC_URL ? { publicUrl: env.PRONGSAI_PUBLIC_URL.replace(/\/+$/, '') } : {}),
  };
}
