const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
let dictionary = new Set<string>();
/** The domain's own terms, preferred where the dictionary allows two splits (การ|ปฏิบัติงาน, not การปฏิบัติ|งาน). */
let terms = new Set<string>();
/** Every beginning of a dictionary word, so a look-up stops as soon as no word can go on. */
let prefixes = new Set<string>();

/**
 * The Thai words to keep whole when text is broken into lines: the domain's own terms
 * (frameworks/typesetting/thai-words.json, which the web app loads alone) and, on the server, a
 * dictionary of Thai words (frameworks/typesetting/thai-dictionary.txt). Both hold words the ICU
 * dictionary behind `Intl.Segmenter` splits, such as หน่วย|งาน, ตรวจ|สอบ, ตัว|ชี้|วัด or งบ|ประมาณ.
 */
export function useThaiCompounds(domainTerms: Iterable<string>, dictionaryWords: Iterable<string> = []): void {
  terms = new Set(domainTerms);
  dictionary = new Set([...terms, ...dictionaryWords]);
  prefixes = new Set();
  for (const word of dictionary) for (let end = 1; end <= word.length; end++) prefixes.add(word.slice(0, end));
}

const THAI_RUN = /^[\u0E01-\u0E3A\u0E40-\u0E4E]+$/;
/** A vowel or mark that belongs to the letter before it (ั ะ า ำ ิ … ็ ่ …): no word starts with one. */
const following = (char: string) => {
  const code = char.charCodeAt(0);
  return (code >= 0x0e30 && code <= 0x0e3a) || code === 0x0e45 || (code >= 0x0e47 && code <= 0x0e4e);
};
/** A vowel written before its consonant (เ แ โ ใ ไ): no word ends with one. */
const leading = (char: string) => char >= '\u0E40' && char <= '\u0E44';

/**
 * Thai text as typed with a tone mark before the vowel above (ส่ือ for สื่อ), in the order the
 * segmenter knows, the same length, so its boundaries hold for the text as typed.
 */
const markOrder = (text: string) => text.replace(/([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E37])/g, '$2$1');

/** Whether a word may start or end at `at` in a run: not before a following vowel or mark, nor after a leading vowel. */
const wordEdge = (run: string, at: number) => at === 0 || at === run.length || (!following(run[at]!) && !leading(run[at - 1]!));

/**
 * A run of Thai letters split into words. Of the ways to split it into the segmenter's pieces and
 * dictionary words, the one with the fewest letters in pieces the dictionary does not know, then the
 * fewest words, then the most of the domain's terms, then the fewest boundaries the segmenter did not find. So compounds the segmenter splits
 * (หน่วย|งาน) are kept whole, and where it joins across words (งา|นอื่น, ป็|นขั้น|ตอน) the dictionary's
 * words win. A boundary the segmenter did not find is taken only at an end of a dictionary word that
 * spans one it did, so a name the dictionary lacks is never split into words it knows (บางแค, not
 * บาง|แค). With `whole` false, the run itself is not taken as one word.
 */
