import type { EntityManager } from 'typeorm';

/**
 * What each part of crm keeps about a customer, seen from the three operations that must reach
 * all of it: a merge moves it to the surviving profile, an export copies it, an erasure
 * anonymises it. Every part that stores customer ids implements this, so none is forgotten.
 */
export interface CustomerRecords {
  /** The section's name in exports and merge summaries, e.g. "followUps". */
  readonly section: string;
  /** Re-points everything of `fromId` to `toId` (a merge); returns how many records moved. */
  moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number>;
  /** Everything about the customer, unmasked, as plain JSON. */
  exportFor(manager: EntityManager, customerId: string): Promise<unknown>;
  /** Removes or anonymises what identifies the customer; keeps what accountability requires. */
  erase(manager: EntityManager, customerId: string): Promise<void>;
}
