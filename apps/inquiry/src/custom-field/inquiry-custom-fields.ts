import type { Identity } from '@carebridge/auth';
import { type CustomFieldDefinition, CustomFields } from '@carebridge/help-desk';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { recordHistory } from '../inquiry/inquiry-history';
import { ensureStepAllowed, STEPS } from '../inquiry/inquiry-lifecycle';
import { lockInquiry, reloadInquiry } from '../inquiry/inquiry-lock';
import { Inquiry } from '../inquiry/inquiry.entity';
import { InquiryCategory, InquiryHistoryKind } from '../inquiry/inquiry.enums';
import type { SetInquiryCustomFieldsInput } from './inquiry-custom-field.inputs';

/**
 * The custom fields of inquiries: defined by admins per inquiry category, set while the inquiry
 * can be classified, each change in the history by field name (values may be what the customer said).
 */
export class InquiryCustomFields {
  readonly fields: CustomFields;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.fields = new CustomFields(dataSource, clock, Object.values(InquiryCategory));
  }

  definitions(category?: InquiryCategory | null): Promise<CustomFieldDefinition[]> {
    return this.fields.definitions(category);
  }

  set(input: SetInquiryCustomFieldsInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.classify);
      const before = inquiry.customFields ?? {};
      const after = await this.fields.withValues(before, inquiry.category, input.values);
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
      if (!changed.length) return inquiry;
      const now = this.clock.now();
      await manager.update(Inquiry, { id: inquiry.id }, { customFields: after, updatedAt: now });
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.CUSTOM_FIELDS_CHANGED, `Custom fields changed: ${changed.join(', ')}`, by.userId, now);
      return reloadInquiry(manager, inquiry.id);
    });
  }
}
