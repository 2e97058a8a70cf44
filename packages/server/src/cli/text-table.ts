// Thai above/below vowels and tone marks take no column of their own in a terminal.
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B\uFEFF]/g;

export function displayWidth(text: string): number {
  return [...text.replace(ZERO_WIDTH, '')].length;
}

/** Lays out rows as aligned columns; `align` per column, `r` right-aligns numbers. */
export function textTable(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(cell));
          return align[i] === 'r' ? pad + cell : i === row.length - 1 ? cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
