import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coverText, uncovered } from './coverage.js';
import { missingGlyphsOfLastRender, renderPdf } from './thai-pdf.js';

const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
const poppler = existsSync('/usr/bin/pdffonts');

describe('characters Sarabun lacks', () => {
  const caption = 'ภาพกิจกรรม 📷 ประชุมชี้แจง ✅ เสร็จแล้ว ★ ☎ 1555 → ดูเพิ่มเติม ✓ 🏛️';

  it('are set in an emoji or symbol font, and only they', () => {
    const runs = coverText(caption);
    expect(runs.map((r) => r.text).join('')).toBe(caption);
    expect(runs.find((r) => r.text.includes('📷'))?.font).toBe('NotoEmoji');
    expect(runs.filter((r) => /[ก-๙]/.test(r.text)).every((r) => r.font === 'Sarabun')).toBe(true);
    expect(uncovered(caption)).toEqual([]);
  });

  it('are replaced visibly when no embedded font has them', () => {
    expect(
      coverText('ข้อ \u{10FFFD} จบ')
        .map((r) => r.text)
        .join(''),
    ).toBe('ข้อ [U+10FFFD] จบ');
  });

  it('draw no box in a PDF: every glyph comes from an embedded font', async () => {
    const pdf = await renderPdf({
      content: [
        { text: caption, bold: true },
        { table: { body: [[caption, { text: ['ก่อน ', { text: '🎉 ต่อ' }] }]] } },
        { ul: ['• รายการ ✔', '📌 ปักหมุด'] },
      ],
    });
    expect(missingGlyphsOfLastRender()).toEqual([]);
    if (poppler) {
      mkdirSync(OUTPUT, { recursive: true });
      const path = `${OUTPUT}fallback-glyphs.pdf`;
      writeFileSync(path, pdf);
      const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
      expect(fonts).toContain('NotoEmoji');
      expect(fonts).toContain('Sarabun');
      expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('📷');
      execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', path, `${OUTPUT}fallback-glyphs`]);
    }
  });

  it('are caught when a font is forced that lacks them', async () => {
    await renderPdf({ content: [{ text: [{ text: 'ก', font: 'NotoSansSymbols2' }] }] });
    expect(missingGlyphsOfLastRender()).toEqual(['ก']);
  });
});
