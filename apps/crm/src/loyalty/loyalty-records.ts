import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import type { CustomerRecords } from '../customer/customer-records';
import { Coupon, LoyaltyAccount, LoyaltyEntry } from './loyalty.entity';

/** The points account and ledger as part of what crm keeps about a customer: a merge adds up the balances. */
export class LoyaltyRecords implements CustomerRecords {
  readonly section = 'loyalty';

  constructor(private readonly clock: Clock) {}

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    // A DELETE answers [rows, count].
    const [[from]] = await manager.query(`DELETE FROM loyalty_account WHERE customer_id = $1 RETURNING balance, lifetime_earned`, [fromId]);
    if (from) {
      await manager.query(
        `INSERT INTO loyalty_account (customer_id, balance, lifetime_earned, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_account.balance + EXCLUDED.balance,
           lifetime_earned = loyalty_account.lifetime_earned + EXCLUDED.lifetime_earned, updated_at = EXCLUDED.updated_at`,
        [toId, from.balance, from.lifetime_earned, this.clock.now()],
      );
    }
    const [, moved] = await manager.query(`UPDATE loyalty_entry SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  async exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    const account = await manager.findOneBy(LoyaltyAccount, { customerId });
    return {
      balance: account?.balance ?? 0,
      lifetimeEarned: account?.lifetimeEarned ?? 0,
      entries: await manager.find(LoyaltyEntry, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } }),
    };
  }

  /** Amounts stay (they are accounting records); the reasons, written about the customer, go. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(`UPDATE loyalty_entry SET reason = lower(kind::text) || ' (erased)' WHERE customer_id = $1`, [customerId]);
  }
}

export class CouponRecords implements CustomerRecords {
  readonly section = 'coupons';

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, moved] = await manager.query(`UPDATE coupon SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(Coupon, { where: { customerId }, order: { issuedAt: 'ASC' } });
  }

  /** Unused coupons of an erased customer can no longer be used by anyone. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(`UPDATE coupon SET status = 'EXPIRED', version = version + 1 WHERE customer_id = $1 AND status = 'ACTIVE'`, [customerId]);
  }
}

/** Campaign grants: that a customer got a campaign's reward. */
export class CampaignRecords implements CustomerRecords {
  readonly section = 'campaigns';

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await manager.query(
      `DELETE FROM campaign_grant d WHERE d.customer_id = $1 AND EXISTS (SELECT 1 FROM campaign_grant s WHERE s.customer_id = $2 AND s.campaign_id = d.campaign_id)`,
      [fromId, toId],
    );
    const [, moved] = await manager.query(`UPDATE campaign_grant SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.query(
      `SELECT c.name AS campaign, g.granted_at AS "grantedAt" FROM campaign_grant g JOIN campaign c ON c.id = g.campaign_id WHERE g.customer_id = $1 ORDER BY g.granted_at`,
      [customerId],
    );
  }

  /** A grant says only that an anonymous customer got a campaign's reward: kept for the campaign's figures. */
  async erase(): Promise<void> {
    return undefined;
  }
}
