import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring links: the credential of a caller who is not staff and has no customer token —
 * a customer answering a post-trip survey (after-sales) or reading the status of one case
 * (communication). The link names one thing (its subject, a case or survey id) for one purpose, and
 * grants only the operation of that purpose on that thing until it expires. Nothing is stored per
 * link; the subgraph that owns the thing checks the link with its own secret.
 *
 * Format: `v1.<subject>.<expiry, seconds since epoch>.<signature, base64url>`, the signature an
 * HMAC-SHA256 over the purpose and the rest, so a link of one purpose never passes for another even
 * under the same secret.
 */
export type LinkCheck = { valid: true; subject: string; expiresAt: Date } | { valid: false; rule: 'signature' } | { valid: false; rule: 'expired'; expiresAt: Date };

/** What a link may name: an id, no dots (they separate the parts). */
const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;

export const MIN_LINK_SECRET_LENGTH = 32;

export class SignedLinks {
  constructor(
    readonly purpose: string,
    private readonly secret: string,
  ) {
    if (!/^[a-z][a-z0-9-]*$/.test(purpose)) throw new Error(`A link purpose is lower-case kebab-case: "${purpose}"`);
    if (secret.length < MIN_LINK_SECRET_LENGTH) throw new Error(`The secret of ${purpose} links must be at least ${MIN_LINK_SECRET_LENGTH} characters`);
  }

  sign(subject: string, expiresAt: Date): string {
    if (!SUBJECT.test(subject)) throw new Error('A link names an id of letters, digits, dashes or underscores');
    const payload = `v1.${subject}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${payload}.${this.signature(payload)}`;
  }

  /** Whether `token` is a genuine link of this purpose, and unexpired at `now`. Never throws. */
  check(token: string, now: Date): LinkCheck {
    const parts = token.trim().split('.');
    if (parts.length !== 4 || parts[0] !== 'v1' || !SUBJECT.test(parts[1]) || !/^\d{1,12}$/.test(parts[2])) return { valid: false, rule: 'signature' };
    const expected = Buffer.from(this.signature(parts.slice(0, 3).join('.')));
    const given = Buffer.from(parts[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { valid: false, rule: 'signature' };
    const expiresAt = new Date(Number(parts[2]) * 1000);
    if (now.getTime() >= expiresAt.getTime()) return { valid: false, rule: 'expired', expiresAt };
    return { valid: true, subject: parts[1], expiresAt };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.secret).update(`${this.purpose}\n${payload}`).digest('base64url');
  }
}

/**
 * The secret of a purpose's links in development and tests, derived from a fixed seed like the
 * subgraph secrets, so nothing needs configuring locally. Production sets each secret explicitly.
 */
export function developmentLinkSecret(purpose: string): string {
  return createHmac('sha256', 'carebridge-development-links').update(purpose).digest('hex');
}
