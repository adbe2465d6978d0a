import type { Identity } from '@carebridge/auth';
import { documentRequested } from '@carebridge/event-contracts';
import { BadUserInputError } from '@carebridge/domain';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { DocumentAudit } from './document-audit';
import { CustomerDocument } from './document.entity';
import { DocumentAuditAction, DocumentStatus, DocumentType } from './document.enums';
import type { RequestDocumentInput } from './document.inputs';
import type { DocumentSettings } from './document.settings';

/** What a document request needs to know of trips (the trip part of after-sales provides it). */
export interface TripDirectory {
  findById(id: string): Promise<{ id: string; customerId: string; bookingReference: string | null } | null>;
}

/**
 * A customer asks for a document (T-4.2): for a known customer, optionally about one of their trips;
 * a credit note names the issued invoice it corrects. It is due AFTER_SALES_DOCUMENT_DUE_HOURS later;
 * `document.requested` and the audit entry go out in the same transaction.
 */
export class DocumentRequesting {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: Pick<CustomerRecords, 'standing'>,
    private readonly trips: TripDirectory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly audit: DocumentAudit,
    private readonly settings: Pick<DocumentSettings, 'dueHours'>,
  ) {}

  async request(input: RequestDocumentInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    const now = this.clock.now();
    const trip = input.tripId ? await this.trips.findById(input.tripId) : null;
    if (input.tripId && !trip) throw BadUserInputError.field('input.tripId', 'known-trip', `no trip with id "${input.tripId}"`);
    if (input.type !== DocumentType.CREDIT_NOTE && input.correctsDocumentId) {
      throw BadUserInputError.field('input.correctsDocumentId', 'credit-notes-only', 'is only for credit notes');
    }
    return this.dataSource.transaction(async (manager) => {
      const standing = await this.customers.standing(manager, input.customerId);
      if (standing.state !== 'KNOWN') {
        throw BadUserInputError.field(
          'input.customerId',
          'known-customer',
          standing.state === 'ERASED' ? `customer "${input.customerId}" was erased` : `no customer with id "${input.customerId}" is known`,
        );
      }
      if (trip && trip.customerId !== standing.id) throw BadUserInputError.field('input.tripId', 'customer-trip', 'is a trip of another customer');
      let corrects: CustomerDocument | null = null;
      if (input.type === DocumentType.CREDIT_NOTE) {
        if (!input.correctsDocumentId) throw BadUserInputError.field('input.correctsDocumentId', 'required', 'must name the issued invoice the credit note corrects');
        corrects = await manager.findOneBy(CustomerDocument, { id: input.correctsDocumentId });
        if (!corrects || corrects.type !== DocumentType.E_INVOICE) {
          throw BadUserInputError.field('input.correctsDocumentId', 'invoice', 'must be the id of an e-invoice');
        }
        if (corrects.status !== DocumentStatus.ISSUED && corrects.status !== DocumentStatus.SENT) {
          throw BadUserInputError.field('input.correctsDocumentId', 'issued-invoice', `must be an issued invoice (it is ${corrects.status})`);
        }
        if (corrects.customerId !== standing.id) throw BadUserInputError.field('input.correctsDocumentId', 'customer-invoice', 'is an invoice of another customer');
      }
      const document = await manager.save(
        manager.create(CustomerDocument, {
          type: input.type,
          status: DocumentStatus.REQUESTED,
          customerId: standing.id,
          tripId: trip?.id ?? corrects?.tripId ?? null,
          correctsDocumentId: corrects?.id ?? null,
          requestNote: input.note?.trim() || null,
          requestedBy: by.userId,
          requestedAt: now,
          dueAt: new Date(now.getTime() + this.settings.dueHours * 3_600_000),
          updatedAt: now,
        }),
      );
      await this.audit.record(manager, document.id, DocumentAuditAction.REQUESTED, { userId: by.userId, requestId }, now, { type: document.type });
      await this.outbox.publish(manager, documentRequested, {
        documentId: document.id,
        customerId: document.customerId,
        tripId: document.tripId,
        type: document.type,
        correctsDocumentId: document.correctsDocumentId,
        requestedBy: by.userId,
        requestedAt: now.toISOString(),
        dueAt: document.dueAt.toISOString(),
      });
      return document;
    });
  }
}
