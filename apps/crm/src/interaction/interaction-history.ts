import type { CustomerTimelineEntryData } from '@carebridge/event-contracts';
import { type Connection, paginate, paginateEach, type PageArgs } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { currentCustomer } from '../customer/customer-profiles';
import { Customer } from '../customer/customer.entity';
import { Interaction } from './interaction.entity';
import { InteractionKind } from './interaction.enums';

/** An entry crm records about its own changes, in their transaction. */
export interface InteractionEntry {
  customerId: string;
  kind: InteractionKind;
  summary: string;
  referenceId: string;
  referenceNumber?: string | null;
  category?: string | null;
  sourceService: string;
  occurredAt: Date;
  /** The id of the event published with the change, or null when there is none. */
  entryId: string | null;
}

/** What a producer's timeline entry carries; `kind` may be one this build of crm does not list yet. */
export type PublishedEntry = Omit<CustomerTimelineEntryData, 'kind'> & { kind: string };

/**
 * A customer's interaction history across services, newest first (T-1.7). Other services put
 * entries on it by publishing `<service>.customer_timeline_entry`; crm adds its own changes
 * directly. Summaries carry classifications and references, never the customer's own words, so
 * the history holds no personal data beyond the customer id.
 */
export class InteractionHistory {
  constructor(private readonly dataSource: DataSource) {}

  /** Only kinds this build knows: an entry of a newer kind waits in the table until crm lists its kind. */
  forCustomer(customerId: string, page: PageArgs): Promise<Connection<Interaction>> {
    const query = this.dataSource
      .getRepository(Interaction)
      .createQueryBuilder('interaction')
      .where('interaction.customerId = :customerId', { customerId })
      .andWhere('interaction.kind IN (:...kinds)', { kinds: Object.values(InteractionKind) });
    return paginate(query, page, { sortKey: 'occurredAt', direction: 'DESC' });
  }

  /** The first page of each of these customers' histories, in one statement (`Customer.interactions` on a list). */
  firstPagesForCustomers(customerIds: readonly string[], page: { first: number }, counted: boolean): Promise<Map<string, Connection<Interaction>>> {
    const query = this.dataSource.getRepository(Interaction).createQueryBuilder('interaction').where('interaction.kind IN (:...kinds)', { kinds: Object.values(InteractionKind) });
    return paginateEach(query, 'customerId', customerIds, page, { sortKey: 'occurredAt', direction: 'DESC' }, counted);
  }

  /** Adds an entry in the caller's transaction: crm's own changes record their history with the change. */
  async record(manager: EntityManager, entry: InteractionEntry): Promise<void> {
    await manager.insert(Interaction, { ...entry, referenceNumber: entry.referenceNumber ?? null, category: entry.category ?? null });
  }

  /**
   * Records another service's timeline entry: once per entryId (a re-sent or re-published entry
   * changes nothing), on the survivor if the customer was merged, not at all if they were erased
   * or crm never had them: crm creates every customer before another service can refer to them,
   * so an id it does not have is no customer, and the producer flags its own record (pending references).
   */
  async recordPublished(manager: EntityManager, producer: string, entry: PublishedEntry): Promise<void> {
    const owner = await historyOwner(manager, entry.customerId);
    if (!owner) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Interaction)
      .values({
        customerId: owner,
        // Stored as sent even when unknown here; forCustomer shows it once crm lists the kind.
        kind: entry.kind as InteractionKind,
        summary: entry.summary,
        referenceId: entry.referenceId,
        referenceNumber: entry.referenceNumber,
        category: entry.category,
        sourceService: producer,
        occurredAt: new Date(entry.occurredAt),
        entryId: entry.entryId,
      })
      .orIgnore()
      .execute();
  }
}

/** Whose history an entry about `customerId` belongs to: the merge survivor, nobody for an erased customer or one crm does not have. */
export async function historyOwner(manager: EntityManager, customerId: string): Promise<string | null> {
  if (!(await manager.existsBy(Customer, { id: customerId }))) return null;
  return (await currentCustomer(manager, customerId))?.id ?? null;
}
