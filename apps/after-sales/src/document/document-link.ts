import { SignedLinks } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';

/** What a download link grants: one document's file as issued, until it expires. */
export interface DocumentLinkGrant {
  documentId: string;
  /** The first 16 hex digits of the file's SHA-256: a link never hands out other bytes than those it was made for. */
  file: string;
  expiresAt: Date;
}

/** `<document id>_<file>`: both fit a link's subject (letters, digits, dashes, underscores). */
const SUBJECT = /^([0-9a-f-]{36})_([0-9a-f]{16})$/;

/**
 * Short-lived signed download links, made with libs/auth's SignedLinks (purpose `document-download`,
 * AFTER_SALES_DOCUMENT_LINK_SECRET), the subject naming the document and its file. Nothing is stored
 * per link: whoever holds the link holds the grant until it expires, which is why links live
 * minutes, not days, and every download is audited.
 */
export class DocumentLinks {
  private readonly links: SignedLinks;

  constructor(secret: string) {
    this.links = new SignedLinks('document-download', secret);
  }

  sign(grant: DocumentLinkGrant): string {
    return this.links.sign(`${grant.documentId}_${grant.file}`, grant.expiresAt);
  }

  /**
   * The grant of a link presented for `documentId` at `now`; refuses, naming the field and the rule,
   * a link that is damaged or signed with another secret (`signature`), one made for another
   * document (`document`) and one past its time (`expired`).
   */
  verify(token: string, documentId: string, now: Date): DocumentLinkGrant {
    const check = this.links.check(token, now);
    const subject = SUBJECT.exec(check.valid ? check.subject : (token.trim().split('.')[1] ?? ''));
    if (!check.valid && check.rule === 'signature') {
      throw BadUserInputError.field('token', 'signature', 'is not a download link issued by Carebridge (damaged or forged); ask for a new link');
    }
    if (!subject) throw BadUserInputError.field('token', 'signature', 'is not a download link issued by Carebridge (damaged or forged); ask for a new link');
    if (subject[1] !== documentId) {
      throw BadUserInputError.field('documentId', 'link-document', 'is not the document this download link was made for');
    }
    if (!check.valid) {
      throw BadUserInputError.field('token', 'expired', `expired at ${check.expiresAt.toISOString()}; ask for a new download link`);
    }
    return { documentId: subject[1], file: subject[2], expiresAt: check.expiresAt };
  }
}
