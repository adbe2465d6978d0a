import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM from Node's built-in crypto (OpenSSL): authenticated, hardware-accelerated, maintained
// with Node itself. libsodium would add a native dependency for no gain here: keys are random
// 256-bit keys and each data key encrypts few messages, so GCM's 96-bit random nonces are safe.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** iv | tag | ciphertext; `context` is authenticated, so a ciphertext moved to another subject or field fails. */
export function seal(key: Buffer, plaintext: Buffer, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** The plaintext, or undefined when the key or context is not the one it was sealed with. */
export function unseal(key: Buffer, sealed: Buffer, context: string): Buffer | undefined {
  if (sealed.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}

export function newKey(): Buffer {
  return randomBytes(32);
}
