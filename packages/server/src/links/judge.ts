import { Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file.js';
import { judgeLink, type LinkFacts, type LinkJudgement } from '@prongsai/core';

/** How long judging one page may take before it is given up and judged without its text. */
export const JUDGE_BUDGET_MS = 2_000;

/**
 * Judges fetched pages off the event loop, one at a time, each within a CPU budget: a page that
 * takes longer has its worker stopped and is judged on its status and address alone (its text
 * unread, the year unknown), `too-complex` (หน้าเว็บซับซ้อนเกินกว่าจะตรวจได้) unless they show a
 * failure. Responses without text are judged at once, on the caller's thread.
 */
export class LinkJudge {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly budgetMs = JUDGE_BUDGET_MS) {}

  judge(facts: LinkFacts, fiscalYear: number): Promise<LinkJudgement> {
    if (facts.text === null) return Promise.resolve(judgeLink(facts, fiscalYear));
    const turn = this.queue.then(() => this.inWorker(facts, fiscalYear));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private inWorker(facts: LinkFacts, fiscalYear: number): Promise<LinkJudgement> {
    const worker = (this.worker ??= new Worker(
      workerFile('judge-worker.js', import.meta.url, '../../dist/links/judge-worker.js'),
    ));
    worker.unref();
    return new Promise((resolve) => {
      // Judged on its status and address alone: a failure they show is named, otherwise the page
      // is not called usable but one too complex to check.
      const unreadable = () => {
        const judged = judgeLink({ ...facts, text: null }, fiscalYear);
        resolve(judged.ok ? { verdict: 'too-complex', ok: false, mentionsYear: null } : judged);
      };
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        void worker.terminate();
        this.worker = null;
        unreadable();
      }, this.budgetMs);
      worker.once('message', (judgement: LinkJudgement) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        resolve(judgement);
      });
      worker.once('error', () => {
        clearTimeout(timer);
        this.worker = null;
        unreadable();
      });
      worker.postMessage({ facts, fiscalYear });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** The judge every link check of this process shares. */
export const linkJudge = new LinkJudge();
