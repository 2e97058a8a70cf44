import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CompiledFramework, CompiledItem } from '@prongsai/core';
import { NO_ANSWER } from '@prongsai/core';

/** The IIT items of a framework, in the column order of a raw-responses file. */
export function iitItems(framework: CompiledFramework): CompiledItem[] {
  return [...framework.items.values()].filter((item) => framework.units.get(item.questionCode)?.tool === 'IIT');
}

/**
 * Deterministic synthetic answers: per column a 256-entry table maps a random byte to an
 * answer code (mostly favourable, about 2% unanswered), so generation is cheap and repeatable.
 */
export class SyntheticAnswers {
  private readonly tables: Uint8Array[];
  private state: number;

  constructor(items: readonly CompiledItem[], seed = 2566) {
    this.state = seed >>> 0 || 1;
    this.tables = items.map((item) => {
      const table = new Uint8Array(256);
      const weights = item.scale.answers.length === 4 ? [0.02, 0.06, 0.32, 0.58] : [0.03, 0.95];
      // Favourable answers for a negative item are the low-point options, so reverse.
      const favourable = item.polarity === 'positive' ? weights : [...weights].reverse();
      let k = 0;
      for (let option = 0; option < favourable.length; option++) {
        const end = option === favourable.length - 1 ? 251 : k + Math.round(favourable[option]! * 251);
        for (; k < end; k++) table[k] = item.scale.answers[option]!;
      }
      for (; k < 256; k++) table[k] = NO_ANSWER;
      return table;
    });
  }

  private next(): number {
    // xorshift32
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** Fills `rows` respondents' answers, row-major, into `out`. */
  fill(out: Uint8Array, rows: number): void {
    const width = this.tables.length;
    for (let r = 0, k = 0; r < rows; r++) {
      for (let c = 0; c < width; c++, k++) out[k] = this.tables[c]![this.next() & 255]!;
    }
  }
}

/**
 * Writes a raw-responses CSV of `respondents` rows whose answers are `blockAt(0)`, `blockAt(1)`, …
 * (blocks of `blockSize` respondents, as the in-memory benchmark reads them).
 */
export async function writeRawCsv(
  path: string,
  items: readonly CompiledItem[],
  respondents: number,
  blockSize: number,
  blockAt: (index: number) => Uint8Array,
): Promise<void> {
  const stream = createWriteStream(path);
  const block = blockSize;
  stream.write(`respondent,${items.map((i) => i.key).join(',')}\n`);
  for (let done = 0; done < respondents; done += block) {
    const rows = Math.min(block, respondents - done);
    const matrix = blockAt(done / block);
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells = [`R${done + r + 1}`];
      for (let c = 0; c < items.length; c++) {
        const code = matrix[r * items.length + c]!;
        cells.push(code === NO_ANSWER ? '' : String(code));
      }
      lines.push(cells.join(','));
    }
    if (!stream.write(lines.join('\n') + '\n')) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}
