// Scores one raw-responses CSV and prints the process's peak resident memory, so the
// benchmark can compare peaks for files of different sizes in fresh processes.
import { scoreAssessment } from '@prongsai/core';
import { loadFramework } from '../frameworks/registry.js';
import { streamRawCsv } from '../inputs/read-file.js';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: rss-probe <raw.csv>');
const framework = loadFramework('bma-district-2566');
const result = scoreAssessment(framework, await streamRawCsv(framework, path));
process.stdout.write(JSON.stringify({ respondents: result.respondents.IIT, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
