import { createHash } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, NotFoundError, isUuid } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { DocumentStorage } from '../document-storage/document-storage';
import { type DocumentActor, type DocumentAudit, LINK_ACTOR } from './document-audit';
import type { DocumentLinks } from './document-link';
import { CustomerDocument } from './document.entity';
import { DocumentAuditAction, DocumentStatus } from './document.enums';
import type { DocumentSettings } from './document.settings';

export interface DocumentLink {
  documentId: string;
  token: string;
  expiresAt: Date;
  /** `<AFTER_SALES_DOCUMENT_LINK_BASE_URL>/<document id>?token=…` when that is set. */
  url: string | null;
}

export interface DownloadedDocument {
  document: CustomerDocument;
  bytes: Buffer;
}

const HAS_FILE = [DocumentStatus.ISSUED, DocumentStatus.SENT];

/**
 * Downloads of issued documents through short-lived signed links: staff make a link (audited), and
 * whoever holds it fetches the file until it expires (audited, with the signed-in user if any). A
 * link that is damaged or forged, made for another document, or expired is refused — naming why —
 * and the refusal of a link for a real document is audited too.
 */
export class DocumentDownloads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: DocumentStorage,
    private readonly links: DocumentLinks,
    private readonly clock: Clock,
    private readonly audit: DocumentAudit,
    private readonly settings: Pick<DocumentSettings, 'linkTtlMinutes' | 'linkBaseUrl'>,
  ) {}

  async createLink(documentId: string, by: Identity, requestId?: string): Promise<DocumentLink> {
    return this.dataSource.transaction(async (manager) => {
      const document = isUuid(documentId) ? await manager.findOneBy(CustomerDocument, { id: documentId }) : null;
      if (!document) throw new NotFoundError('CustomerDocument', documentId);
      ensureFile(document);
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + this.settings.linkTtlMinutes * 60_000);
      const token = this.links.sign({ documentId: document.id, file: (document.sha256 as string).slice(0, 16), expiresAt });
      await this.audit.record(manager, document.id, DocumentAuditAction.LINK_CREATED, { userId: by.userId, requestId }, now, { expiresAt: expiresAt.toISOString() });
      const url = this.settings.linkBaseUrl ? `${this.settings.linkBaseUrl}/${document.id}?token=${encodeURIComponent(token)}` : null;
      return { documentId: document.id, token, expiresAt, url };
    });
  }

  /** The file a link grants. `by` is the signed-in user, when there is one (a customer app may have none). */
  async download(documentId: string, token: string, by: Identity | undefined, requestId?: string): Promise<DownloadedDocument> {
    const now = this.clock.now();
    const actor = actorOf(by, requestId);
    const document = await this.granted(documentId, token, actor, now);
    const bytes = await this.storage.get(document.fileKey as string);
    if (!bytes) throw new ConflictError(`The file of document "${document.id}" is missing from the document storage`, { documentId: document.id });
    if (createHash('sha256').update(bytes).digest('hex') !== document.sha256) {
      throw new Error(`The stored file of document ${document.id} does not match its SHA-256: refusing to hand it out`);
    }
    await this.dataSource.transaction((manager) => this.audit.record(manager, document.id, DocumentAuditAction.DOWNLOADED, actor, now, { byteSize: bytes.length }));
    return { document, bytes };
  }

  /**
   * What a download would hand out, without the file (a HEAD): the link is checked as for a download
   * and a refusal audited alike; nothing is handed out, so nothing else is audited.
   */
  async describe(documentId: string, token: string, by: Identity | undefined, requestId?: string): Promise<CustomerDocument> {
    return this.granted(documentId, token, actorOf(by, requestId), this.clock.now());
  }

  /** The document a link grants, with a file to hand out; a refused link of a real document is audited. */
  private async granted(documentId: string, token: string, actor: DocumentActor, now: Date): Promise<CustomerDocument> {
    const document = isUuid(documentId) ? await this.dataSource.getRepository(CustomerDocument).findOneBy({ id: documentId }) : null;
    try {
      const grant = this.links.verify(token, documentId, now);
      if (!document) throw new NotFoundError('CustomerDocument', documentId);
      ensureFile(document);
      if (grant.file !== document.sha256?.slice(0, 16)) throw BadUserInputError.field('token', 'link-file', 'was made for another file of this document; ask for a new link');
    } catch (error) {
      if (document && error instanceof BadUserInputError) {
        await this.dataSource.transaction((manager) =>
          this.audit.record(manager, document.id, DocumentAuditAction.DOWNLOAD_REFUSED, actor, now, { rule: error.problems[0]?.rule ?? null }),
        );
      }
      throw error;
    }
    return document;
  }
}

function actorOf(by: Identity | undefined, requestId?: string): DocumentActor {
  return by ? { userId: by.userId, requestId } : { ...LINK_ACTOR, requestId };
}

function ensureFile(document: CustomerDocument): void {
  if (document.fileDeletedAt) {
    throw new ConflictError(`The file of document "${document.id}" was deleted when its retention period ended`, { fileDeletedAt: document.fileDeletedAt.toISOString() });
  }
  if (!HAS_FILE.includes(document.status) || !document.fileKey || !document.sha256) {
    throw new ConflictError(`Document "${document.id}" has no file: it is ${document.status}`, { currentStatus: document.status });
  }
}
