const THAI_ZERO = 0x0e50;

/**
 * Writes ASCII digits as Thai digits, leaving everything else as it is.
 *
 * @example toThaiDigits('พ.ศ. 2568') // 'พ.ศ. ๒๕๖๘'
 */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 48));
}

/**
 * Writes Thai digits as ASCII digits, leaving everything else as it is.
 *
 * @example fromThaiDigits('๙๔.๘๗') // '94.87'
 */
export function fromThaiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

/**
 * Reads a decimal number written with ASCII or Thai digits: an optional sign, digits and an
 * optional fraction. Hexadecimal (`0x10`), exponents and `Infinity` are not numbers here,
 * though JavaScript's `Number` would take them.
 *
 * @example parseDecimal('๘๔.๕๖') // 84.56
 * @example parseDecimal('0x10') // undefined
 */
export function parseDecimal(text: string): number | undefined {
  const ascii = fromThaiDigits(text.trim());
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(ascii)) return undefined;
  return Number(ascii);
}

/**
 * Moves the Buddhist-Era years of a text on by `delta`, the years of `from` and of the few
 * years before it (a document carried over from FY2568 to FY2569 names 2567 as "last year"),
 * written in Thai or ASCII digits, each in the digits it was written in. Other numbers stay.
 *
 * @example shiftBuddhistYears('ปีงบประมาณ พ.ศ. ๒๕๖๘ และ ๒๕๖๗', 2568, 1) // 'ปีงบประมาณ พ.ศ. ๒๕๖๙ และ ๒๕๖๘'
 */
export function shiftBuddhistYears(text: string, from: number, delta: number, span = 2): string {
  return text.replace(/(?<![0-9๐-๙])[0-9๐-๙]{4}(?![0-9๐-๙])/g, (written) => {
    const year = Number(fromThaiDigits(written));
    if (year > from || year < from - span) return written;
    const shifted = String(year + delta);
    return /[๐-๙]/.test(written) ? toThaiDigits(shifted) : shifted;
  });
}
