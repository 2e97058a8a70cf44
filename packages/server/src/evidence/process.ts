import convertHeic from 'heic-convert';
import sharp from 'sharp';
import { HttpError } from '../http/errors.js';
import { fileTooLarge } from './store.js';

/** A single upload may be at most this large. */
export const MAX_EVIDENCE_BYTES = 15 * 1024 * 1024;
/** Images are scaled down to fit this box; thumbnails to THUMB_SIZE. */
export const MAX_IMAGE_SIDE = 2048;
export const THUMB_SIZE = 320;
/** Decompressing more pixels than this is refused (a small file can hide a huge image). */
export const MAX_INPUT_PIXELS = 40_000_000;

export type SniffedType = 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf';

/** The file's real type, from its first bytes; never from its name. */
export function sniff(data: Buffer): SniffedType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (
    data.subarray(4, 8).toString('latin1') === 'ftyp' &&
    /^(heic|heix|hevc|hevx|mif1|msf1|heim|heis)$/.test(data.subarray(8, 12).toString('latin1'))
  ) {
    return 'heic';
  }
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return null;
}

const rejected = (message: string, th: string) => new HttpError(422, 'invalid-upload', message, th);

export interface ProcessedUpload {
  kind: 'image' | 'pdf';
  mime: string;
  extension: string;
  file: Buffer;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
}

/**
 * Checks and re-encodes an evidence upload: images (JPEG, PNG, WebP; HEIC converted to JPEG) are
 * decoded with a pixel limit, turned upright, scaled down, and written anew without any metadata
 * (EXIF, GPS); a thumbnail is made. PDFs are kept as they are, to be served only as downloads.
 */
export async function processUpload(data: Buffer): Promise<ProcessedUpload> {
  if (data.length === 0) throw rejected('the file is empty', 'ไฟล์ว่างเปล่า');
  if (data.length > MAX_EVIDENCE_BYTES) throw fileTooLarge(MAX_EVIDENCE_BYTES);
  const type = sniff(data);
  if (!type) {
    throw rejected(
      'unsupported file type; use JPEG, PNG, WebP, HEIC or PDF',
      'ไม่รองรับไฟล์ชนิดนี้ ใช้ได้เฉพาะ JPEG, PNG, WebP, HEIC หรือ PDF',
    );
  }
  if (type === 'pdf') {
    if (
      !data
        .subarray(Math.max(0, data.length - 1024))
        .toString('latin1')
        .includes('%%EOF')
    ) {
      throw rejected('the PDF is incomplete', 'ไฟล์ PDF ไม่สมบูรณ์');
    }
    return { kind: 'pdf', mime: 'application/pdf', extension: 'pdf', file: data, thumb: null, width: null, height: null };
  }
  let source = data;
  if (type === 'heic') {
    try {
      source = Buffer.from(await convertHeic({ buffer: data, format: 'JPEG', quality: 0.9 }));
    } catch {
      throw rejected('the HEIC photo cannot be read', 'อ่านไฟล์ภาพ HEIC ไม่ได้');
    }
  }
  const output = type === 'png' ? 'png' : type === 'webp' ? 'webp' : 'jpeg';
  try {
    const image = sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    const resized = image.resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      output === 'png'
        ? resized.png({ compressionLevel: 9 })
        : output === 'webp'
          ? resized.webp({ quality: 85 })
          : resized.jpeg({ quality: 85, mozjpeg: true });
    const { data: file, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumb = await sharp(file)
      .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside' })
      .jpeg({ quality: 75 })
      .toBuffer();
    return {
      kind: 'image',
      mime: `image/${output}`,
      extension: output === 'jpeg' ? 'jpg' : output,
      file,
      thumb,
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) {
      throw rejected('the image has too many pixels', 'ภาพมีความละเอียดสูงเกินไป (เกิน 40 ล้านพิกเซล)');
    }
    throw rejected(`the image cannot be read: ${message}`, 'อ่านไฟล์ภาพไม่ได้ ไฟล์อาจเสียหาย');
  }
}
