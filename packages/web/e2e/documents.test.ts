import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, newPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

describe.runIf(browserAvailable)('documents in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => harness?.close());

  it('makes the FY2567 measures document with a progress bar and offers the download', async () => {
    const { context, page } = await newPage(harness);
    await signIn(page, harness, 'admin@bang-khae.demo');
    await page.getByRole('heading', { name: 'สำนักงานเขตบางแค' }).waitFor();
    await page.getByRole('link', { name: 'เอกสาร' }).click();
    await page.getByTestId('documents-year').fill('2567');
    const card = page.getByTestId('document-measures');
    await card.getByTestId('make-PDF').click();
    await card.getByTestId('download-PDF').waitFor({ timeout: 20_000 });
    const href = await card.getByTestId('download-PDF').getAttribute('href');
    const response = await page.request.get(`${harness.url}${href}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, '20-documents');
    await context.close();
  });
});
