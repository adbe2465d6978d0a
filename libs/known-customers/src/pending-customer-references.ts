import { type Environment, loadConfig, setting } from '@carebridge/config';
import type { Clock, Logger, ScheduledJob } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { PendingCustomerReference } from './pending-customer-reference.entity';

/** A record that refers to a customer not announced yet. */
export interface AwaitedRecord {
  /** In the service's words: `complaint`, `inquiry`. */
  kind: string;
  id: string;
}

export interface PendingReferencePolicy {
  /** How long a customer may take to arrive from crm before the records referring to it are flagged. */
  waitMinutes: number;
  /** How often the check runs. */
  checkEveryMs?: number;
  /**
   * What the service does with records whose customer did not arrive in time, in the check's
   * transaction: e.g. puts the case before a supervisor. Records of kinds it does not know are only logged.
   */
  flagged?(manager: EntityManager, references: PendingCustomerReference[], at: Date): Promise<void>;
  /** A flagged record's customer arrived after all, in the event's transaction. */
  arrived?(manager: EntityManager, references: PendingCustomerReference[], at: Date): Promise<void>;
  logger?: Pick<Logger, 'warn'>;
}

/** `CUSTOMER_REFERENCE_WAIT_MINUTES` (60 by default) and `CUSTOMER_REFERENCE_CHECK_INTERVAL_MS` (one minute), read the same way by every service. */
export function customerReferenceSettings(env: Environment = process.env): { waitMinutes: number; checkEveryMs: number } {
  const s = loadConfig(
    {
      CUSTOMER_REFERENCE_WAIT_MINUTES: setting.positiveInt(60),
      CUSTOMER_REFERENCE_CHECK_INTERVAL_MS: setting.positiveInt(60_000),
    },
    env,
  );
  return { waitMinutes: s.CUSTOMER_REFERENCE_WAIT_MINUTES, checkEveryMs: s.CUSTOMER_REFERENCE_CHECK_INTERVAL_MS };
}

/** The references one check flags at most, so that a backlog is worked off in short transactions. */
const CHECK_BATCH = 200;

/**
 * References to customers crm has not announced yet (`customer.created` is on its way). crm
 * publishes the event after its transaction commits, so a client that creates a customer and at
 * once registers a case for them may be faster than the event: the case is accepted and the
 * reference awaited. The customer's arrival (created, merged or erased — the service's own merge
 * and erasure handling then applies to the records as to any other) settles it; a customer that
 * never arrives is flagged after the wait, never left as a silent orphan.
 */
export class PendingCustomerReferences {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policy: PendingReferencePolicy,
  ) {}

  /** Records that `record` refers to `customerId`, not known yet, in the record's transaction. */
  async awaiting(manager: EntityManager, customerId: string, record: AwaitedRecord): Promise<void> {
    // The customer's event may be committing right now: whoever comes second sees the other's work
    // (it is held until the first commits), so a reference is never left behind for a customer that arrived.
    await lockCustomer(manager, customerId);
    const [known] = await manager.query(`SELECT 1 FROM known_customer WHERE id = $1`, [customerId]);
    if (known) return;
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO pending_customer_reference (customer_id, record_kind, record_id, referred_at, due_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (record_kind, record_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, due_at = EXCLUDED.due_at, flagged_at = NULL`,
      [customerId, record.kind, record.id, now, new Date(now.getTime() + this.policy.waitMinutes * 60_000)],
    );
  }

  /** crm announced these customers: their references are settled; flagged ones are handed back to the service. */
  async arrived(manager: EntityManager, customerIds: string[], at: Date): Promise<void> {
    for (const customerId of [...customerIds].sort()) await lockCustomer(manager, customerId);
    const settled: Record<string, unknown>[] = await manager.query(
      `DELETE FROM pending_customer_reference WHERE customer_id = ANY($1::uuid[])
       RETURNING id, customer_id AS "customerId", record_kind AS "recordKind", record_id AS "recordId", referred_at AS "referredAt", due_at AS "dueAt", flagged_at AS "flaggedAt"`,
      [customerIds],
    ).then(rowsOf);
    const flagged = settled.filter((row) => row.flaggedAt) as unknown as PendingCustomerReference[];
    if (flagged.length) await this.policy.arrived?.(manager, flagged, at);
  }

  /** The references still waiting, oldest first (for operators and tests). */
  waiting(manager: EntityManager = this.dataSource.manager): Promise<PendingCustomerReference[]> {
    return manager.find(PendingCustomerReference, { order: { referredAt: 'ASC', id: 'ASC' } });
  }

  /** Flags every reference past its wait, once: the service's `flagged`, and a warning with ids only. Returns how many. */
  async flagOverdue(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const due: PendingCustomerReference[] = await manager
          .createQueryBuilder(PendingCustomerReference, 'reference')
          .where('reference.flaggedAt IS NULL AND reference.dueAt <= :now', { now })
          .orderBy('reference.dueAt', 'ASC')
          .limit(CHECK_BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        if (!due.length) return 0;
        await manager.update(PendingCustomerReference, due.map((reference) => reference.id), { flaggedAt: now });
        for (const reference of due) reference.flaggedAt = now;
        await this.policy.flagged?.(manager, due, now);
        for (const reference of due) {
          this.policy.logger?.warn(
            { recordKind: reference.recordKind, recordId: reference.recordId, customerId: reference.customerId, waitMinutes: this.policy.waitMinutes },
            'customer reference unresolved: crm has not announced the customer',
          );
        }
        return due.length;
      });
      total += count;
      if (count < CHECK_BATCH) return total;
    }
  }

  /** `customer-reference-check`: flags overdue references. */
  job(): ScheduledJob {
    return { name: 'customer-reference-check', everyMs: this.policy.checkEveryMs ?? 60_000, run: (now) => this.flagOverdue(now) };
  }
}

/** Serialises a customer's arrival with references to them, until the transaction ends. */
async function lockCustomer(manager: EntityManager, customerId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`carebridge.customer-reference.${customerId}`]);
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  // pg reports a DELETE … RETURNING as [rows, affected count].
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0];
  return Array.isArray(result) ? result : [];
}
