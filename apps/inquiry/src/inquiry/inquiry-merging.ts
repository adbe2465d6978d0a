import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { InquiryAssigner } from './inquiry-assigner';
import { recordHistory } from './inquiry-history';
import { ensureStepAllowed, STEPS } from './inquiry-lifecycle';
import { lockInquiry, reloadInquiry } from './inquiry-lock';
import type { InquiryOrderChanges } from './inquiry-order-changes';
import { Inquiry, InquiryHistoryEntry, InquiryMessage } from './inquiry.entity';
import { InquiryHistoryKind, InquiryStatus } from './inquiry.enums';
import type { MergeInquiriesInput } from './inquiry.inputs';

/** Two inquiries of one customer about one matter become one: the survivor gets both conversations, histories and order changes. */
export class InquiryMerging {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orderChanges: InquiryOrderChanges,
    private readonly assigner: InquiryAssigner,
    private readonly clock: Clock,
  ) {}

  async merge(input: MergeInquiriesInput, by: Identity): Promise<Inquiry> {
    if (input.survivorId === input.mergedId) throw BadUserInputError.field('input.mergedId', 'distinct', 'must be another inquiry than input.survivorId');
    return this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two merges of the same pair cannot deadlock.
      const [first, second] = [input.survivorId, input.mergedId].sort();
      const locked = new Map<string, Inquiry>();
      for (const id of [first, second]) locked.set(id, await lockInquiry(manager, id));
      const survivor = locked.get(input.survivorId) as Inquiry;
      const merged = locked.get(input.mergedId) as Inquiry;
      for (const inquiry of [survivor, merged]) ensureStepAllowed(inquiry, STEPS.merge);
      if (!sameCustomer(survivor, merged)) {
        throw BadUserInputError.field('input.mergedId', 'same-customer', 'must be an inquiry of the same customer as input.survivorId (same customer id, or the same contact details)');
      }
      const now = this.clock.now();
      await manager.update(InquiryMessage, { inquiryId: merged.id }, { inquiryId: survivor.id });
      await manager.update(InquiryHistoryEntry, { inquiryId: merged.id }, { inquiryId: survivor.id });
      await this.orderChanges.moveToInquiry(manager, merged.id, survivor.id);
      const changes: Partial<Inquiry> = {
        contactName: survivor.contactName ?? merged.contactName,
        contactEmail: survivor.contactEmail ?? merged.contactEmail,
        contactPhone: survivor.contactPhone ?? merged.contactPhone,
        updatedAt: now,
      };
      // A customer message left unanswered on the merged inquiry still needs its reply.
      if (merged.status === InquiryStatus.OPEN && merged.replyDueAt && survivor.status !== InquiryStatus.NEW) {
        const replyDueAt = survivor.replyDueAt && survivor.replyDueAt < merged.replyDueAt ? survivor.replyDueAt : merged.replyDueAt;
        const atRiskAt = replyDueAt === merged.replyDueAt ? merged.atRiskAt : survivor.atRiskAt;
        Object.assign(changes, { status: InquiryStatus.OPEN, replyDueAt, nextDueAt: replyDueAt, atRiskAt });
      }
      await manager.update(Inquiry, { id: survivor.id }, changes);
      await manager.update(Inquiry, { id: merged.id }, { status: STEPS.merge.to, mergedIntoId: survivor.id, replyDueAt: null, nextDueAt: null, updatedAt: now });
      await recordHistory(manager, survivor.id, InquiryHistoryKind.MERGED, `Inquiry ${merged.id} merged into this one`, by.userId, now);
      await recordHistory(manager, merged.id, InquiryHistoryKind.MERGED, `Merged into inquiry ${survivor.id}; its conversation and history moved there`, by.userId, now);
      await this.assigner.assignWaiting(manager);
      return reloadInquiry(manager, survivor.id);
    });
  }
}

/** The same customer id, or neither linked and the same e-mail or phone the customer gave. */
function sameCustomer(a: Inquiry, b: Inquiry): boolean {
  if (a.customerId || b.customerId) return a.customerId === b.customerId;
  return Boolean((a.contactEmail && a.contactEmail === b.contactEmail) || (a.contactPhone && a.contactPhone === b.contactPhone));
}
