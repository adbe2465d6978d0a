import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import { complaintMerged } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, In } from 'typeorm';
import { NEXT_STATUSES } from '../complaint/complaint-lifecycle';
import { Complaint } from '../complaint/complaint.entity';
import type { ComplaintHistory } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import { ComplaintStatus } from '../status/status.enums';
import type { MergeComplaintsInput } from './complaint-merge.inputs';

/** A complaint still being handled: what can be merged, and what a new complaint may duplicate. */
export const OPEN_STATUSES = [ComplaintStatus.REGISTERED, ComplaintStatus.ASSIGNED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.FEEDBACK_GIVEN, ComplaintStatus.REOPENED];

/**
 * Merging duplicates: two complaints of one customer about the same matter. The duplicate is closed
 * as merged (`mergedIntoId`; its deadlines stop, no satisfaction is asked) and the other goes on;
 * each keeps its history, feedback, notes and files, and each timeline records the merge.
 */
export class ComplaintMerging {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly history: ComplaintHistory,
    private readonly outbox: Outbox,
  ) {}

  merge(input: MergeComplaintsInput, actor: Identity): Promise<Complaint> {
    const now = this.clock.now();
    if (input.complaintId === input.intoComplaintId) throw BadUserInputError.field('input.intoComplaintId', 'other-complaint', 'must be another complaint than the duplicate');
    return this.dataSource.transaction(async (manager) => {
      // Both rows locked, in id order, so two merges of the same pair never deadlock.
      const ids = [input.complaintId, input.intoComplaintId].filter(isUuid).sort();
      const rows = ids.length === 2 ? await manager.find(Complaint, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } }) : [];
      const duplicate = rows.find((c) => c.id === input.complaintId);
      const survivor = rows.find((c) => c.id === input.intoComplaintId);
      if (!duplicate) throw new NotFoundError('Complaint', input.complaintId);
      if (!survivor) throw new NotFoundError('Complaint', input.intoComplaintId);
      if (input.expectedVersion != null && input.expectedVersion !== duplicate.version) {
        throw new ConflictError(`Complaint ${duplicate.registrationNumber} changed since version ${input.expectedVersion}`, { currentStatus: duplicate.status, allowedNext: NEXT_STATUSES[duplicate.status], currentVersion: duplicate.version });
      }
      if (duplicate.customerId !== survivor.customerId) throw BadUserInputError.field('input.intoComplaintId', 'same-customer', 'must be a complaint of the same customer');
      if (!OPEN_STATUSES.includes(duplicate.status) || duplicate.mergedIntoId) {
        throw new ConflictError(`Cannot merge complaint ${duplicate.registrationNumber}: it is ${duplicate.mergedIntoId ? 'merged already' : duplicate.status}`, { currentStatus: duplicate.status, allowedNext: NEXT_STATUSES[duplicate.status] });
      }
      if (survivor.mergedIntoId) throw BadUserInputError.field('input.intoComplaintId', 'not-merged', `complaint ${survivor.registrationNumber} was itself merged into another`);
      const reason = input.reason.trim();
      const by = { userId: actor.userId, name: actor.name ?? null };
      const fromStatus = duplicate.status;
      Object.assign(duplicate, { status: ComplaintStatus.CLOSED, closedAt: now, mergedIntoId: survivor.id, updatedAt: now, waitingSince: null });
      await manager.save(duplicate);
      survivor.updatedAt = now;
      const saved = await manager.save(survivor);
      await this.history.record(manager, duplicate.id, {
        action: ComplaintAction.MERGED_INTO,
        actor: by,
        at: now,
        fromStatus,
        toStatus: ComplaintStatus.CLOSED,
        changes: { mergedInto: { to: survivor.registrationNumber } },
        reason,
      });
      await this.history.record(manager, survivor.id, { action: ComplaintAction.MERGED_FROM, actor: by, at: now, changes: { mergedFrom: { to: duplicate.registrationNumber } }, reason });
      await this.outbox.publish(manager, complaintMerged, { complaintId: duplicate.id, intoComplaintId: survivor.id, customerId: survivor.customerId, mergedBy: actor.userId, mergedAt: now.toISOString() });
      return saved;
    });
  }

  /** Open complaints of the same customer about the same booking or of the same category: what a new one may duplicate. */
  possibleDuplicates(complaint: Complaint): Promise<Complaint[]> {
    return this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('other')
      .where('other.customerId = :customerId AND other.id <> :id', { customerId: complaint.customerId, id: complaint.id })
      .andWhere('other.status IN (:...open) AND other.mergedIntoId IS NULL', { open: OPEN_STATUSES })
      .andWhere(complaint.bookingReference ? '(other.bookingReference = :booking OR other.category = :category)' : 'other.category = :category', { booking: complaint.bookingReference, category: complaint.category })
      .orderBy('other.createdAt', 'DESC')
      .limit(10)
      .getMany();
  }

  mergedInto(complaintIds: readonly string[]): Promise<Complaint[]> {
    return this.dataSource.getRepository(Complaint).find({ where: { mergedIntoId: In([...complaintIds]) }, order: { createdAt: 'ASC' } });
  }
}
