import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, ensureNotInFuture } from '@carebridge/domain';
import { inquiryEscalated } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { CustomerTimeline } from './customer-timeline';
import type { InquiryAssigner } from './inquiry-assigner';
import { recordHistory } from './inquiry-history';
import { ensureStepAllowed, STEPS } from './inquiry-lifecycle';
import { lockInquiry, reloadInquiry } from './inquiry-lock';
import { Inquiry, InquiryMessage } from './inquiry.entity';
import { ComplaintProgress, InquiryHistoryKind, MessageDirection } from './inquiry.enums';
import type { EscalateInquiryToComplaintInput } from './inquiry.inputs';

/**
 * Hands a case to the complaint procedure by `inquiry.escalated`, with its whole conversation, so
 * nobody types it again. The complaint's id is assigned here and travels in the event: the
 * complaint service registers the complaint under it, so the agent has the complaint at once
 * (`Inquiry.complaint`, `Inquiry.escalation.status` REQUESTED) and `complaint.registered`
 * (on-complaint-registered.ts) moves it to REGISTERED with its registration number.
 */
export class InquiryEscalation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly assigner: InquiryAssigner,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
    private readonly clock: Clock,
  ) {}

  async escalate(input: EscalateInquiryToComplaintInput, by: Identity): Promise<Inquiry> {
    const now = this.clock.now();
    if (input.occurredAt) ensureNotInFuture(input.occurredAt, now, 'input.occurredAt');
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      // Escalated once, even after the escalated inquiry was closed.
      if (inquiry.escalatedAt) {
        throw new ConflictError('The inquiry was escalated to a complaint already', { escalatedAt: inquiry.escalatedAt.toISOString(), complaintId: inquiry.complaintId });
      }
      ensureStepAllowed(inquiry, STEPS.escalate);
      if (!inquiry.customerId) {
        throw BadUserInputError.field('input.inquiryId', 'known-customer', 'must be an inquiry linked to a customer: link the customer first (linkInquiryCustomer)');
      }
      if (!(await this.customers.isCurrent(manager, inquiry.customerId))) {
        throw BadUserInputError.field('input.inquiryId', 'known-customer', `must be an inquiry of a known customer; customer "${inquiry.customerId}" is not known (erased or merged)`);
      }
      const conversation = await manager.find(InquiryMessage, { where: { inquiryId: inquiry.id }, order: { sentAt: 'ASC', sequence: 'ASC' } });
      const description = input.description?.trim() || conversation.find((m) => m.direction === MessageDirection.INBOUND)?.body || inquiry.subject;
      const complaintId = randomUUID();
      const escalated = {
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        escalatedBy: by.userId,
        escalatedAt: now.toISOString(),
        channel: inquiry.channel,
        category: input.category,
        urgency: input.urgency,
        description,
        occurredAt: input.occurredAt?.toISOString() ?? null,
        complaintId,
        flightNumber: input.flightNumber ? input.flightNumber.replace(/\s+/g, '').toUpperCase() : null,
        location: input.location?.trim() || null,
        bookingReference: input.bookingReference?.trim().toUpperCase() || null,
        conversation: conversation.map((m) => ({ direction: m.direction, authorId: m.authorId, at: m.sentAt.toISOString(), body: m.body })),
      };
      await this.timeline.escalated(manager, await this.outbox.publish(manager, inquiryEscalated, escalated), escalated);
      await manager.update(Inquiry, { id: inquiry.id }, {
        status: STEPS.escalate.to,
        escalatedAt: now,
        escalatedBy: by.userId,
        complaintId,
        complaintProgress: ComplaintProgress.REQUESTED,
        complaintProgressAt: now,
        replyDueAt: null,
        nextDueAt: null,
        updatedAt: now,
      });
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.ESCALATED, `Escalated to a complaint (${input.category}, ${input.urgency})`, by.userId, now);
      await this.assigner.assignWaiting(manager);
      return reloadInquiry(manager, inquiry.id);
    });
  }
}
