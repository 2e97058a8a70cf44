import { markWordBreaks, useThaiCompounds, wrapLabel } from '@prongsai/core';
import { loadThaiDictionary, loadThaiWords } from '../frameworks/registry.js';

// The domain's own terms and the dictionary's words are never broken at a line end.
useThaiCompounds(loadThaiWords(), loadThaiDictionary());

/** A chart label broken into lines between whole words, dictionary words kept whole. */
export { wrapLabel };

/**
 * Thai text for pdfmake: word boundaries marked with U+200B so its line breaker breaks between
 * words; the PDF font patch drops the marks before shaping, so they never print or extract.
 * Not for DOCX: Word breaks Thai itself.
 */
export const breakable = markWordBreaks;

/**
 * A URL as printed in a narrow cell: readable (Thai path segments decoded) and breakable after
 * "/", ".", "-", "_", "?", "&", "=" and "#", and between Thai words, so a long address wraps
 * inside its cell instead of pushing the table past the margin.
 */
export function breakableUrl(readable: string): string {
  return markWordBreaks(readable).replace(/([/._\-?&=#])(?=[^\u200B])/g, '$1\u200B');
}
