import type { Identity } from '@carebridge/auth';
import { documentSent } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DocumentSteps } from './document-steps';
import type { CustomerDocument } from './document.entity';
import { DocumentAuditAction, DocumentStatus } from './document.enums';
import type { MarkDocumentSentInput } from './document.inputs';

/** An issued document went to the customer (and may go again when they lost it): how, and where to. */
export class DocumentDispatch {
  constructor(
    private readonly steps: DocumentSteps,
    private readonly outbox: Outbox,
  ) {}

  markSent(input: MarkDocumentSentInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.SENT);
      const now = this.steps.clock.now();
      Object.assign(document, { status: DocumentStatus.SENT, sentChannel: input.channel, sentTo: input.sentTo?.trim() || null, sentBy: by.userId, sentAt: now, updatedAt: now });
      const saved = await manager.save(document);
      await this.steps.audit.record(manager, saved.id, DocumentAuditAction.SENT, { userId: by.userId, requestId }, now, { channel: input.channel });
      const eventId = await this.outbox.publish(manager, documentSent, { documentId: saved.id, customerId: saved.customerId, type: saved.type, channel: input.channel, sentBy: by.userId, sentAt: now.toISOString() });
      await this.steps.timeline.sent(manager, eventId, saved);
      return saved;
    });
  }
}
