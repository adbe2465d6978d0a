import type { EntityManager } from 'typeorm';
import type { ThreadKind } from '../delivery/delivery.enums';
import { CustomerCase } from './customer-case.entity';

/** The inquiries and complaints communication writes about, as their events announced them. */
export class CustomerCases {
  async record(manager: EntityManager, recorded: { id: string; kind: ThreadKind; customerId: string | null; reference: string | null; openedAt: Date }): Promise<void> {
    await manager.createQueryBuilder().insert().into(CustomerCase).values(recorded).orIgnore().execute();
  }

  find(manager: EntityManager, id: string): Promise<CustomerCase | null> {
    return manager.findOneBy(CustomerCase, { id });
  }
}
