import { createHash } from 'node:crypto';
import { documentIssued } from '@carebridge/event-contracts';
import { BadUserInputError, ConflictError, NotFoundError, isUuid } from '@carebridge/domain';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { DocumentStorage } from '../document-storage/document-storage';
import { type DocumentActor, type DocumentAudit } from './document-audit';
import { isInvoiceContent, type StoredContent } from './document-content';
import { ensureStep } from './document-lifecycle';
import type { DocumentTimeline } from './document-timeline';
import { CustomerDocument } from './document.entity';
import { DocumentAuditAction, DocumentStatus, DocumentType, TAX_DOCUMENT_TYPES } from './document.enums';
import type { DocumentSettings } from './document.settings';

/** The mutation that issues each type, named when a request of another type is given to it. */
const ISSUED_WITH: Record<DocumentType, string> = {
  E_INVOICE: 'issueInvoice',
  CREDIT_NOTE: 'issueCreditNote',
  TRAVEL_CERTIFICATE: 'issueTravelCertificate',
  E_FAPIAO: 'recordEFapiao',
  OTHER: 'recordDocumentFile',
};

/** What an issue sets on the document, beside the file. */
export interface IssuedFields {
  issuerId?: string | null;
  documentNumber?: string | null;
  title?: string | null;
  verificationCode?: string | null;
  currency?: string | null;
  netTotalMinor?: number | null;
  taxTotalMinor?: number | null;
  grossTotalMinor?: number | null;
  content?: StoredContent | null;
  externalIssueDate?: string | null;
}

export interface IssuedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * The steps every document takes alike: found and locked for the step (its version checked, the
 * step allowed by its status), and issued — the file stored under the document, the row completed
 * with its retention date, the audit entry and `document.issued` in the same transaction.
 */
export class DocumentSteps {
  constructor(
    readonly dataSource: DataSource,
    private readonly storage: DocumentStorage,
    private readonly outbox: Outbox,
    readonly clock: Clock,
    readonly audit: DocumentAudit,
    readonly timeline: DocumentTimeline,
    private readonly settings: DocumentSettings,
  ) {}

  /** The document, locked until the transaction ends, if the step to `to` is allowed (and it is of `type`, when given). */
  async lockFor(manager: EntityManager, input: { documentId: string; expectedVersion?: number | null }, to: DocumentStatus, type?: DocumentType): Promise<CustomerDocument> {
    const document = isUuid(input.documentId)
      ? await manager.getRepository(CustomerDocument).findOne({ where: { id: input.documentId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!document) throw new NotFoundError('CustomerDocument', input.documentId);
    if (type && document.type !== type) {
      throw BadUserInputError.field('input.documentId', 'document-type', `is a ${document.type} request: use ${ISSUED_WITH[document.type]} for it`);
    }
    if (input.expectedVersion && input.expectedVersion !== document.version) {
      throw new ConflictError(`Document "${document.id}" changed since version ${input.expectedVersion} (it is at version ${document.version})`, {
        currentStatus: document.status,
        currentVersion: document.version,
      });
    }
    ensureStep(document, to);
    return document;
  }

  async issue(manager: EntityManager, document: CustomerDocument, fields: IssuedFields, file: IssuedFile, by: DocumentActor, at: Date): Promise<CustomerDocument> {
    const fileName = storageFileName(file.fileName);
    const key = `${document.id}/${fileName}`;
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    // Stored before the row commits: a failed commit leaves an orphan that the same key overwrites on the next try.
    await this.storage.put(key, file.bytes, { contentType: file.contentType });
    const retentionDays = TAX_DOCUMENT_TYPES.includes(document.type) ? this.settings.taxRetentionDays : this.settings.retentionDays;
    Object.assign(document, {
      ...fields,
      status: DocumentStatus.ISSUED,
      issuedBy: by.userId,
      issuedAt: at,
      fileKey: key,
      fileName,
      contentType: file.contentType,
      byteSize: file.bytes.length,
      sha256,
      retainUntil: new Date(at.getTime() + retentionDays * 86_400_000),
      updatedAt: at,
    });
    const saved = await manager.save(document);
    await this.audit.record(manager, saved.id, DocumentAuditAction.ISSUED, by, at, {
      type: saved.type,
      documentNumber: saved.documentNumber,
      sha256,
      byteSize: saved.byteSize,
    });
    const eventId = await this.outbox.publish(manager, documentIssued, {
      documentId: saved.id,
      customerId: saved.customerId,
      tripId: saved.tripId,
      type: saved.type,
      documentNumber: saved.documentNumber,
      issuerId: saved.issuerId,
      correctsDocumentId: saved.correctsDocumentId,
      issuedBy: by.userId,
      issuedAt: at.toISOString(),
      withinDueTime: at.getTime() <= saved.dueAt.getTime(),
    });
    await this.timeline.issued(manager, eventId, saved, isInvoiceContent(saved.content) ? saved.content.precedingInvoiceNumber : null);
    return saved;
  }
}

/** A file name fit for a storage key and a download: ASCII letters, digits, dot, dash, underscore. */
export function storageFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, 120);
  return cleaned || 'document';
}
