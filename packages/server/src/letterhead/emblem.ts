import type { Kysely } from 'kysely';
import sharp, { type OutputInfo } from 'sharp';
import type { Database } from '../db/schema.js';
import { MAX_INPUT_PIXELS, sniff } from '../evidence/process.js';
import { type EvidenceStore, fileTooLarge } from '../evidence/store.js';
import { filesAt, readWhole } from '../files/index.js';
import { HttpError } from '../http/errors.js';

/** An emblem file is small: the Garuda (ตราครุฑ) of a letterhead, not a photo. */
export const MAX_EMBLEM_BYTES = 2 * 1024 * 1024;
/** Printed 3 cm tall, as the official form sets the Garuda of an order. */
export const EMBLEM_HEIGHT_PT = 85;

const EMBLEM_FILE = 'emblem.png';
const keyOf = (agencyId: number) => `letterhead/${agencyId}/${EMBLEM_FILE}`;
const rejected = (message: string, th: string) => new HttpError(422, 'invalid-emblem', message, th);

/**
 * Keeps an agency's emblem: a PNG or JPEG of at most 2 MB, decoded with a pixel limit and
 * stored as a PNG at most 600 px tall without metadata, in the agency's file store and under
 * its quota (the emblem it replaces no longer counts), written beside and renamed into place.
 */
export async function saveEmblem(
  db: Kysely<Database>,
  store: EvidenceStore,
  agencyId: number,
  data: Buffer,
): Promise<{ width: number; height: number }> {
  if (data.length === 0) throw rejected('the file is empty', 'ไฟล์ว่างเปล่า');
  if (data.length > MAX_EMBLEM_BYTES) throw fileTooLarge(MAX_EMBLEM_BYTES);
  const type = sniff(data);
  if (type !== 'png' && type !== 'jpeg') {
    throw rejected('the emblem must be a PNG or JPEG image', 'ตราสัญลักษณ์ต้องเป็นไฟล์ภาพ PNG หรือ JPEG');
  }
  let image: { data: Buffer; info: OutputInfo };
  try {
    image = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS })
      .resize({ height: 600, withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw rejected('the image cannot be read', 'อ่านไฟล์ภาพไม่ได้');
  }
  await db.transaction().execute(async (trx) => {
    const current = await store.size('letterhead', agencyId, EMBLEM_FILE);
    await store.reserve(trx, agencyId, image.data.length, current ?? 0);
    await store.replace('letterhead', agencyId, EMBLEM_FILE, image.data);
  });
  return { width: image.info.width, height: image.info.height };
}

/** The agency's emblem (small: read whole), or `null` when none was uploaded. */
export async function readEmblem(dataDir: string, agencyId: number): Promise<Buffer | null> {
  return readWhole(filesAt(dataDir), keyOf(agencyId));
}

export async function removeEmblem(dataDir: string, agencyId: number): Promise<void> {
  await filesAt(dataDir).delete(keyOf(agencyId));
}
