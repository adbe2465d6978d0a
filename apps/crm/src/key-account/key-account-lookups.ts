import { isUuid, NotFoundError } from '@carebridge/domain';
import type { EntityManager } from 'typeorm';
import { KeyAccount } from './key-account.entity';

/** The dedicated account manager of the customer's active key account, if any (owner of their follow-ups). */
export async function accountManagerOf(manager: EntityManager, customerId: string): Promise<string | null> {
  const [row] = await manager.query(
    `SELECT a.account_manager_id FROM key_account_member m JOIN key_account a ON a.id = m.key_account_id WHERE m.customer_id = $1 AND a.status = 'ACTIVE'`,
    [customerId],
  );
  return row?.account_manager_id ?? null;
}

/** A key account locked for a change in the caller's transaction. */
export async function lockedKeyAccount(manager: EntityManager, id: string): Promise<KeyAccount> {
  const account = isUuid(id) ? await manager.findOne(KeyAccount, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!account) throw new NotFoundError('KeyAccount', id);
  return account;
}
