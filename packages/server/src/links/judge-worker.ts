// Runs in a worker thread: judges fetched pages one at a time, so that reading a page a hostile
// site made costs this thread (stopped by its parent past the budget), never the event loop.
import { parentPort } from 'node:worker_threads';
import { judgeLink, type LinkFacts } from '@prongsai/core';

parentPort!.on('message', (job: { facts: LinkFacts; fiscalYear: number }) => {
  parentPort!.postMessage(judgeLink(job.facts, job.fiscalYear));
});
