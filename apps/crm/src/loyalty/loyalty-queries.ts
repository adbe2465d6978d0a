import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
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
  milesLedger(customerId: string): Promise<MilesEntry[]> {
    return this.dataSource.getRepository(MilesEntry).find({ where: { customerId }, order: { occurredAt: 'DESC', id: 'DESC' } });
  }

  ledger(customerId: string, page: PageArgs): Promise<Connection<LoyaltyEntry>> {
    const query = this.dataSource.getRepository(LoyaltyEntry).createQueryBuilder('entry').where('entry.customerId = :customerId', { customerId });
    return paginate(query, page, { sortKey: 'occurredAt', direction: 'DESC' });
  }

  couponsOf(customerId: string, status?: CouponStatus[]): Promise<Coupon[]> {
    return this.dataSource.getRepository(Coupon).find({
      where: { customerId, ...(status?.length ? { status: In(status) } : {}) },
      order: { issuedAt: 'DESC', id: 'DESC' },
    });
  }
}
