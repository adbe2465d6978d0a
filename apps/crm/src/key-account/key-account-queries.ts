import { isUuid } from '@carebridge/domain';
import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { CustomerEvent, CustomerEventInvitation, KeyAccount, KeyAccountMember } from './key-account.entity';

/** Reading key accounts, their members and customer events with their invitations. */
export class KeyAccountQueries {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<KeyAccount | null> {
    return isUuid(id) ? this.dataSource.getRepository(KeyAccount).findOneBy({ id }) : Promise.resolve(null);
  }

  list(page: PageArgs): Promise<Connection<KeyAccount>> {
    return paginate(this.dataSource.getRepository(KeyAccount).createQueryBuilder('account'), page);
  }

  members(keyAccountId: string, page: PageArgs): Promise<Connection<KeyAccountMember>> {
    const query = this.dataSource.getRepository(KeyAccountMember).createQueryBuilder('member').where('member.keyAccountId = :keyAccountId', { keyAccountId });
    return paginate(query, page, { sortKey: 'addedAt', direction: 'ASC' });
  }

  async accountOf(customerId: string): Promise<KeyAccount | null> {
    const member = await this.dataSource.getRepository(KeyAccountMember).findOneBy({ customerId });
    return member ? this.findById(member.keyAccountId) : null;
  }

  findEvent(id: string): Promise<CustomerEvent | null> {
    return isUuid(id) ? this.dataSource.getRepository(CustomerEvent).findOneBy({ id }) : Promise.resolve(null);
  }

  events(keyAccountId: string | undefined, page: PageArgs): Promise<Connection<CustomerEvent>> {
    const query = this.dataSource.getRepository(CustomerEvent).createQueryBuilder('event');
    if (keyAccountId) query.where('event.keyAccountId = :keyAccountId', { keyAccountId });
    return paginate(query, page, { sortKey: 'startsAt', direction: 'DESC' });
  }

  invitations(eventId: string): Promise<CustomerEventInvitation[]> {
    return this.dataSource.getRepository(CustomerEventInvitation).find({ where: { eventId }, order: { invitedAt: 'ASC', id: 'ASC' } });
  }

  invitationsOf(customerId: string): Promise<CustomerEventInvitation[]> {
    return this.dataSource.getRepository(CustomerEventInvitation).find({ where: { customerId }, order: { invitedAt: 'ASC', id: 'ASC' } });
  }
}
