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