function splitRun(run: string, pieceEnds: readonly number[], whole = true): string[] {
  const n = run.length;
  const found = new Set([0, ...pieceEnds]);
  // The end of the segmenter's piece that holds each letter.
  const pieceEnd: number[] = [];
  for (const end of pieceEnds) while (pieceEnd.length < end) pieceEnd.push(end);
  // cost[i], for the best split of run[0, i): letters in unknown pieces, words, words not the domain's terms,
  // boundaries not the segmenter's.
  type Cost = [number, number, number, number];
  const cost: (Cost | undefined)[] = [[0, 0, 0, 0]];
  const from: number[] = [0];
  const offer = (start: number, end: number, unknown: number) => {
    const [u, w, d, o] = cost[start]!;
    const next: Cost = [u + unknown, w + 1, d + (terms.has(run.slice(start, end)) ? 0 : 1), o + (found.has(end) ? 0 : 1)];
    const now = cost[end];
    const at = now ? next.findIndex((c, k) => c !== now[k]) : -1;
    // On a full tie the later offer wins: its last word starts later, so the first words are the longer (เผยแพร่|ประชาสัมพันธ์).
    if (!now || at === -1 || next[at]! < now[at]!) {
      cost[end] = next;
      from[end] = start;
    }
  };
  /** The ends of the dictionary words that start at `start`. */
  const wordsFrom = (start: number) => {
    const ends: number[] = [];
    for (let end = start + 1; end <= n; end++) {
      const word = run.slice(start, end);
      if (!prefixes.has(word)) break;
      if (dictionary.has(word) && (whole || start > 0 || end < n)) ends.push(end);
    }
    return ends;
  };
  for (let start = 0; start < n; start++) {
    if (!cost[start]) continue;
    const piece = pieceEnd[start]!;
    if (found.has(start)) {
      // The segmenter's piece, known to the dictionary or not; or its letters up to a dictionary word spanning its end.
      offer(start, piece, dictionary.has(run.slice(start, piece)) ? 0 : piece - start);
      for (let at = start + 1; at < piece; at++) {
        if (!wordEdge(run, at) || !wordsFrom(at).some((end) => end > piece)) continue;
        offer(start, at, dictionary.has(run.slice(start, at)) ? 0 : at - start);
      }
    } else {
      // After a dictionary word that ends inside a piece: the rest of the piece, if no word goes on.
      offer(start, piece, piece - start);
    }
    for (const end of wordsFrom(start)) {
      if (end === piece && found.has(start)) continue;
      if (found.has(end) || (end > piece && wordEdge(run, end))) offer(start, end, 0);
    }
  }
  const bounds: number[] = [];
  for (let end = n; end > 0; end = from[end]!) bounds.push(end);
  bounds.push(0);
  bounds.reverse();
  // Letters no word holds stay together (ป็|น|ขั้นตอน, as typed for เป็นขั้นตอน, gives ป็น|ขั้นตอน).
  const words: string[] = [];
  for (let i = 1; i < bounds.length; i++) {
    const word = run.slice(bounds[i - 1], bounds[i]);
    const last = words.at(-1);
    const partial = !found.has(bounds[i - 2] ?? 0) || !found.has(bounds[i]!);
    if (last !== undefined && partial && !dictionary.has(last) && !dictionary.has(word)) words[words.length - 1] += word;
    else words.push(word);
  }
  return words;
}

/** The segmenter's boundaries inside a stretch of a run, counted from its start, with its end. */
const endsWithin = (ends: readonly number[], start: number, length: number) => [
  ...ends.filter((end) => end > start && end < start + length).map((end) => end - start),
  length,
];

/**
 * Where a word kept whole may still be broken when a line cannot hold it at all, each with its depth:
 * between the words it is made of (น้อย|ที่สุด: depth 1), and between theirs in turn (depth 2 …).
 */
function fallbackBreaks(word: string, ends: readonly number[], depth = 1): [at: number, depth: number][] {
  if (ends.length < 2) return [];
  const breaks: [number, number][] = [];
  let at = 0;
  for (const part of splitRun(word, ends, false)) {
    if (at > 0) breaks.push([at, depth]);
    for (const [b, d] of fallbackBreaks(part, endsWithin(ends, at, part.length), depth + 1)) breaks.push([b + at, d]);
    at += part.length;
  }
  return breaks.sort((x, y) => x[0] - y[0]);
}

/** Marks, once for each level of depth, where a word may break if a line cannot hold it whole (see `markWordBreaks`). */
const FALLBACK = '\u2060';

/**
 * Where to end a line that must break a word too wide for any line (marked by `markWordBreaks`),
 * for a line that has room for its first `room` characters: rounded up to the next break between the
 * word's own words (น้อย|ที่สุด), or, when the first of those does not fit either, to the next break
 * inside it, and so on; unmarked text is cut where the room ends. A line breaker that measures each
 * cut it tries this way keeps the longest that fits and breaks between whole words when it can.
 */
