import { NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveryEvents } from './delivery-events';
import { Delivery } from './delivery.entity';
import { DeliveryStatus } from './delivery.enums';

/**
 * What channels report after sending: a bounce (a DSN at the bounce address, a provider's callback),
 * a delivery, a failure. A report on a delivery that is already settled changes nothing.
 */
export class DeliveryReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DeliveryEvents,
    private readonly clock: Clock,
  ) {}

  async bounced(manager: EntityManager, deliveryId: string, reason: string): Promise<Delivery | null> {
    return this.settle(manager, { id: deliveryId }, DeliveryStatus.BOUNCED, reason);
  }

  /** A provider's report by its own message id (Twilio's status callback, an ESP's webhook). */
  async reported(providerMessageId: string, status: 'DELIVERED' | 'BOUNCED' | 'FAILED', reason: string | null): Promise<Delivery> {
    const settled = await this.dataSource.transaction((manager) => this.settle(manager, { providerMessageId }, DeliveryStatus[status], reason ?? status.toLowerCase()));
    if (!settled) throw new NotFoundError('Delivery', providerMessageId);
    return settled;
  }

  private async settle(manager: EntityManager, where: { id: string } | { providerMessageId: string }, status: DeliveryStatus, reason: string): Promise<Delivery | null> {
    const delivery = await manager.findOne(Delivery, { where, lock: { mode: 'pessimistic_write' } });
    if (!delivery) return null;
    if (delivery.status !== DeliveryStatus.SENT) return delivery;
    const now = this.clock.now();
    Object.assign(delivery, { status, settledAt: now, lastError: status === DeliveryStatus.DELIVERED ? null : reason });
    await manager.save(delivery);
    if (status !== DeliveryStatus.DELIVERED) await this.events.failed(manager, delivery, reason, now);
    return delivery;
  }
}
