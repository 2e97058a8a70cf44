const words = new Intl.Segmenter('th', { granularity: 'word' });
const ZWSP = '\u200B';

/**
 * Marks the word boundaries of Thai text with U+200B so a line breaker that knows no Thai
 * dictionary (pdfmake's) breaks between words; the PDF font patch drops the marks before
 * shaping, so they never print or extract. Not for DOCX: Word breaks Thai itself.
 */
export function breakable(text: string): string {
  if (!/[\u0E00-\u0E7F]/.test(text)) return text;
  let out = '';
  for (const { segment } of words.segment(text)) {
    if (out !== '' && !/\s$/.test(out) && !/^\s/.test(segment)) out += ZWSP;
    out += segment;
  }
  return out;
}
