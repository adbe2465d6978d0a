import type { Identity } from '@carebridge/auth';
import { type CustomFieldDefinition, CustomFieldKind, CustomFields } from '@carebridge/help-desk';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { STEPS } from '../complaint/complaint-lifecycle';
import type { ComplaintSteps } from '../complaint/complaint-steps';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintCategory } from '../complaint/complaint.enums';
import { ComplaintAction, type Changes } from '../history/complaint-history.enums';
import type { SetComplaintCustomFieldsInput } from './complaint-custom-field.inputs';

/**
 * The custom fields of complaints: defined by admins per complaint category, set on a complaint
 * while its details may still change, each change on the timeline. A TEXT value may hold what the
 * customer said, so the timeline names such a field without its value, as it does for other
 * personal details.
 */
export class ComplaintCustomFields {
  readonly fields: CustomFields;

  constructor(
    dataSource: DataSource,
    clock: Clock,
    private readonly steps: ComplaintSteps,
  ) {
    this.fields = new CustomFields(dataSource, clock, Object.values(ComplaintCategory));
  }

  definitions(category?: ComplaintCategory | null): Promise<CustomFieldDefinition[]> {
    return this.fields.definitions(category);
  }

  set(input: SetComplaintCustomFieldsInput, actor: Identity): Promise<Complaint> {
    return this.steps.take(input, STEPS.updateDetails, actor, async (complaint) => {
      const before = complaint.customFields ?? {};
      const after = await this.fields.withValues(before, complaint.category, input.values);
      const kinds = new Map((await this.fields.definitions(complaint.category)).map((definition) => [definition.key, definition.kind]));
      const changes: Changes = {};
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (before[key] === after[key]) continue;
        changes[`customFields.${key}`] = kinds.get(key) === CustomFieldKind.TEXT ? {} : { from: before[key] ?? null, to: after[key] ?? null };
      }
      if (!Object.keys(changes).length) return null;
      complaint.customFields = after;
      return { action: ComplaintAction.DETAILS_UPDATED, changes };
    });
  }
}
