import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { inquiryClosed, inquiryReopened } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { ResponsePolicies } from '../response-policy/response-policies';
import type { CustomerTimeline } from './customer-timeline';
import type { InquiryAssigner } from './inquiry-assigner';
import { recordHistory } from './inquiry-history';
import { ensureStepAllowed, STEPS } from './inquiry-lifecycle';
import { lockInquiry, reloadInquiry } from './inquiry-lock';
import { Inquiry, InquiryMessage } from './inquiry.entity';
import { InquiryHistoryKind, MessageDirection } from './inquiry.enums';
import type { CloseInquiryInput, ReopenInquiryInput } from './inquiry.inputs';

/** Closing with the customer's satisfaction, or the reason it could not be asked (A-3.1.5), and reopening. */
export class InquiryClosing {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: ResponsePolicies,
    private readonly assigner: InquiryAssigner,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
    private readonly clock: Clock,
  ) {}

  async close(input: CloseInquiryInput, by: Identity): Promise<Inquiry> {
    const { satisfaction, closedWithoutSatisfactionReason } = input;
    if (!satisfaction && !closedWithoutSatisfactionReason) {
      throw BadUserInputError.field('input.satisfaction', 'required', "must be recorded before closing (A-3.1.5), or give input.closedWithoutSatisfactionReason");
    }
    if (satisfaction && closedWithoutSatisfactionReason) {
      throw BadUserInputError.field('input.closedWithoutSatisfactionReason', 'exclusive', 'must not be given when the satisfaction is recorded');
    }
    if (satisfaction && !satisfaction.satisfied && !satisfaction.reason?.trim()) {
      throw BadUserInputError.field('input.satisfaction.reason', 'required', 'must say why the customer is not satisfied (A-3.1.5)');
    }
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.close);
      const now = this.clock.now();
      const closing = {
        status: STEPS.close.to,
        satisfied: satisfaction?.satisfied ?? null,
        satisfactionScore: satisfaction?.score ?? null,
        dissatisfactionReason: satisfaction && !satisfaction.satisfied ? (satisfaction.reason?.trim() ?? null) : null,
        closedWithoutSatisfactionReason: closedWithoutSatisfactionReason?.trim() ?? null,
        closedAt: now,
        closedBy: by.userId,
        replyDueAt: null,
        nextDueAt: null,
        updatedAt: now,
      };
      await manager.update(Inquiry, { id: inquiry.id }, closing);
      const closed = {
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        channel: inquiry.channel,
        category: inquiry.category,
        closedBy: by.userId,
        closedAt: now.toISOString(),
        satisfied: closing.satisfied,
        satisfactionScore: closing.satisfactionScore,
        dissatisfactionReason: closing.dissatisfactionReason,
        closedWithoutSatisfactionReason: closing.closedWithoutSatisfactionReason,
        handlingSeconds: Math.max(0, (now.getTime() - inquiry.receivedAt.getTime()) / 1000),
        ...(await solvedCaseText(manager, inquiry)),
      };
      await this.timeline.closed(manager, await this.outbox.publish(manager, inquiryClosed, closed), closed);
      const detail = satisfaction
        ? `Closed; customer ${satisfaction.satisfied ? 'satisfied' : 'not satisfied'} (${satisfaction.score}/5)${closing.dissatisfactionReason ? `: ${closing.dissatisfactionReason}` : ''}`
        : `Closed without asking the customer: ${closing.closedWithoutSatisfactionReason}`;
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.CLOSED, detail, by.userId, now);
      await this.assigner.assignWaiting(manager);
      return reloadInquiry(manager, inquiry.id);
    });
  }

  async reopen(input: ReopenInquiryInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.reopen);
      const now = this.clock.now();
      // The customer came back: on a written channel, they are owed a reply within the reply target.
      const replyDueAt = await this.policies.replyDue(manager, inquiry.channel, now);
      await manager.update(Inquiry, { id: inquiry.id }, {
        status: STEPS.reopen.to,
        satisfied: null,
        satisfactionScore: null,
        dissatisfactionReason: null,
        closedWithoutSatisfactionReason: null,
        closedAt: null,
        closedBy: null,
        replyDueAt,
        nextDueAt: replyDueAt,
        updatedAt: now,
      });
      await this.outbox.publish(manager, inquiryReopened, {
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        reopenedBy: by.userId,
        reopenedAt: now.toISOString(),
        reason: input.reason.trim(),
      });
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.REOPENED, `Reopened: ${input.reason.trim()}`, by.userId, now);
      return reloadInquiry(manager, inquiry.id);
    });
  }
}

/** What training drafts a knowledge-base article from: the subject and the exchange with the customer, without internal notes. */
async function solvedCaseText(manager: EntityManager, inquiry: Inquiry) {
  const messages = await manager.find(InquiryMessage, {
    where: { inquiryId: inquiry.id, direction: In([MessageDirection.INBOUND, MessageDirection.OUTBOUND]) },
    order: { sentAt: 'ASC', sequence: 'ASC' },
  });
  return {
    subject: inquiry.subject,
    conversation: messages.map((message) => ({ direction: message.direction as 'INBOUND' | 'OUTBOUND', body: message.body })),
    contactName: inquiry.contactName,
  };
}
