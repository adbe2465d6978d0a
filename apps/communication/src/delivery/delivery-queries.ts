import { BadUserInputError } from '@carebridge/domain';
import type { DataSource } from 'typeorm';
import { Delivery } from './delivery.entity';

/** What was sent to a customer or on a case, newest first. */
export class DeliveryQueries {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: { customerId?: string | null; threadId?: string | null; first: number }): Promise<Delivery[]> {
    if (!filter.customerId && !filter.threadId) throw BadUserInputError.field('customerId', 'required', 'must be given, or threadId');
    if (filter.first < 1 || filter.first > 200) throw BadUserInputError.field('first', 'range', 'must be from 1 to 200');
    return this.dataSource.getRepository(Delivery).find({
      where: { ...(filter.customerId ? { customerId: filter.customerId } : {}), ...(filter.threadId ? { threadId: filter.threadId } : {}) },
      order: { queuedAt: 'DESC', id: 'DESC' },
      take: filter.first,
    });
  }
}
