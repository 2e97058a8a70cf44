import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { MAX_INPUT_PIXELS, sniff } from '../evidence/process.js';
import { HttpError } from '../http/errors.js';

/** An emblem file is small: the Garuda (ตราครุฑ) of a letterhead, not a photo. */
export const MAX_EMBLEM_BYTES = 2 * 1024 * 1024;
/** Printed 3 cm tall, as the official form sets the Garuda of an order. */
export const EMBLEM_HEIGHT_PT = 85;

const pathOf = (dataDir: string, agencyId: number) => join(dataDir, 'letterhead', String(agencyId), 'emblem.png');
const rejected = (message: string, th: string) => new HttpError(422, 'invalid-emblem', message, th);

/**
 * Keeps an agency's emblem: a PNG or JPEG of at most 2 MB, decoded with a pixel limit and
 * stored as a PNG at most 600 px tall without metadata, written beside and renamed into place.
 */
export async function saveEmblem(dataDir: string, agencyId: number, data: Buffer): Promise<{ width: number; height: number }> {
  if (data.length === 0) throw rejected('the file is empty', 'ไฟล์ว่างเปล่า');
  if (data.length > MAX_EMBLEM_BYTES) throw rejected('the emblem is larger than 2 MB', 'ไฟล์ตราสัญลักษณ์มีขนาดเกิน 2 MB');
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
  const path = pathOf(dataDir, agencyId);
  await mkdir(join(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, image.data);
  await rename(temporary, path);
  return { width: image.info.width, height: image.info.height };
}

export async function readEmblem(dataDir: string, agencyId: number): Promise<Buffer | null> {
  return readFile(pathOf(dataDir, agencyId)).catch(() => null);
}

export async function removeEmblem(dataDir: string, agencyId: number): Promise<void> {
  await rm(pathOf(dataDir, agencyId), { force: true });
}
