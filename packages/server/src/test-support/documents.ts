import { toThaiDigits } from '@prongsai/core';
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import type { Session } from './databases.js';

/** Starts a document job through the API, waits for it and returns the file it made. */
export async function makeDocument(app: FastifyInstance, session: Session, agency: string, body: object): Promise<Buffer> {
  const started = await app.inject({
    method: 'POST',
    url: `/api/agencies/${agency}/documents`,
    headers: session.headers,
    payload: body,
  });
  if (started.statusCode !== 202) throw new Error(`document not started: ${started.statusCode} ${started.body}`);
  const { id } = started.json() as { id: string };
  for (let i = 0; i < 600; i++) {
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: session.headers })).json() as {
      status: string;
      progress: number;
      url: string | null;
      error: unknown;
    };
    if (job.status === 'failed') throw new Error(JSON.stringify(job.error));
    if (job.status === 'done') {
      if (job.progress !== 100) throw new Error(`a finished job reports ${job.progress}%`);
      return (await app.inject({ method: 'GET', url: job.url!, headers: session.headers })).rawPayload;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the document job did not finish');
}

/** Words of a PDF drawn past a page's right margin (`margin` points from its edge), as `pdftotext -bbox` places them. */
export function wordsPastMargin(pdfPath: string, margin: number): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  const past: string[] = [];
  let width = 0;
  let page = 0;
  for (const line of xml.split('\n')) {
    const pageMatch = /<page width="([\d.]+)"/.exec(line);
    if (pageMatch) {
      width = Number(pageMatch[1]);
      page++;
    }
    const word = /xMax="([\d.]+)"[^>]*>([^<]*)</.exec(line);
    if (word && Number(word[1]) > width - margin + 0.5) past.push(`page ${page}: ${word[2]}`);
  }
  return past;
}

/**
 * Where each page's number ("- ๒ -") is drawn: the top of its digits, as a share of the page's
 * height (0 at the top), page by page from the second; null where a page has none.
 */
export function pageNumberHeights(pdfPath: string): (number | null)[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const heights: (number | null)[] = [];
  for (const [i, page] of xml.split('<page ').slice(1).entries()) {
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    const words = [...page.matchAll(/yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({ y: Number(m[1]), text: m[2]! }));
    const number = words.findIndex(
      (w, k) => w.text === '-' && words[k + 1]?.text === toThaiDigits(String(i + 1)) && words[k + 2]?.text === '-',
    );
    if (i > 0) heights.push(number === -1 ? null : words[number + 1]!.y / height);
  }
  return heights;
}
