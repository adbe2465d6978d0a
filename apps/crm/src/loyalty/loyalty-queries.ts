import { type Connection, paginate, paginateEach, type PageArgs } from '@carebridge/service-kit';
import { type DataSource, In } from 'typeorm';
import { Coupon, LoyaltyAccount, LoyaltyEntry, MilesEntry } from './loyalty.entity';
import type { CouponStatus } from './loyalty.enums';

/** Balances, the points ledger and coupons of customers. */
export class LoyaltyQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Balances of several customers in one query (a list of customers). */
  async balancesOf(customerIds: readonly string[]): Promise<Map<string, number>> {
    const accounts = await this.dataSource.getRepository(LoyaltyAccount).findBy({ customerId: In([...customerIds]) });
    return new Map(customerIds.map((id) => [id, accounts.find((a) => a.customerId === id)?.balance ?? 0]));
  }

  async balanceOf(customerId: string): Promise<number> {
    const account = await this.dataSource.getRepository(LoyaltyAccount).findOneBy({ customerId });
    return account?.balance ?? 0;
  }

  /** Miles balances of several customers in one query. */
  async milesBalancesOf(customerIds: readonly string[]): Promise<Map<string, number>> {
    const accounts = await this.dataSource.getRepository(LoyaltyAccount).findBy({ customerId: In([...customerIds]) });
    return new Map(customerIds.map((id) => [id, accounts.find((a) => a.customerId === id)?.milesBalance ?? 0]));
  }

  /** The miles ledger, newest first. */
  /** The newest `first` entries of the miles ledger (all of them when not given). */
  milesLedger(customerId: string, first?: number): Promise<MilesEntry[]> {
    return this.dataSource.getRepository(MilesEntry).find({ where: { customerId }, order: { occurredAt: 'DESC', id: 'DESC' }, take: first });
  }

  ledger(customerId: string, page: PageArgs): Promise<Connection<LoyaltyEntry>> {
    const query = this.dataSource.getRepository(LoyaltyEntry).createQueryBuilder('entry').where('entry.customerId = :customerId', { customerId });
    return paginate(query, page, { sortKey: 'occurredAt', direction: 'DESC' });
  }

  /** The first page of each of these customers' ledgers, in one statement (`Customer.loyaltyLedger` on a list). */
  firstLedgerPages(customerIds: readonly string[], page: { first: number }, counted: boolean): Promise<Map<string, Connection<LoyaltyEntry>>> {
    return paginateEach(this.dataSource.getRepository(LoyaltyEntry).createQueryBuilder('entry'), 'customerId', customerIds, page, { sortKey: 'occurredAt', direction: 'DESC' }, counted);
  }

  /** The newest `first` coupons of a customer (all of them when not given). */
  couponsOf(customerId: string, status?: CouponStatus[], first?: number): Promise<Coupon[]> {
    return this.dataSource.getRepository(Coupon).find({
      where: { customerId, ...(status?.length ? { status: In(status) } : {}) },
      order: { issuedAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }
}
