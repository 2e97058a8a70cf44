// Browser tests: the real server on a loopback port, driven by Debian's Chromium.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, withoutSchedules } from '../../server/src/config.js';
import type { Db } from '../../server/src/db/database.js';
import { sqliteDemo } from '../../server/src/test-support/demo-images.js';

export const CHROMIUM = process.env.PRONGSAI_CHROMIUM ?? '/usr/bin/chromium';
export const WEB_DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

export const browserAvailable = existsSync(CHROMIUM) && existsSync(WEB_DIST);
if (!browserAvailable) {
  const missing = existsSync(CHROMIUM) ? `the built web app (${WEB_DIST})` : `Chromium (${CHROMIUM}; apt-get install chromium)`;
  if (process.env.CI) throw new Error(`browser tests need ${missing}`);
  console.warn(`browser tests skipped: no ${missing}`);
}

export interface Harness {
  url: string;
  browser: Browser;
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-e2e-'));
  const db = await sqliteDemo({}, dataDir);
  const app = await buildApp({
    db,
    config: {
      ...withoutSchedules(loadConfig({})),
      dataDir,
      secureCookies: false,
      demo: true,
    },
    logger: false,
    webDist: WEB_DIST,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    app,
    db,
    close: async () => {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

export async function newPage(
  harness: Harness,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({ viewport, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, harness: Harness, email: string, password = 'prongsai-demo') {
  await page.goto(harness.url);
  await page.getByLabel(/อีเมล|Email/).fill(email);
  await page.getByLabel(/รหัสผ่าน|Password/).fill(password);
  await page.getByRole('button', { name: /เข้าสู่ระบบ|Sign in/ }).click();
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
