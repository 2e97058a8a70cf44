const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
let compounds = new Set<string>();
let longest = 0;

/**
 * The domain's compounds to keep whole (frameworks/typesetting/thai-words.json, loaded by the server and the
 * web app at start): words the segmenter splits, such as ตัวชี้วัด or งบประมาณ.
 */
export function useThaiCompounds(words: readonly string[]): void {
  compounds = new Set(words);
  longest = Math.max(0, ...words.map((w) => w.length));
}
/** Punctuation that belongs to the word before it, and to the word after it. */
const CLOSING = /^[)\]}.,;:!?%”’»…ๆฯ]+$/;
const OPENING = /^[([{“‘«]+$/;

/**
 * The words of a text where a line may break between them: `Intl.Segmenter`'s words, with the
 * domain's compounds (see `useThaiCompounds`) kept whole and punctuation kept with its word, so no
 * line starts with ")" or ends with "(".
 *
 * @example thaiWords('การใช้งบประมาณ (84.63)') // ['การ', 'ใช้', 'งบประมาณ', ' ', '(84.63)']
 */
export function thaiWords(text: string): string[] {
  const pieces = [...segmenter.segment(text)].map((s) => s.segment);
  const merged: string[] = [];
  for (let i = 0; i < pieces.length;) {
    // The longest run of pieces that spells a listed compound.
    let take = 1;
    let joined = pieces[i]!;
    for (let j = i + 1, run = joined; j < pieces.length && run.length < longest; j++) {
      run += pieces[j]!;
      if (compounds.has(run)) {
        take = j - i + 1;
        joined = run;
      }
    }
    merged.push(joined);
    i += take;
  }
  const words: string[] = [];
  let opening = '';
  for (const piece of merged) {
    if (OPENING.test(piece)) {
      opening += piece;
    } else if (CLOSING.test(piece) && words.length > 0 && opening === '' && !/\s$/.test(words[words.length - 1]!)) {
      words[words.length - 1] += piece;
    } else {
      words.push(opening + piece);
      opening = '';
    }
  }
  if (opening) words.push(opening);
  return words;
}

/**
 * Breaks a label into lines of about `width` characters at Thai word boundaries.
 *
 * @example wrapLabel('การใช้ทรัพย์สินของราชการ', 12) // 'การใช้ทรัพย์สิน\nของราชการ'
 */
export function wrapLabel(text: string, width = 16): string {
  const lines: string[] = [];
  let line = '';
  for (const segment of thaiWords(text)) {
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
  for (const segment of thaiWords(text)) {
    if (out !== '' && !/\s$/.test(out) && !/^\s/.test(segment)) out += '\u200B';
    out += segment;
  }
  return out;
}
