import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from '../customer/customer-data-section';
import { Coupon } from './loyalty.entity';

/** A customer's coupons, used or not. */
export class CouponsSection implements CustomerDataSection {
  readonly section = 'coupons';

  moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    return moveCustomerRows(manager, 'coupon', fromId, toId);
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(Coupon, { where: { customerId }, order: { issuedAt: 'ASC' } });
  }

  /** Unused coupons of an erased customer can no longer be used by anyone. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(`UPDATE coupon SET status = 'EXPIRED', version = version + 1 WHERE customer_id = $1 AND status = 'ACTIVE'`, [customerId]);
  }
}
