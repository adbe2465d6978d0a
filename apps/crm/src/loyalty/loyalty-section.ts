import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import { type CustomerDataSection, moveCustomerRows } from '../customer/customer-data-section';
import { LoyaltyAccount, LoyaltyEntry, MilesEntry } from './loyalty.entity';

/** The points account, the points and miles ledgers as a section of what crm keeps about a customer: a merge adds up the balances. */
export class LoyaltySection implements CustomerDataSection {
  readonly section = 'loyalty';

  constructor(private readonly clock: Clock) {}

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    // A DELETE answers [rows, count].
    const [[from]] = await manager.query(`DELETE FROM loyalty_account WHERE customer_id = $1 RETURNING balance, lifetime_earned, miles_balance`, [fromId]);
    if (from) {
      await manager.query(
        `INSERT INTO loyalty_account (customer_id, balance, lifetime_earned, miles_balance, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_account.balance + EXCLUDED.balance,
           lifetime_earned = loyalty_account.lifetime_earned + EXCLUDED.lifetime_earned,
           miles_balance = loyalty_account.miles_balance + EXCLUDED.miles_balance, updated_at = EXCLUDED.updated_at`,
        [toId, from.balance, from.lifetime_earned, from.miles_balance, this.clock.now()],
      );
    }
    return (await moveCustomerRows(manager, 'loyalty_entry', fromId, toId)) + (await moveCustomerRows(manager, 'miles_entry', fromId, toId));
  }

  async exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    const account = await manager.findOneBy(LoyaltyAccount, { customerId });
    return {
      balance: account?.balance ?? 0,
      lifetimeEarned: account?.lifetimeEarned ?? 0,
      entries: await manager.find(LoyaltyEntry, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } }),
      milesBalance: account?.milesBalance ?? 0,
      milesEntries: await manager.find(MilesEntry, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } }),
    };
  }

  /** Amounts stay (they are accounting records); the reasons, written about the customer, go. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(`UPDATE loyalty_entry SET reason = lower(kind::text) || ' (erased)' WHERE customer_id = $1`, [customerId]);
    await manager.query(`UPDATE miles_entry SET reason = 'miles (erased)' WHERE customer_id = $1`, [customerId]);
  }
}
