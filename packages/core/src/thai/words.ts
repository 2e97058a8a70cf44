const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Breaks a label into lines of about `width` characters at Thai word boundaries.
 *
 * @example wrapLabel('การใช้ทรัพย์สินของราชการ', 12) // 'การใช้ทรัพย์สิน\nของราชการ'
 */
export function wrapLabel(text: string, width = 16): string {
  const lines: string[] = [];
  let line = '';
  for (const { segment } of words.segment(text)) {
    if (line.length > 0 && line.length + segment.length > width) {
      lines.push(line.trim());
      line = '';
    }
    line += segment;
  }
  if (line.trim()) lines.push(line.trim());
  return lines.join('\n');
}

/**
 * Marks the word boundaries of Thai text with U+200B (zero-width space), for line breakers that
 * know no Thai dictionary. Text without Thai is returned as it is.
 */
export function markWordBreaks(text: string): string {
  if (!/[\u0E00-\u0E7F]/.test(text)) return text;
  let out = '';
  for (const { segment } of words.segment(text)) {
    if (out !== '' && !/\s$/.test(out) && !/^\s/.test(segment)) out += '\u200B';
    out += segment;
  }
  return out;
}
