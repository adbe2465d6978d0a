import { isUuid, NotFoundError } from '@carebridge/domain';
import { type Clock, type Connection, findManyById, groupedBy, paginate, type PageArgs, whereAnyOf } from '@carebridge/service-kit';
import { Brackets, type DataSource } from 'typeorm';
import { CustomerContact } from './customer-contact.entity';
import { Customer } from './customer.entity';
import { CustomerStatus } from './customer.enums';
import type { CustomerFilter } from './customer.inputs';
import { TravelDocument } from './travel-document.entity';

const DAY_MS = 86_400_000;

/** Reading profiles: by id, searched and filtered, due for verification, and their contacts and documents for whole lists. */
export class CustomerQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly verifyAfterDays: number,
  ) {}

  findById(id: string): Promise<Customer | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Customer).findOneBy({ id });
  }

  /** Customers by id in one query (ids not found are left out). */
  findManyById(ids: readonly string[]): Promise<Customer[]> {
    return findManyById(this.dataSource.getRepository(Customer), ids);
  }

  async getById(id: string): Promise<Customer> {
    const customer = await this.findById(id);
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }

  list(args: PageArgs & { search?: string; filter?: CustomerFilter }): Promise<Connection<Customer>> {
    const query = this.dataSource.getRepository(Customer).createQueryBuilder('customer');
    query.where('customer.status = :status', { status: args.filter?.status ?? CustomerStatus.ACTIVE });
    if (args.filter?.tier?.length) query.andWhere('customer.tier IN (:...tiers)', { tiers: args.filter.tier });
    if (args.filter?.tag) query.andWhere('customer.tags @> ARRAY[:tag]::text[]', { tag: args.filter.tag.trim().toLowerCase() });
    if (args.filter?.keyAccountId) {
      query.andWhere('EXISTS (SELECT 1 FROM key_account_member m WHERE m.customer_id = customer.id AND m.key_account_id = :keyAccountId)', { keyAccountId: args.filter.keyAccountId });
    }
    if (args.filter?.inKeyAccount !== undefined && args.filter.inKeyAccount !== null) {
      query.andWhere(`${args.filter.inKeyAccount ? '' : 'NOT '}EXISTS (SELECT 1 FROM key_account_member m WHERE m.customer_id = customer.id)`);
    }
    const search = args.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const digits = search.replace(/\D/g, '');
      query.andWhere(
        new Brackets((where) => {
          where.where('customer.fullName ILIKE :pattern', { pattern }).orWhere('customer.email ILIKE :pattern', { pattern });
          if (digits.length >= 3) where.orWhere('customer.phone LIKE :digits', { digits: `%${digits}%` });
        }),
      );
    }
    return paginate(query, args);
  }

  /** Active profiles not confirmed with the customer for CRM_VERIFY_AFTER_DAYS, the longest unverified first. */
  dueForVerification(page: PageArgs): Promise<Connection<Customer>> {
    const before = new Date(this.clock.now().getTime() - this.verifyAfterDays * DAY_MS);
    const query = this.dataSource
      .getRepository(Customer)
      .createQueryBuilder('customer')
      .where('customer.status = :status', { status: CustomerStatus.ACTIVE })
      .andWhere('customer.lastVerifiedAt < :before', { before });
    return paginate(query, page, { sortKey: 'lastVerifiedAt', direction: 'ASC' });
  }

  /** Contacts of several customers in one query (primary first), for field resolvers of a whole list. */
  async contactsOf(customerIds: readonly string[]): Promise<Map<string, CustomerContact[]>> {
    const query = this.dataSource.getRepository(CustomerContact).createQueryBuilder('contact');
    const rows = await whereAnyOf(query, 'customerId', customerIds)
      .orderBy('contact.isPrimary', 'DESC')
      .addOrderBy('contact.kind', 'ASC')
      .addOrderBy('contact.createdAt', 'ASC')
      .addOrderBy('contact.id', 'ASC')
      .getMany();
    return groupedBy(customerIds, rows, 'customerId');
  }

  async documentsOf(customerIds: readonly string[]): Promise<Map<string, TravelDocument[]>> {
    const query = this.dataSource.getRepository(TravelDocument).createQueryBuilder('document');
    const rows = await whereAnyOf(query, 'customerId', customerIds).orderBy('document.createdAt', 'ASC').addOrderBy('document.id', 'ASC').getMany();
    return groupedBy(customerIds, rows, 'customerId');
  }
}
