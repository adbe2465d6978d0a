import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from '../customer/customer-data-section';
import { LoyaltyAccount, LoyaltyEntry } from './loyalty.entity';

/** The points account and ledger as a section of what crm keeps about a customer: a merge adds up the balances. */
export class LoyaltySection implements CustomerDataSection {
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
    return moveCustomerRows(manager, 'loyalty_entry', fromId, toId);
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
