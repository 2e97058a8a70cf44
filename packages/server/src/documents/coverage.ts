import { createRequire } from 'node:module';
import { FALLBACK_FONTS, SARABUN } from './fonts.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): { hasGlyphForCodePoint(cp: number): boolean } };

export type FontName = 'Sarabun' | keyof typeof FALLBACK_FONTS;
const ORDER: FontName[] = ['Sarabun', 'NotoEmoji', 'NotoSansSymbols', 'NotoSansSymbols2'];
const FILES: Record<FontName, string> = {
  Sarabun: SARABUN.regular,
  NotoEmoji: FALLBACK_FONTS.NotoEmoji.normal,
  NotoSansSymbols: FALLBACK_FONTS.NotoSansSymbols.normal,
  NotoSansSymbols2: FALLBACK_FONTS.NotoSansSymbols2.normal,
};

let fonts: Map<FontName, { hasGlyphForCodePoint(cp: number): boolean }> | null = null;
const fontsByName = () => (fonts ??= new Map(ORDER.map((name) => [name, fontkit.openSync(FILES[name])])));

/** Characters that draw nothing and need no glyph: spaces, line breaks, word marks, joiners, variation selectors. */
const INVISIBLE = /^(?:\s|[\u200B-\u200D]|\u2060|[\uFE00-\uFE0F])$/u;

/** The first font of Sarabun and its fallbacks that has a glyph for the code point, or `null`. */
const chosen = new Map<number, FontName | null>();
export function fontFor(codePoint: number): FontName | null {
  let font = chosen.get(codePoint);
  if (font === undefined) {
    font = ORDER.find((name) => fontsByName().get(name)!.hasGlyphForCodePoint(codePoint)) ?? null;
    chosen.set(codePoint, font);
  }
  return font;
}

export interface Run {
  text: string;
  font: FontName;
}

/**
 * Splits text into runs by the font that can draw each character: Sarabun first, then Noto
 * Emoji and Noto Sans Symbols. A character none has becomes a visible `[U+1F9FF]`.
 */
export function coverText(text: string): Run[] {
  const runs: Run[] = [];
  const push = (chunk: string, font: FontName) => {
    const last = runs.at(-1);
    if (last && last.font === font) last.text += chunk;
    else runs.push({ text: chunk, font });
  };
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const previous = runs.at(-1)?.font ?? 'Sarabun';
    if (INVISIBLE.test(char)) {
      // Spaces and word marks (U+200B, and U+2060 inside a word) are Sarabun's; joiners and selectors stay with the run before when its font knows them.
      if (/\s|\u200B|\u2060/u.test(char)) push(char, 'Sarabun');
      else if (fontsByName().get(previous)!.hasGlyphForCodePoint(codePoint)) push(char, previous);
      continue;
    }
    const font = fontFor(codePoint);
    if (font) push(char, font);
    else push(`[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`, 'Sarabun');
  }
  return runs;
}

/** Characters of a text no embedded font can draw (what `coverText` would replace). */
export function uncovered(text: string): string[] {
  return [...text].filter((c) => !INVISIBLE.test(c) && fontFor(c.codePointAt(0)!) === null);
}

const SKIP = new Set(['image', 'svg', 'canvas', 'qr', 'font', 'style', 'alignment', 'link', 'color', 'margin', 'widths']);

/**
 * Walks a pdfmake document and sets each piece of text in the font that has its characters,
 * so nothing prints as a box. Text wholly in Sarabun is left as it is.
 */
export function withFallbackFonts<T>(node: T): T {
  if (typeof node === 'string') {
    const runs = coverText(node);
    if (runs.length === 1 && runs[0]!.font === 'Sarabun') return runs[0]!.text as T;
    return { text: runs.map((r) => (r.font === 'Sarabun' ? r.text : { text: r.text, font: r.font })) } as T;
  }
  if (Array.isArray(node)) return node.map((child: unknown) => withFallbackFonts(child)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (SKIP.has(key) || typeof value === 'function') out[key] = value;
    else if (key === 'text' && typeof value === 'string') {
      const covered = withFallbackFonts(value) as string | { text: unknown };
      out.text = typeof covered === 'string' ? covered : covered.text;
    } else out[key] = withFallbackFonts(value);
  }
  return out as T;
}
