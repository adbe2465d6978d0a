import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import type { DeadlineMonitor } from '@carebridge/business-calendar';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import { inquiryReplied } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { isLiveChannel } from '../channel/channel.enums';
import { ArticleCitations } from '../knowledge-citation/article-citations';
import type { ResponsePolicies } from '../response-policy/response-policies';
import type { SavedReplies } from '../saved-reply/saved-replies';
import type { KeyAccountTermsBook } from '@carebridge/known-customers';
import { fillPlaceholders } from '../saved-reply/saved-reply-placeholders';
import type { FirstResponse } from './first-response';
import type { InquiryAssigner } from './inquiry-assigner';
import { addMessage } from './inquiry-conversation';
import { recordHistory } from './inquiry-history';
import { ensureStepAllowed, STEPS } from './inquiry-lifecycle';
import { lockInquiry, reloadInquiry } from './inquiry-lock';
import type { InquiryOrderChanges } from './inquiry-order-changes';
import { Inquiry } from './inquiry.entity';
import { InquiryHistoryKind, InquiryStatus, MessageDirection } from './inquiry.enums';
import type { AddInquiryNoteInput, AssignInquiryInput, LinkInquiryCustomerInput, ReplyToInquiryInput } from './inquiry.inputs';
import { overdueInquiry, REPLY_DEADLINE } from './response-deadlines';

/**
 * An agent's work on an inquiry being handled: replies to the customer (A-3.1.4; written out or
 * from a saved reply, citing articles and attaching travel material), internal notes, linking the
 * customer crm knows, and handing the inquiry to an agent.
 */
