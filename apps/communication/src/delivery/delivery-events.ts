import { notificationFailed, notificationSent } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import type { Delivery } from './delivery.entity';
import { DeliveryStatus } from './delivery.enums';

/** notification.sent and notification.failed of a delivery: ids, template and channel, never the address or text. */
export class DeliveryEvents {
  constructor(private readonly outbox: Outbox) {}

  sent(manager: EntityManager, delivery: Delivery, at: Date): Promise<string> {
    return this.outbox.publish(manager, notificationSent, { ...facts(delivery), attempts: delivery.attempts, sentAt: at.toISOString() });
  }

  failed(manager: EntityManager, delivery: Delivery, reason: string, at: Date): Promise<string> {
    return this.outbox.publish(manager, notificationFailed, {
      ...facts(delivery),
      status: delivery.status === DeliveryStatus.BOUNCED ? 'BOUNCED' : 'FAILED',
      attempts: delivery.attempts,
      reason,
      failedAt: at.toISOString(),
    });
  }
}

function facts(delivery: Delivery) {
  return {
    deliveryId: delivery.id,
    causeEventId: delivery.causeEventId,
    templateKey: delivery.templateKey,
    templateVersion: delivery.templateVersion,
    channel: delivery.channel,
    purpose: delivery.purpose,
    customerId: delivery.customerId,
    staffUserId: delivery.staffUserId,
  };
}
