import type { Identity } from '@carebridge/auth';
import { ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { ComplaintHistory } from '../history/complaint-history';
import { type ComplaintStep, ensureStepAllowed, NEXT_STATUSES, type StepRecord } from './complaint-lifecycle';
import { Complaint } from './complaint.entity';
import type { ComplaintActionInput } from './complaint.inputs';

/** The work of one step; null when it changes nothing. */
export type StepWork = (complaint: Complaint, manager: EntityManager, now: Date) => Promise<StepRecord | null>;

/**
 * How every step of the complaint procedure is taken, in one transaction: lock the row, refuse a
 * stale version or a step the status does not allow, apply the step, move the status, record the
 * timeline. A step that changes nothing (its work returns null) writes nothing.
 */
export class ComplaintSteps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly history: ComplaintHistory,
  ) {}

  /** `step` may depend on the locked complaint (assigning vs. reassigning). */
  take(input: ComplaintActionInput, step: ComplaintStep | ((complaint: Complaint) => ComplaintStep), actor: Identity, work: StepWork): Promise<Complaint> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.locked(manager, input);
      const taken = typeof step === 'function' ? step(complaint) : step;
      ensureStepAllowed(complaint, taken);
      const fromStatus = complaint.status;
      const record = await work(complaint, manager, now);
      if (!record) return complaint;
      if (taken.to) complaint.status = taken.to;
      complaint.updatedAt = now;
      const saved = await manager.save(complaint);
      const moved = taken.to && taken.to !== fromStatus;
      await this.history.record(manager, saved.id, {
        ...record,
        actor: { userId: actor.userId, name: actor.name ?? null },
        at: now,
        fromStatus: moved ? fromStatus : null,
        toStatus: moved ? taken.to : null,
      });
      return saved;
    });
  }

  /** The complaint, locked for this transaction; CONFLICT when the caller saw an older version. */
  private async locked(manager: EntityManager, input: ComplaintActionInput): Promise<Complaint> {
    const complaint = isUuid(input.complaintId)
      ? await manager.findOne(Complaint, { where: { id: input.complaintId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!complaint) throw new NotFoundError('Complaint', input.complaintId);
    if (input.expectedVersion != null && input.expectedVersion !== complaint.version) {
      throw new ConflictError(`Complaint ${complaint.registrationNumber} changed since version ${input.expectedVersion}; it is at version ${complaint.version} now`, {
        currentStatus: complaint.status,
        allowedNext: NEXT_STATUSES[complaint.status],
        currentVersion: complaint.version,
      });
    }
    return complaint;
  }
}
