// Vitest's global setup: one folder per test run for the demo images (test-support/demo-images.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IMAGES_ENV, prepareDemoImages } from './demo-images.js';

export default function setup(): (() => Promise<void>) | undefined {
  // Each project of the run calls this; the first one's folder serves them all.
  if (process.env[DEMO_IMAGES_ENV]) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'prongsai-demo-images-'));
  return prepareDemoImages(root, process.env.PRONGSAI_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
}
