import type { Identity } from '@carebridge/auth';
import { retagged } from '@carebridge/help-desk';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { recordHistory } from './inquiry-history';
import { ensureStepAllowed, STEPS } from './inquiry-lifecycle';
import { lockInquiry, reloadInquiry } from './inquiry-lock';
import { Inquiry } from './inquiry.entity';
import { InquiryHistoryKind } from './inquiry.enums';
import type { CorrectInquiryCategoryInput, SetInquiryPriorityInput, TagInquiryInput } from './inquiry.inputs';

/** How an inquiry is classified after intake: its category corrected, its priority, its tags; each change in the history. */
export class InquiryClassification {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async correctCategory(input: CorrectInquiryCategoryInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.classify);
      if (inquiry.category === input.category) return inquiry;
      const now = this.clock.now();
      await manager.update(Inquiry, { id: inquiry.id }, { category: input.category, updatedAt: now });
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.CATEGORY_CORRECTED, `Category corrected from ${inquiry.category} to ${input.category}: ${input.reason.trim()}`, by.userId, now);
      return reloadInquiry(manager, inquiry.id);
    });
  }

  async setPriority(input: SetInquiryPriorityInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.prioritise);
      if (inquiry.priority === input.priority) return inquiry;
      const now = this.clock.now();
      await manager.update(Inquiry, { id: inquiry.id }, { priority: input.priority, updatedAt: now });
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.PRIORITY_CHANGED, `Priority changed from ${inquiry.priority} to ${input.priority}`, by.userId, now);
      return reloadInquiry(manager, inquiry.id);
    });
  }

  async tag(input: TagInquiryInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.classify);
      const { tags, added, removed: dropped } = retagged(inquiry.tags, input.add ?? [], input.remove ?? []);
      if (!added.length && !dropped.length) return inquiry;
      const now = this.clock.now();
      await manager.update(Inquiry, { id: inquiry.id }, { tags, updatedAt: now });
      const detail = [added.length ? `added ${added.join(', ')}` : '', dropped.length ? `removed ${dropped.join(', ')}` : ''].filter(Boolean).join('; ');
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.TAGS_CHANGED, `Tags ${detail}`, by.userId, now);
      return reloadInquiry(manager, inquiry.id);
    });
  }
}