export class InquiryHandling {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly savedReplies: SavedReplies,
    private readonly orderChanges: InquiryOrderChanges,
    private readonly firstResponse: FirstResponse,
    private readonly deadlines: DeadlineMonitor,
    private readonly assigner: InquiryAssigner,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly policies: ResponsePolicies,
    private readonly serviceTerms: KeyAccountTermsBook,
  ) {}

  /** A reply to the customer, possibly from a saved reply, citing articles and attaching travel material. */
  async reply(input: ReplyToInquiryInput, by: Identity): Promise<Inquiry> {
    if (!input.body && !input.savedReplyId) throw BadUserInputError.field('input.body', 'required', 'must be given, or a saved reply chosen with input.savedReplyId');
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.reply);
      let body = input.body ?? null;
      if (input.savedReplyId) {
        const saved = await this.savedReplies.usable(manager, input.savedReplyId);
        const terms = await this.serviceTerms.applying(manager, inquiry.customerId, inquiry.receivedAt);
        body ??= fillPlaceholders(saved.body, {
          customerName: input.placeholders?.customerName ?? inquiry.contactName,
          bookingReference: input.placeholders?.bookingReference ?? (await this.orderChanges.latestBookingReference(manager, inquiry.id)),
          agentName: by.name ?? by.userId,
          complaintNumber: input.placeholders?.complaintNumber ?? inquiry.complaintRegistrationNumber,
          dedicatedContact: input.placeholders?.dedicatedContact ?? (terms ? (terms.dedicatedContactName ?? terms.dedicatedContactId) : null),
          responseTime: input.placeholders?.responseTime ?? (terms?.responseTargetMinutes ? inWords(terms.responseTargetMinutes) : null),
        });
      }
      const cited = await ArticleCitations.check(manager, [...new Set(input.citedArticleIds ?? [])]);
      const messageId = randomUUID();
      await addMessage(manager, inquiry, {
        id: messageId,
        direction: MessageDirection.OUTBOUND,
        authorId: by.userId,
        authorName: by.name ?? null,
        body: body as string,
        sentAt: now,
        citedArticleIds: cited.map((citation) => citation.articleId),
        citedArticleVersions: cited,
        attachments: (input.attachments ?? []).map((a) => ({ kind: a.kind, reference: a.reference.trim(), title: a.title.trim() })),
        savedReplyId: input.savedReplyId ?? null,
      });
      // A written reply is sent to the customer by the communication service; a call's notes stay here.
      if (!isLiveChannel(inquiry.channel)) {
        await this.outbox.publish(manager, inquiryReplied, {
          inquiryId: inquiry.id,
          messageId,
          customerId: inquiry.customerId,
          channel: inquiry.channel,
          subject: inquiry.subject,
          body: body as string,
          contactEmail: inquiry.contactEmail,
          contactName: inquiry.contactName,
          repliedAt: now.toISOString(),
        });
      }
      if (inquiry.status === InquiryStatus.NEW) {
        await this.firstResponse.record(manager, inquiry, now, by);
      } else {
        if (inquiry.replyDueAt && now > inquiry.replyDueAt) await this.deadlines.record(manager, REPLY_DEADLINE, overdueInquiry(inquiry, inquiry.replyDueAt), now);
        await manager.update(Inquiry, { id: inquiry.id }, { status: STEPS.reply.to, replyDueAt: null, nextDueAt: null, updatedAt: now });
      }
      return reloadInquiry(manager, inquiry.id);
    });
  }

  async addNote(input: AddInquiryNoteInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.addNote);
      await addMessage(manager, inquiry, { direction: MessageDirection.NOTE, authorId: by.userId, authorName: by.name ?? null, body: input.body, sentAt: this.clock.now() });
      return reloadInquiry(manager, inquiry.id);
    });
  }

  /** Links the inquiry to a customer crm knows, e.g. after the agent found the caller's profile. */
  async linkCustomer(input: LinkInquiryCustomerInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      if (!(await this.customers.isCurrent(manager, input.customerId))) {
        throw BadUserInputError.field('input.customerId', 'known-customer', `no customer with id "${input.customerId}" is known`);
      }
      ensureStepAllowed(inquiry, STEPS.linkCustomer);
      if (inquiry.escalatedAt && inquiry.customerId !== input.customerId) {
        throw new ConflictError('The inquiry was escalated to a complaint for its customer; its customer cannot change', { currentStatus: inquiry.status });
      }
      if (inquiry.customerId === input.customerId) return inquiry;
      const now = this.clock.now();
      await manager.update(Inquiry, { id: inquiry.id }, { customerId: input.customerId, updatedAt: now, ...(await this.agreedDeadlines(manager, inquiry, input.customerId)) });
      await this.orderChanges.linkCustomer(manager, inquiry.id, input.customerId);
      const detail = inquiry.customerId ? `Customer changed from ${inquiry.customerId} to ${input.customerId}` : `Linked to customer ${input.customerId}`;
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.CUSTOMER_LINKED, detail, by.userId, now);
      return reloadInquiry(manager, inquiry.id);
    });
  }

  /** A key-account member's agreed response time shortens the deadlines still running when they are linked. */
  private async agreedDeadlines(manager: EntityManager, inquiry: Inquiry, customerId: string): Promise<Partial<Inquiry>> {
    if (inquiry.status === InquiryStatus.NEW) {
      const due = await this.policies.firstResponseDue(manager, inquiry.channel, inquiry.receivedAt, customerId);
      return due < inquiry.firstResponseDueAt ? { firstResponseDueAt: due, nextDueAt: due, atRiskAt: this.policies.atRiskAt(inquiry.receivedAt, due) } : {};
    }
    if (inquiry.status === InquiryStatus.OPEN && inquiry.replyDueAt) {
      const since = await this.unansweredSince(manager, inquiry);
      const due = since ? await this.policies.replyDue(manager, inquiry.channel, since, customerId) : null;
      return since && due && due < inquiry.replyDueAt ? { replyDueAt: due, nextDueAt: due, atRiskAt: this.policies.atRiskAt(since, due) } : {};
    }
    return {};
  }

  /** When the customer's oldest message without an answer after it arrived. */
  private async unansweredSince(manager: EntityManager, inquiry: Inquiry): Promise<Date | null> {
    const [row] = await manager.query(
      `SELECT min(sent_at) AS since FROM inquiry_message m WHERE m.inquiry_id = $1 AND m.direction = 'INBOUND'
         AND NOT EXISTS (SELECT 1 FROM inquiry_message r WHERE r.inquiry_id = m.inquiry_id AND r.direction = 'OUTBOUND' AND r.sent_at >= m.sent_at)`,
      [inquiry.id],
    );
    return row?.since ? new Date(row.since) : null;
  }

  /** Hands the inquiry to a named agent, or round robin to the next one with room. */
  async assign(input: AssignInquiryInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.assign);
      if (input.agentId) {
        await this.assigner.assignTo(manager, inquiry, input.agentId, by.userId);
      } else if (!(await this.assigner.assignNext(manager, inquiry, by.userId))) {
        throw new ConflictError('No other agent is available with room for another inquiry', { assigneeId: inquiry.assigneeId });
      }
      return reloadInquiry(manager, inquiry.id);
    });
  }
}

/** A response time as a customer reads it: "2 hours", "90 minutes". */
function inWords(minutes: number): string {
  if (minutes % 60) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
