import type { LinkFacts, LinkJudgement } from '@prongsai/core';
import { fetchLink, type FetchPolicy } from './fetch.js';
import { linkJudge } from './judge.js';

/** A counting semaphore: at most `size` holders at a time, the rest wait in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

export interface CheckLimits {
  /** URLs checked at once in all. */
  concurrency: number;
  /** URLs checked at once on one host, so that no agency's site is flooded. */
  perHost: number;
}

export interface CheckedLink extends LinkJudgement {
  facts: LinkFacts;
  durationMs: number;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
};

/**
 * Checks URLs with bounded concurrency, in all and per host; calls `done` as each is judged.
 * The same URL is fetched once.
 */
export async function checkLinks(
  urls: readonly string[],
  fiscalYear: number,
  policy: FetchPolicy,
  limits: CheckLimits,
  done: (url: string, result: CheckedLink) => void | Promise<void>,
): Promise<void> {
  const all = new Semaphore(limits.concurrency);
  const hosts = new Map<string, Semaphore>();
  await Promise.all(
    [...new Set(urls)].map(async (url) => {
      const host = hostOf(url);
      let semaphore = hosts.get(host);
      if (!semaphore) hosts.set(host, (semaphore = new Semaphore(limits.perHost)));
      await semaphore.acquire();
      await all.acquire();
      const started = performance.now();
      try {
        const facts = await fetchLink(url, policy);
        const judgement = await linkJudge.judge(facts, fiscalYear);
        await done(url, { ...judgement, facts, durationMs: Math.round(performance.now() - started) });
      } finally {
        all.release();
        semaphore.release();
      }
    }),
  );
}
