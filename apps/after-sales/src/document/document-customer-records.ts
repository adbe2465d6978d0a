import { type CustomerRecordKind, recordKind } from '@carebridge/known-customers';
import { In } from 'typeorm';
import { DocumentAuditEntry } from './document-audit.entity';
import { CustomerDocument } from './document.entity';
import { TAX_DOCUMENT_TYPES } from './document.enums';

/**
 * The documents part of after-sales' customer records (after-sales-customer-records.ts lists them):
 * every document requested for the customer, and its audit trail (who issued, sent and downloaded
 * it, when).
 *
 * Erasure removes the customer's words (the request, the refusal told them) and where documents
 * were sent, and the traveller's name from travel certificates, whose files are then deleted by the
 * next retention run. Invoices, credit notes and e-fapiao records stay as issued, buyer and file
 * included, until their retention period ends: tax law obliges the company to keep them (GDPR
 * Art. 17(3)(b)); the retention job then deletes the file and the buyer's data.
 */
export function documentCustomerRecordKinds(): CustomerRecordKind[] {
  return [
    recordKind(CustomerDocument, {
      section: 'documents',
      belongsTo: { customer: 'customerId' },
      order: { requestedAt: 'ASC', id: 'ASC' },
      omit: ['version', 'fileKey'],
      erase: {
        requestNote: 'placeholder',
        refusalReason: 'placeholder',
        sentTo: null,
        content: (placeholder) => `CASE WHEN content->>'kind' = 'TRAVEL_CERTIFICATE'
          THEN content || jsonb_build_object('passengerName', ${placeholder}, 'bookingReference', NULL) ELSE content END`,
      },
      touch: { version: 'version', updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
      async afterAnonymise(ids, { at }, manager) {
        // Files that name the customer and that no law keeps go with the next retention run.
        await manager
          .createQueryBuilder()
          .update(CustomerDocument)
          .set({ retainUntil: at })
          .where({ id: In(ids) })
          .andWhere('type NOT IN (:...taxTypes) AND file_key IS NOT NULL AND (retain_until IS NULL OR retain_until > :at)', { taxTypes: TAX_DOCUMENT_TYPES, at })
          .execute();
      },
    }),
    recordKind(DocumentAuditEntry, { section: 'documentAudit', belongsTo: { parent: 'documents', via: 'documentId' }, order: { at: 'ASC', sequence: 'ASC' }, omit: ['sequence'] }),
  ];
}
