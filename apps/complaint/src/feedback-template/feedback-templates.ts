import type { Identity } from '@carebridge/auth';
import { BadUserInputError, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { Complaint } from '../complaint/complaint.entity';
import { type FeedbackDraft, FeedbackTemplate } from './feedback-template.entity';
import type { SetComplaintFeedbackTemplateInput } from './feedback-template.inputs';

/** What a template may say about the complaint: classifications and references, never the customer's words. */
const PLACEHOLDERS: Record<string, (complaint: Complaint) => string | null> = {
  registrationNumber: (c) => c.registrationNumber,
  category: (c) => c.category,
  flightNumber: (c) => c.flightNumber,
  bookingReference: (c) => c.bookingReference,
  location: (c) => c.location,
  feedbackDueAt: (c) => c.feedbackDueAt.toISOString(),
  assigneeName: (c) => c.assigneeName,
  department: (c) => c.department,
};
const PLACEHOLDER = /\{(\w+)\}/g;

/** Feedback templates (A-3.2.4): kept by supervisors, filled per complaint for the specialist to send. */
export class FeedbackTemplates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly findComplaint: (id: string) => Promise<Complaint | null>,
  ) {}

  list(category?: string | null): Promise<FeedbackTemplate[]> {
    const query = this.dataSource.getRepository(FeedbackTemplate).createQueryBuilder('template').orderBy('template.name', 'ASC');
    if (category) query.where('(template.category = :category OR template.category IS NULL)', { category });
    return query.getMany();
  }

  async set(input: SetComplaintFeedbackTemplateInput, actor: Identity): Promise<FeedbackTemplate> {
    for (const field of ['actionsTaken', 'nextSteps'] as const) {
      const unknown = [...input[field].matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !(name in PLACEHOLDERS));
      if (unknown.length) throw BadUserInputError.field(`input.${field}`, 'placeholder', `knows no placeholder ${unknown.map((n) => `{${n}}`).join(', ')}; use ${Object.keys(PLACEHOLDERS).map((n) => `{${n}}`).join(', ')}`);
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(FeedbackTemplate)
      .values({ name: input.name.trim(), category: input.category ?? null, actionsTaken: input.actionsTaken.trim(), nextSteps: input.nextSteps.trim(), updatedBy: actor.userId, updatedAt: this.clock.now() })
      .orUpdate(['category', 'actions_taken', 'next_steps', 'updated_by', 'updated_at'], ['name'])
      .execute();
    return this.dataSource.getRepository(FeedbackTemplate).findOneByOrFail({ name: input.name.trim() });
  }

  /** The template with the complaint's values put in; a placeholder without a value stays as written and is listed. */
  async draft(complaintId: string, templateId: string): Promise<FeedbackDraft> {
    const [complaint, template] = await Promise.all([this.findComplaint(complaintId), this.dataSource.getRepository(FeedbackTemplate).findOneBy({ id: templateId })]);
    if (!complaint) throw new NotFoundError('Complaint', complaintId);
    if (!template) throw new NotFoundError('ComplaintFeedbackTemplate', templateId);
    const unfilled = new Set<string>();
    const fill = (text: string) =>
      text.replace(PLACEHOLDER, (written, name: string) => {
        const value = PLACEHOLDERS[name]?.(complaint);
        if (value) return value;
        unfilled.add(name);
        return written;
      });
    return { actionsTaken: fill(template.actionsTaken), nextSteps: fill(template.nextSteps), unfilled: [...unfilled] };
  }
}
