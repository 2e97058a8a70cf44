// Scores one raw-responses CSV and prints the process's peak resident memory, so the
// benchmark can compare peaks for files of different sizes in fresh processes.
import { readFileSync } from 'node:fs';
import { scoreAssessment } from '@prongsai/core';
import { loadFramework } from '../frameworks/registry.js';
import { streamRawCsv } from '../inputs/read-file.js';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: rss-probe <raw.csv>');
const framework = loadFramework('bma-district-2566');
const result = scoreAssessment(framework, await streamRawCsv(framework, path));
// VmHWM is this program's own peak; getrusage's maxRSS can carry the parent's over exec.
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
process.stdout.write(
  JSON.stringify({ respondents: result.respondents.IIT, maxRssKiB: hwm ? Number(hwm) : process.resourceUsage().maxRSS }) + '\n',
);
