import { isUuid } from '@carebridge/domain';
import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import { Brackets, type DataSource } from 'typeorm';
import { CustomerEvent, CustomerEventInvitation, KeyAccount, KeyAccountMember } from './key-account.entity';
import type { KeyAccountKind, KeyAccountStatus } from './key-account.enums';

/** Reading key accounts, their members and customer events with their invitations. */
export class KeyAccountQueries {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<KeyAccount | null> {
    return isUuid(id) ? this.dataSource.getRepository(KeyAccount).findOneBy({ id }) : Promise.resolve(null);
  }

  /** Key accounts, newest first: by part of the name, account manager or dedicated contact, status and kind. */
  list(args: PageArgs & { search?: string; status?: KeyAccountStatus; kind?: KeyAccountKind }): Promise<Connection<KeyAccount>> {
    const query = this.dataSource.getRepository(KeyAccount).createQueryBuilder('account');
    if (args.status) query.andWhere('account.status = :status', { status: args.status });
    if (args.kind) query.andWhere('account.kind = :kind', { kind: args.kind });
    const search = args.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((where) => {
          where
            .where('account.name ILIKE :pattern', { pattern })
            .orWhere('account.accountManagerId ILIKE :pattern', { pattern })
            .orWhere('account.accountManagerName ILIKE :pattern', { pattern })
            .orWhere(`account.service_terms #>> '{dedicatedContact,userId}' ILIKE :pattern`, { pattern })
            .orWhere(`account.service_terms #>> '{dedicatedContact,name}' ILIKE :pattern`, { pattern });
        }),
      );
    }
    return paginate(query, args);
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

  /** The first `first` invitations to an event, oldest first (all when not given). */
  invitations(eventId: string, first?: number): Promise<CustomerEventInvitation[]> {
    return this.dataSource.getRepository(CustomerEventInvitation).find({ where: { eventId }, order: { invitedAt: 'ASC', id: 'ASC' }, take: first });
  }

  /** The first `first` invitations of a customer, oldest first (all when not given). */
  invitationsOf(customerId: string, first?: number): Promise<CustomerEventInvitation[]> {
    return this.dataSource.getRepository(CustomerEventInvitation).find({ where: { customerId }, order: { invitedAt: 'ASC', id: 'ASC' }, take: first });
  }
}
