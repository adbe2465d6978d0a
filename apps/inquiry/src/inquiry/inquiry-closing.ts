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
import { InquiryHistoryKind, InquiryStatus, MessageDirection } from './inquiry.enums';
import type { CloseInquiryInput, ReopenInquiryInput } from './inquiry.inputs';

interface ClosingOutcome {
  satisfied: boolean | null;
  satisfactionScore: number | null;
  dissatisfactionReason: string | null;
  closedWithoutSatisfactionReason: string | null;
}

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
      const dissatisfactionReason = satisfaction && !satisfaction.satisfied ? (satisfaction.reason?.trim() ?? null) : null;
      const detail = satisfaction
        ? `Closed; customer ${satisfaction.satisfied ? 'satisfied' : 'not satisfied'} (${satisfaction.score}/5)${dissatisfactionReason ? `: ${dissatisfactionReason}` : ''}`
        : `Closed without asking the customer: ${closedWithoutSatisfactionReason?.trim()}`;
      const closing = {
        satisfied: satisfaction?.satisfied ?? null,
        satisfactionScore: satisfaction?.score ?? null,
        dissatisfactionReason,
        closedWithoutSatisfactionReason: closedWithoutSatisfactionReason?.trim() ?? null,
      };
      await this.closeLocked(manager, inquiry, closing, by.userId, this.clock.now(), detail);
      return reloadInquiry(manager, inquiry.id);
    });
  }

  /**
   * The complaint an inquiry was escalated to was closed (complaint.closed): the source inquiry
   * closes with it; the customer's satisfaction was asked on the complaint. Already closed: only
   * the complaint's progress is recorded (by the caller).
   */
  async closeWithComplaint(manager: EntityManager, inquiry: Inquiry, complaint: { registrationNumber: string; closedBy: string; closedAt: Date }): Promise<boolean> {
    if (inquiry.status !== InquiryStatus.ESCALATED) return false;
    const reason = `Complaint ${complaint.registrationNumber} was closed; satisfaction was asked on the complaint`;
    const closing = { satisfied: null, satisfactionScore: null, dissatisfactionReason: null, closedWithoutSatisfactionReason: reason };
    await this.closeLocked(manager, inquiry, closing, complaint.closedBy, complaint.closedAt, `Closed with its complaint ${complaint.registrationNumber}`);
    return true;
  }

  private async closeLocked(manager: EntityManager, inquiry: Inquiry, outcome: ClosingOutcome, closedBy: string, now: Date, detail: string): Promise<void> {
    await manager.update(Inquiry, { id: inquiry.id }, { status: STEPS.close.to, ...outcome, closedAt: now, closedBy, replyDueAt: null, nextDueAt: null, updatedAt: now });
    const closed = {
      inquiryId: inquiry.id,
      customerId: inquiry.customerId,
      channel: inquiry.channel,
      category: inquiry.category,
      closedBy,
      closedAt: now.toISOString(),
      ...outcome,
      handlingSeconds: Math.max(0, (now.getTime() - inquiry.receivedAt.getTime()) / 1000),
      ...(await solvedCaseText(manager, inquiry)),
    };
    await this.timeline.closed(manager, await this.outbox.publish(manager, inquiryClosed, closed), closed);
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.CLOSED, detail, closedBy, now);
    await this.assigner.assignWaiting(manager);
  }

  async reopen(input: ReopenInquiryInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.reopen);
      const now = this.clock.now();
      // The customer came back: on a written channel, they are owed a reply within the reply target.
      const replyDueAt = await this.policies.replyDue(manager, inquiry.channel, now, inquiry.customerId);
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
        atRiskAt: replyDueAt && this.policies.atRiskAt(now, replyDueAt),
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
