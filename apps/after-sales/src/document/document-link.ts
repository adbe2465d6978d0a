import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '@carebridge/domain';

/** What a download link grants: one document's file as issued, until it expires. */
export interface DocumentLinkGrant {
  documentId: string;
  /** The first 16 hex digits of the file's SHA-256: a link never hands out other bytes than those it was made for. */
  file: string;
  expiresAt: Date;
}

const PURPOSE = 'carebridge.after-sales.document-link.v1';

/**
 * Short-lived signed download links: `<payload>.<signature>`, the payload naming the document, its
 * file and the expiry, the signature an HMAC-SHA256 over both with AFTER_SALES_DOCUMENT_LINK_SECRET.
 * Nothing is stored per link: whoever holds the link holds the grant until it expires, which is why
 * links live minutes, not days, and every download is audited.
 */
export class DocumentLinks {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('The document link secret must be at least 32 characters');
  }

  sign(grant: DocumentLinkGrant): string {
    const payload = Buffer.from(
      JSON.stringify({ d: grant.documentId, f: grant.file, e: Math.floor(grant.expiresAt.getTime() / 1000), n: randomBytes(6).toString('base64url') }),
    ).toString('base64url');
    return `${payload}.${this.signature(payload)}`;
  }

  /**
   * The grant of a link presented for `documentId` at `now`; refuses, naming the field and the rule,
   * a link that is damaged or signed with another secret (`signature`), one made for another
   * document (`document`) and one past its time (`expired`).
   */
  verify(token: string, documentId: string, now: Date): DocumentLinkGrant {
    const [payload, signature, extra] = token.trim().split('.');
    if (!payload || !signature || extra !== undefined || !this.matches(payload, signature)) {
      throw BadUserInputError.field('token', 'signature', 'is not a download link issued by Carebridge (damaged or forged); ask for a new link');
    }
    let grant: DocumentLinkGrant;
    try {
      const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof data.d !== 'string' || typeof data.f !== 'string' || !Number.isInteger(data.e)) throw new Error('incomplete');
      grant = { documentId: data.d, file: data.f, expiresAt: new Date(data.e * 1000) };
    } catch {
      throw BadUserInputError.field('token', 'signature', 'is not a download link issued by Carebridge (damaged or forged); ask for a new link');
    }
    if (grant.documentId !== documentId) {
      throw BadUserInputError.field('documentId', 'link-document', 'is not the document this download link was made for');
    }
    if (grant.expiresAt.getTime() <= now.getTime()) {
      throw BadUserInputError.field('token', 'expired', `expired at ${grant.expiresAt.toISOString()}; ask for a new download link`);
    }
    return grant;
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.secret).update(`${PURPOSE}.${payload}`).digest('base64url');
  }

  private matches(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
