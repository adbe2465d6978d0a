import type { EntityManager } from 'typeorm';
import type { RenderedMessage } from '../template/template-rendering';
import type { DeliveryEvents } from './delivery-events';
import { Delivery } from './delivery.entity';
import { DeliveryStatus, type MessageChannel, type MessagePurpose, type ThreadKind } from './delivery.enums';

export interface QueuedMessage {
  causeEventId: string;
  purpose: MessagePurpose;
  channel: MessageChannel;
  customerId: string | null;
  staffUserId: string | null;
  recipientKey: string;
  /** Null: no address on any channel; the delivery fails at once. */
  address: string | null;
  thread: { kind: ThreadKind; id: string } | null;
  message: RenderedMessage;
}

/**
 * Records a delivery for the dispatch job, once per event, template and recipient: a redelivered
 * event (or the same event told twice) finds the row and adds nothing.
 */
export class DeliveryQueue {
  constructor(private readonly events: DeliveryEvents) {}

  async enqueue(manager: EntityManager, queued: QueuedMessage, now: Date): Promise<Delivery | null> {
    const inserted: { id: string }[] = await manager
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values({
        causeEventId: queued.causeEventId,
        templateKey: queued.message.templateKey,
        templateVersion: queued.message.templateVersion,
        purpose: queued.purpose,
        channel: queued.channel,
        customerId: queued.customerId,
        staffUserId: queued.staffUserId,
        recipientKey: queued.recipientKey,
        address: queued.address,
        locale: queued.message.locale,
        subject: queued.message.subject,
        body: queued.message.body,
        threadKind: queued.thread?.kind ?? null,
        threadId: queued.thread?.id ?? null,
        status: queued.address ? DeliveryStatus.QUEUED : DeliveryStatus.FAILED,
        attempts: 0,
        nextAttemptAt: queued.address ? now : null,
        lastError: queued.address ? null : 'no address',
        queuedAt: now,
        settledAt: queued.address ? null : now,
      })
      .orIgnore()
      .returning(['id'])
      .execute()
      .then((result) => result.raw);
    if (!inserted.length) return null;
    const delivery = await manager.findOneByOrFail(Delivery, { id: inserted[0].id });
    if (delivery.status === DeliveryStatus.FAILED) await this.events.failed(manager, delivery, 'no address', now);
    return delivery;
  }
}
