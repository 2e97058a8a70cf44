import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  /** Send cookies with `Secure`; browsers treat http://localhost as secure, so it stays on by default. */
  secureCookies: boolean;
  logLevel: string;
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
  };
}
