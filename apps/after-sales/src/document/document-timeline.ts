import { afterSalesCustomerTimelineEntry, type CustomerTimelineEntryData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import type { CustomerDocument } from './document.entity';
import { DocumentType } from './document.enums';

const NAMES: Record<DocumentType, string> = {
  E_INVOICE: 'Invoice',
  CREDIT_NOTE: 'Credit note',
  TRAVEL_CERTIFICATE: 'Travel certificate',
  E_FAPIAO: 'E-fapiao',
  OTHER: 'Document',
};

/**
 * The steps of a document that crm shows on the customer's timeline (T-1.7): issued, sent and
 * refused, each in the step's transaction under the id of its `document.*` event. Summaries name
 * the type and the number, never the customer's words, the buyer or the traveller.
 */
export class DocumentTimeline {
  constructor(private readonly outbox: Outbox) {}

  issued(manager: EntityManager, eventId: string, document: CustomerDocument, correctedNumber: string | null): Promise<void> {
    const number = document.documentNumber ? ` ${document.documentNumber}` : '';
    const verb = document.type === DocumentType.E_FAPIAO || document.type === DocumentType.OTHER ? 'recorded' : 'issued';
    const corrects = correctedNumber ? ` (corrects invoice ${correctedNumber})` : '';
    return this.publish(manager, eventId, document, `${NAMES[document.type]}${number} ${verb}${corrects}`, document.issuedAt as Date);
  }

  sent(manager: EntityManager, eventId: string, document: CustomerDocument): Promise<void> {
    const number = document.documentNumber ? ` ${document.documentNumber}` : '';
    return this.publish(manager, eventId, document, `${NAMES[document.type]}${number} sent (${(document.sentChannel as string).toLowerCase().replace(/_/g, ' ')})`, document.sentAt as Date);
  }

  refused(manager: EntityManager, eventId: string, document: CustomerDocument): Promise<void> {
    return this.publish(manager, eventId, document, `${NAMES[document.type]} request refused`, document.refusedAt as Date);
  }

  private async publish(manager: EntityManager, entryId: string, document: CustomerDocument, summary: string, at: Date): Promise<void> {
    await this.outbox.publish(manager, afterSalesCustomerTimelineEntry, {
      entryId,
      customerId: document.customerId,
      kind: 'DOCUMENT',
      summary,
      referenceId: document.id,
      referenceNumber: document.documentNumber,
      category: document.type,
      occurredAt: at.toISOString(),
    } satisfies CustomerTimelineEntryData);
  }
}
