import type { EntityManager } from 'typeorm';

/**
 * One section of what crm keeps about a customer (contacts, follow-ups, the points ledger…), seen
 * from the three operations that must reach all of it: a merge moves it to the surviving profile,
 * an export copies it, an erasure anonymises it. Every part of crm that stores customer ids
 * declares its section, so none is forgotten. (The other services declare theirs to the
 * `CustomerRecords` port of `@carebridge/known-customers`; crm owns the customers and does this itself.)
 */
export interface CustomerDataSection {
  /** The section's name in exports and merge summaries, e.g. "followUps". */
  readonly section: string;
  /** Re-points everything of `fromId` to `toId` (a merge); returns how many records moved. */
  moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number>;
  /** Everything about the customer, unmasked, as plain JSON. */
  exportFor(manager: EntityManager, customerId: string): Promise<unknown>;
  /** Removes or anonymises what identifies the customer; keeps what accountability requires. */
  erase(manager: EntityManager, customerId: string): Promise<void>;
}

/**
 * A merge's move of one table: re-points the rows of `fromId` (the duplicate) to `toId` (the
 * survivor) and returns how many moved. With `unlessSurvivorHas`, a row of the duplicate whose
 * values in those columns the survivor already has is dropped instead of moved, so the survivor
 * holds each once.
 */
export async function moveCustomerRows(manager: EntityManager, table: string, fromId: string, toId: string, unlessSurvivorHas: readonly string[] = []): Promise<number> {
  if (unlessSurvivorHas.length) await dropRowsTheSurvivorHas(manager, table, fromId, toId, unlessSurvivorHas);
  // An UPDATE answers [rows, count].
  const [, moved] = await manager.query(`UPDATE ${table} SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
  return moved;
}

/** Deletes the rows of `fromId` whose values in `columns` a row of `toId` already has. */
export async function dropRowsTheSurvivorHas(manager: EntityManager, table: string, fromId: string, toId: string, columns: readonly string[]): Promise<void> {
  const same = columns.map((column) => `s.${column} = d.${column}`).join(' AND ');
  await manager.query(`DELETE FROM ${table} d WHERE d.customer_id = $1 AND EXISTS (SELECT 1 FROM ${table} s WHERE s.customer_id = $2 AND ${same})`, [fromId, toId]);
}
