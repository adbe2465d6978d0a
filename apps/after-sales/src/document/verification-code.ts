import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A travel certificate's verification code: 80 random bits as 16 characters in four groups
 * (`K7QM-3XZD-9PWA-HT2C`). Too many to guess, so verification may answer anyone who has the paper.
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 16; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return grouped(code);
}

/** A code as people type it — lower case, spaces, O for 0, I or L for 1 — in its printed form, or null if it cannot be one. */
export function normaliseVerificationCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(compact)) return null;
  return grouped(compact);
}

function grouped(code: string): string {
  return [0, 4, 8, 12].map((start) => code.slice(start, start + 4)).join('-');
}
