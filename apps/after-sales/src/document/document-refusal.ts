import type { Identity } from '@carebridge/auth';
import { documentRefused } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DocumentSteps } from './document-steps';
import type { CustomerDocument } from './document.entity';
import { DocumentAuditAction, DocumentStatus } from './document.enums';
import type { RefuseDocumentInput } from './document.inputs';

/** A request that cannot be met is refused with the reason the customer is told (e.g. "the booking was made by your travel agency"). */
export class DocumentRefusal {
  constructor(
    private readonly steps: DocumentSteps,
    private readonly outbox: Outbox,
  ) {}

  refuse(input: RefuseDocumentInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.REFUSED);
      const now = this.steps.clock.now();
      Object.assign(document, { status: DocumentStatus.REFUSED, refusalReason: input.reason.trim(), refusedBy: by.userId, refusedAt: now, updatedAt: now });
      const saved = await manager.save(document);
      await this.steps.audit.record(manager, saved.id, DocumentAuditAction.REFUSED, { userId: by.userId, requestId }, now);
      const eventId = await this.outbox.publish(manager, documentRefused, { documentId: saved.id, customerId: saved.customerId, type: saved.type, refusedBy: by.userId, refusedAt: now.toISOString() });
      await this.steps.timeline.refused(manager, eventId, saved);
      return saved;
    });
  }
}
