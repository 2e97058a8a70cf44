import { createHash } from 'node:crypto';

/** SHA-256 of a printed single-use code, as kept: the code itself is never stored. */
export const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
