import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The survey key: it seals the responses still waiting to be counted, and makes the keyed tags of
 * submission ids and codes. It is kept outside the database (PRONGSAI_SURVEY_KEY, or
 * `survey.key` in the data directory, made on first start) and never in a backup, so that no copy
 * of the database, its WAL or a backup can open a waiting response or match a tag to an id.
 */
export interface SurveyKey {
  seal: Buffer;
  tag: Buffer;
}

export const SURVEY_KEY_FILE = 'survey.key';

function derive(secret: Buffer): SurveyKey {
  const part = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `prongsai-survey-${info}`, 32));
  return { seal: part('seal'), tag: part('tag') };
}

/** Reads the survey key from PRONGSAI_SURVEY_KEY (64 hex digits) or the data directory's key file, making the file once. */
export function loadSurveyKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): SurveyKey {
  const given = env.PRONGSAI_SURVEY_KEY?.trim();
  if (given) {
    if (!/^[0-9a-f]{64}$/i.test(given)) throw new Error('PRONGSAI_SURVEY_KEY must be 64 hexadecimal digits (32 random bytes)');
    return derive(Buffer.from(given, 'hex'));
  }
  const file = join(dataDir, SURVEY_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx`: two processes starting at once keep the first one's key.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`${file} must hold 64 hexadecimal digits`);
  return derive(Buffer.from(text, 'hex'));
}

const keys = new WeakMap<Kysely<Database>, SurveyKey>();

/** Uses a key for a database's surveys in this process (the app does so when it starts). */
export function useSurveyKey(db: Kysely<Database>, key: SurveyKey): void {
  keys.set(db, key);
}

export const hasSurveyKey = (db: Kysely<Database>) => keys.has(db);

export function surveyKeyOf(db: Kysely<Database>): SurveyKey {
  const key = keys.get(db);
  if (!key) throw new Error('no survey key for this database: the app sets it from PRONGSAI_SURVEY_KEY or the data directory');
  return key;
}

/** A keyed tag of a value within a round: equal values give equal tags; without the key it says nothing. */
export function tagOf(key: SurveyKey, roundId: number, kind: 'client' | 'code', value: string): string {
  return createHmac('sha256', key.tag).update(`${kind}\u0000${roundId}\u0000${value}`).digest('hex');
}

/** A waiting response: its division, the hash of its code (with codes), and its option per item. */
export interface WaitingResponse {
  division: number;
  codeHash: string | null;
  options: number[];
}

/**
 * Fixed-size plaintext (4 bytes division, 32 bytes code hash or zeros, 1 byte per item), so that
 * every sealed response of a round is as long as every other.
 */
export function encodeResponse(response: WaitingResponse): Buffer {
  const bytes = Buffer.alloc(4 + 32 + response.options.length);
  bytes.writeUInt32BE(response.division, 0);
  if (response.codeHash) Buffer.from(response.codeHash, 'hex').copy(bytes, 4);
  response.options.forEach((option, i) => bytes.writeUInt8(option, 36 + i));
  return bytes;
}

function decodeResponse(bytes: Buffer): WaitingResponse {
  const hash = bytes.subarray(4, 36);
  return {
    division: bytes.readUInt32BE(0),
    codeHash: hash.every((b) => b === 0) ? null : hash.toString('hex'),
    options: [...bytes.subarray(36)],
  };
}

/** AES-256-GCM with a random nonce, bound to its round: base64 of nonce, ciphertext and tag. */
export function seal(key: SurveyKey, roundId: number, response: WaitingResponse): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.seal, nonce);
  cipher.setAAD(Buffer.from(`round ${roundId}`));
  const body = Buffer.concat([cipher.update(encodeResponse(response)), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}

export function unseal(key: SurveyKey, roundId: number, sealed: string): WaitingResponse {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key.seal, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(`round ${roundId}`));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return decodeResponse(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]));
}

/** A random id for a waiting row: rows sort by it, not by when they came. */
export const randomRowId = () => randomBytes(16).toString('hex');
