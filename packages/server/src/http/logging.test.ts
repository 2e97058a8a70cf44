import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loggableUrl, logRequest } from './log.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase, type Db } from '../db/database.js';

const TOKEN = 'FeEdToKeNsEcReT0123456789abcdefGHIJ';
const CODE = 'SuRvEyCoDe7Q';
const ADDRESS = '203.150.77.12';

describe('the request log', () => {
  let app: FastifyInstance;
  let db: Db;
  let log = '';

  beforeAll(async () => {
    db = await openDatabase('sqlite::memory:');
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    app = await buildApp({
      db,
      config: { ...withoutSchedules(loadConfig({})), secureCookies: false, logLevel: 'debug' },
      logStream: stream,
      webDist: '/nonexistent',
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('never holds a feed token, a survey code or a respondent address, whatever the URL', async () => {
    const urls: [string, string][] = [
      ['GET', `/ical/${TOKEN}/2570.ics`],
      ['GET', `/ical/${TOKEN}/2570.ics/`],
      ['GET', `/ical/${TOKEN}/`],
      ['GET', `/ical/${TOKEN}`],
      ['POST', `/ical/${TOKEN}/2570.ics`],
      ['DELETE', `/ical/${TOKEN}/2570.ics`],
      ['GET', `/unsubscribe/${TOKEN}`],
      ['GET', `/unsubscribe/${TOKEN}/`],
      ['GET', `/s/${CODE}`],
      ['GET', `/s/${CODE}/`],
      ['GET', `/s/${CODE}/extra?x=1`],
      ['POST', `/s/${CODE}`],
      ['POST', `/api/s/${CODE}/responses`],
      ['POST', `/api/s/${CODE}/responses/`],
      ['GET', `/api/s/${CODE}/responses`],
      ['PUT', `/api/s/${CODE}`],
      ['GET', `/api/s/${CODE}`],
      ['GET', `//s/${CODE}`],
      ['GET', `/S/${CODE}`],
      ['GET', `/%73/${CODE}`],
    ];
    for (const [method, url] of urls) {
      await app.inject({ method: method as 'GET', url, remoteAddress: ADDRESS, payload: method === 'GET' ? undefined : {} });
    }
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(CODE);
    expect(log).not.toContain(ADDRESS);
  });

  it('still logs other requests with their address', async () => {
    log = '';
    await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '198.51.100.7' });
    expect(log).toContain('/api/health');
    expect(log).toContain('198.51.100.7');
  });

  it('reads a path as a server or a proxy in front would before deciding: dot segments, backslashes, parameters', () => {
    // Over a socket (not through inject, which resolves them) these reach the serializer as written.
    for (const url of [
      `/./s/${CODE}`,
      `/api/./s/${CODE}/responses`,
      `/x/../ical/${TOKEN}/2570.ics`,
      `/%2e/unsubscribe/${TOKEN}`,
      `/s\\${CODE}`,
      `/s;v=1/${CODE}`,
    ]) {
      expect(loggableUrl(url), url).not.toContain(url.includes(CODE) ? CODE : TOKEN);
      const logged = logRequest({ url, method: 'GET', ip: ADDRESS, host: 'x', socket: {} } as never);
      expect(JSON.stringify(logged), url).not.toContain(ADDRESS);
    }
    expect(loggableUrl('/api/health')).toBe('/api/health');
    expect(loggableUrl('/t/bang-khae/2567/O1')).toBe('/t/bang-khae/2567/O1');
  });
});
