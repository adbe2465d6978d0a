import type { customerCreated, customerErased } from '@carebridge/event-contracts';
import type { ReceivedEvent } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import { KnownCustomer } from './known-customer.entity';

/**
 * What the complaint service knows about customers. It never asks crm synchronously: it keeps a
 * local copy of customer ids from crm's `customer.*` events, so registering a complaint works
 * even while crm is down, and an unknown (or erased) customer is refused.
 */
export class CustomerDirectory {
  async isKnown(manager: EntityManager, customerId: string): Promise<boolean> {
    const known = await manager.findOneBy(KnownCustomer, { id: customerId });
    return known !== null && known.erasedAt === null;
  }

  async recordCreated(event: ReceivedEvent<typeof customerCreated>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownCustomer)
      .values({ id: event.data.customerId, knownSince: new Date(event.data.createdAt), erasedAt: null })
      .orIgnore()
      .execute();
  }

  async recordErased(event: ReceivedEvent<typeof customerErased>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO known_customer (id, known_since, erased_at) VALUES ($1, $2, $2)
       ON CONFLICT (id) DO UPDATE SET erased_at = EXCLUDED.erased_at`,
      [event.data.customerId, new Date(event.data.erasedAt)],
    );
  }
}