export function fallbackCut(text: string, room: number, depth = 1, limit = text.length): number {
  const ends: number[] = [];
  let deeper = false;
  for (let i = 0; i < limit;) {
    if (text[i] !== FALLBACK) {
      i++;
      continue;
    }
    let j = i;
    while (j < limit && text[j] === FALLBACK) j++;
    if (j - i === depth) ends.push(j);
    else if (j - i > depth) deeper = true;
    i = j;
  }
  if (ends.length === 0) return deeper ? fallbackCut(text, room, depth + 1, limit) : Math.min(room, limit);
  if (room > ends[0]!) return [...ends, limit].find((end) => end >= room)!;
  return fallbackCut(text, room, depth + 1, ends[0]);
}

/** `thaiWords`, with `FALLBACK` inside each word kept whole where it may break if it must. */
function words(text: string, fallback: boolean): string[] {
  // Split as if its marks were in order, then cut the text as typed at the same places.
  const ordered = markOrder(text);
  const pieces = [...segmenter.segment(ordered)].map((s) => s.segment);
  const merged: string[] = [];
  let at = 0;
  const take = (length: number, breaks: readonly [number, number][] = []) => {
    let word = '';
    let from = at;
    for (const [b, depth] of breaks) word += text.slice(from, (from = at + b)) + FALLBACK.repeat(depth);
    merged.push(word + text.slice(from, (at += length)));
  };
  for (let i = 0; i < pieces.length;) {
    if (!THAI_RUN.test(pieces[i]!)) {
      take(pieces[i++]!.length);
      continue;
    }
    // A run of Thai pieces, split again with the dictionary.
    let run = '';
    const ends: number[] = [];
    for (; i < pieces.length && THAI_RUN.test(pieces[i]!); i++) ends.push((run += pieces[i]!).length);
    let start = 0;
    for (const word of ends.length === 1 ? [run] : splitRun(run, ends)) {
      take(word.length, fallback ? fallbackBreaks(word, endsWithin(ends, start, word.length)) : []);
      start += word.length;
    }
  }
  const out: string[] = [];
  let opening = '';
  for (const piece of merged) {
    if (OPENING.test(piece)) {
      opening += piece;
    } else if (CLOSING.test(piece) && out.length > 0 && opening === '' && !/\s$/.test(out[out.length - 1]!)) {
      out[out.length - 1] += piece;
    } else {
      out.push(opening + piece);
      opening = '';
    }
  }
  if (opening) out.push(opening);
  return out;
}

/** Punctuation that belongs to the word before it, and to the word after it. */
const CLOSING = /^[)\]}.,;:!?%”’»…ๆฯ]+$/;
const OPENING = /^[([{“‘«]+$/;

/**
 * The words of a text where a line may break between them: `Intl.Segmenter`'s words, split again
 * with the dictionary (see `useThaiCompounds`) so no dictionary word is broken, and punctuation kept
 * with its word, so no line starts with ")" or ends with "(".
 *
 * @example thaiWords('การใช้งบประมาณ (84.63)') // ['การ', 'ใช้', 'งบประมาณ', ' ', '(84.63)']
 */
export function thaiWords(text: string): string[] {
  return words(text, false);
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
 * know no Thai dictionary. Inside a word made of several (น้อยที่สุด), U+2060 (word joiner) marks
 * where it may break if no line can hold it whole (น้อย⁠ที่สุด; twice where its parts break in turn):
 * line breakers never break there, and the PDF's breaks a word too wide for its line there (see
 * `fallbackCut`) rather than at any letter. The space before a
 * ๆ written apart (ต่าง ๆ) becomes a no-break space, so no line starts with ๆ. Text without Thai
 * is returned as it is.
 */
export function markWordBreaks(text: string): string {
  if (!/[\u0E00-\u0E7F]/.test(text)) return text;
  let out = '';
  for (const segment of words(text, true)) {
    if (out !== '' && !/\s$/.test(out) && !/^\s/.test(segment)) out += '\u200B';
    out += segment;
  }
  return out.replace(/ (?=ๆ)/g, '\u00A0');
}
