import { ERASED_PLACEHOLDER } from '@carebridge/known-customers';
import type { DataSource } from 'typeorm';
import type { DocumentStorage } from '../document-storage/document-storage';
import { type DocumentAudit, SYSTEM_ACTOR } from './document-audit';
import { isCertificateContent, isInvoiceContent, type StoredContent } from './document-content';
import { CustomerDocument } from './document.entity';
import { DocumentAuditAction } from './document.enums';

/**
 * Deleting documents whose retention period ended (AFTER_SALES_INVOICE_RETENTION_DAYS for tax
 * documents, AFTER_SALES_DOCUMENT_RETENTION_DAYS for the others, from issue): the file goes from
 * the storage, and the personal data with it from the row — the buyer of an invoice, the traveller
 * of a certificate, the request's words and the address it was sent to. Numbers, types, dates and
 * amounts stay, so the series stays unbroken and the figures still add up. Rows are taken locked
 * (SKIP LOCKED) in batches; the file is deleted before the row says so, and deleting is idempotent,
 * so a crash in between repeats the deletion next time.
 */
export class DocumentRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: DocumentStorage,
    private readonly audit: DocumentAudit,
  ) {}

  async deleteExpired(now: Date, batchSize: number): Promise<{ deleted: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .getRepository(CustomerDocument)
        .createQueryBuilder('document')
        .where('document.retainUntil <= :now AND document.fileKey IS NOT NULL', { now })
        .orderBy('document.retainUntil', 'ASC')
        .take(batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const document of due) {
        await this.storage.delete(document.fileKey as string);
        await manager.update(CustomerDocument, { id: document.id }, {
          fileKey: null,
          fileDeletedAt: now,
          content: withoutPersonalData(document.content),
          requestNote: null,
          refusalReason: null,
          sentTo: null,
          updatedAt: now,
        });
        await this.audit.record(manager, document.id, DocumentAuditAction.FILE_DELETED, SYSTEM_ACTOR, now, { reason: 'retention period ended' });
      }
      return { deleted: due.length };
    });
  }
}

function withoutPersonalData(content: StoredContent | null): StoredContent | null {
  if (isInvoiceContent(content)) {
    return { ...content, buyer: { ...content.buyer, name: ERASED_PLACEHOLDER, addressLines: [], postcode: null, email: null, vatId: null, taxRegistrationId: null } };
  }
  if (isCertificateContent(content)) return { ...content, passengerName: ERASED_PLACEHOLDER, bookingReference: null };
  return content;
}
