import type { EntityManager } from 'typeorm';

/**
 * What one part of training keeps about a member of staff, for their data export and erasure: each
 * folder declares its own kind and the domain lists them all, so no table is forgotten at erasure.
 */
export interface StaffRecordKind {
  /** Its section of the export, e.g. "evaluations". */
  section: string;
  /** The records about `userId`, as plain JSON. */
  collect(manager: EntityManager, userId: string): Promise<unknown[]>;
  /** Deletes or anonymises them; answers how many records were touched. */
  erase(manager: EntityManager, userId: string, at: Date): Promise<number>;
}
