import { markWordBreaks } from '@prongsai/core';

/**
 * Thai text for pdfmake: word boundaries marked with U+200B so its line breaker breaks between
 * words; the PDF font patch drops the marks before shaping, so they never print or extract.
 * Not for DOCX: Word breaks Thai itself.
 */
export const breakable = markWordBreaks;
