import { customerCreated, customerErased, customerMerged, type EventData } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import { KnownCustomer } from './known-customer.entity';

export type CustomerStanding = { state: 'KNOWN'; id: string } | { state: 'UNKNOWN' } | { state: 'ERASED' };

/** What a service does to its own records when crm merges or erases a customer, in the same transaction. */
export interface CustomerChanges {
  /** crm announced these ids (created, merged or erased): whatever awaited them is settled. Runs before `merged` / `erased`. */
  arrived?(customerIds: string[], at: Date, manager: EntityManager): Promise<void>;
  merged?(data: EventData<typeof customerMerged>, manager: EntityManager): Promise<void>;
  erased?(data: EventData<typeof customerErased>, manager: EntityManager): Promise<void>;
}

/** Merges rarely chain; the bound only guards against a cycle in bad data. */
const MAX_MERGE_HOPS = 10;

/**
 * What a service knows about customers without asking crm: the ids crm's `customer.*` events
 * announced. Work that refers to a customer goes on while crm is down, and an unknown or erased
 * customer is refused; a merged customer's id leads to the surviving profile.
 */
export class KnownCustomers {
  /** Whether work may refer to this id, and under which (surviving) id. */
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

  /** A current customer: known, not erased, not merged into another profile. */
  async isCurrent(manager: EntityManager, customerId: string): Promise<boolean> {
    const standing = await this.standing(manager, customerId);
    return standing.state === 'KNOWN' && standing.id === customerId;
  }

  /** The handlers that keep the copy current, each followed by the service's own `changes`. */
  eventHandlers(changes: CustomerChanges = {}): EventHandler<any>[] {
    return [
      onEvent(customerCreated, async (event, manager) => {
        await this.recordCreated(event.data, manager);
        await changes.arrived?.([event.data.customerId], new Date(event.data.createdAt), manager);
      }),
      onEvent(customerMerged, async (event, manager) => {
        await this.recordMerged(event.data, manager);
        await changes.arrived?.([event.data.mergedId, event.data.survivorId], new Date(event.data.mergedAt), manager);
        await changes.merged?.(event.data, manager);
      }),
      onEvent(customerErased, async (event, manager) => {
        await this.recordErased(event.data, manager);
        await changes.arrived?.([event.data.customerId], new Date(event.data.erasedAt), manager);
        await changes.erased?.(event.data, manager);
      }),
    ];
  }

  private async recordCreated(data: EventData<typeof customerCreated>, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO known_customer (id, known_since) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [data.customerId, new Date(data.createdAt)]);
  }

  /** The merged id now leads to the survivor, who is known from now on even if crm's customer.created for it is still on its way. */
  private async recordMerged({ survivorId, mergedId, mergedAt }: EventData<typeof customerMerged>, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO known_customer (id, known_since) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [survivorId, new Date(mergedAt)]);
    await manager.query(
      `INSERT INTO known_customer (id, known_since, merged_into) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET merged_into = EXCLUDED.merged_into`,
      [mergedId, new Date(mergedAt), survivorId],
    );
    // Profiles merged into the merged one earlier now lead straight to the survivor.
    await manager.query(`UPDATE known_customer SET merged_into = $1 WHERE merged_into = $2`, [survivorId, mergedId]);
  }

  private async recordErased(data: EventData<typeof customerErased>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO known_customer (id, known_since, erased_at) VALUES ($1, $2, $2)
       ON CONFLICT (id) DO UPDATE SET erased_at = EXCLUDED.erased_at`,
      [data.customerId, new Date(data.erasedAt)],
    );
  }
}
