import type { customerCreated, customerErased, customerMerged } from '@carebridge/event-contracts';
import type { ReceivedEvent } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import { KnownCustomer } from './known-customer.entity';

export type CustomerStanding = { state: 'KNOWN'; id: string } | { state: 'UNKNOWN' } | { state: 'ERASED' };

/** Merges rarely chain; the bound only guards against a cycle in bad data. */
const MAX_MERGE_HOPS = 10;

/**
 * What the complaint service knows about customers. It never asks crm synchronously: it keeps a
 * local copy of customer ids from crm's `customer.*` events, so registering a complaint works
 * even while crm is down, and an unknown (or erased) customer is refused. A merged customer's id
 * leads to the surviving profile.
 */
export class CustomerDirectory {
  async isKnown(manager: EntityManager, customerId: string): Promise<boolean> {
    return (await this.standing(manager, customerId)).state === 'KNOWN';
  }

  /** Whether complaints may be registered for this id, and under which (surviving) id. */
  async standing(manager: EntityManager, customerId: string): Promise<CustomerStanding> {
    let id = customerId;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const known = await manager.findOneBy(KnownCustomer, { id });
      if (!known) return { state: 'UNKNOWN' };
      if (known.erasedAt) return { state: 'ERASED' };
      if (!known.mergedInto) return { state: 'KNOWN', id };
      id = known.mergedInto;
    }
    return { state: 'UNKNOWN' };
  }

  async recordCreated(event: ReceivedEvent<typeof customerCreated>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownCustomer)
      .values({ id: event.data.customerId, knownSince: new Date(event.data.createdAt), erasedAt: null, mergedInto: null })
      .orIgnore()
      .execute();
  }

  /** The merged id now leads to the survivor (who is known from now on, even if crm's customer.created for it is still on its way). */
  async recordMerged(event: ReceivedEvent<typeof customerMerged>, manager: EntityManager): Promise<void> {
    const { survivorId, mergedId, mergedAt } = event.data;
    await manager.query(`INSERT INTO known_customer (id, known_since) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [survivorId, new Date(mergedAt)]);
    await manager.query(
      `INSERT INTO known_customer (id, known_since, merged_into) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET merged_into = EXCLUDED.merged_into`,
      [mergedId, new Date(mergedAt), survivorId],
    );
    // Profiles merged into the merged one earlier now lead straight to the survivor.
    await manager.query(`UPDATE known_customer SET merged_into = $1 WHERE merged_into = $2`, [survivorId, mergedId]);
  }

  async recordErased(event: ReceivedEvent<typeof customerErased>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO known_customer (id, known_since, erased_at) VALUES ($1, $2, $2)
       ON CONFLICT (id) DO UPDATE SET erased_at = EXCLUDED.erased_at`,
      [event.data.customerId, new Date(event.data.erasedAt)],
    );
  }
}
