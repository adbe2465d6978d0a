import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, ensureNotInFuture, normalizePhone } from '@carebridge/domain';
import { inquiryCustomerWrote, inquiryReceived } from '@carebridge/event-contracts';
import { normalizedTags } from '@carebridge/help-desk';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { isLiveChannel } from '../channel/channel.enums';
import type { ResponsePolicies } from '../response-policy/response-policies';
import type { CustomerTimeline } from './customer-timeline';
import type { FirstResponse } from './first-response';
import type { InquiryAssigner } from './inquiry-assigner';
import { addMessage } from './inquiry-conversation';
import { recordHistory } from './inquiry-history';
import { ensureStepAllowed, STEPS } from './inquiry-lifecycle';
import { lockInquiry, reloadInquiry } from './inquiry-lock';
import { Inquiry } from './inquiry.entity';
import { InquiryHistoryKind, InquiryPriority, InquiryStatus, MessageDirection } from './inquiry.enums';
import type { AnswerInquiryCallInput, ReceiveInquiryInput, RecordCustomerMessageInput } from './inquiry.inputs';

/**
 * What reaches the department (T-1.1, A-3.1.1): an inquiry received on any channel with its
 * first-response deadline, a call answered, and the customer's further messages.
 */
export class InquiryIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly policies: ResponsePolicies,
    private readonly firstResponse: FirstResponse,
    private readonly assigner: InquiryAssigner,
    private readonly outbox: Outbox,
    private readonly timeline: CustomerTimeline,
    private readonly clock: Clock,
  ) {}

  /** `manager`: within a transaction already open (an event's, e.g. an e-mail that arrived). */
  async receive(input: ReceiveInquiryInput, by: Identity, manager?: EntityManager): Promise<Inquiry> {
    const now = this.clock.now();
    const live = isLiveChannel(input.channel);
    if (live && !input.call) throw BadUserInputError.field('input.call', 'required', `must be given for ${input.channel}: when the call started ringing`);
    if (!live && input.call) throw BadUserInputError.field('input.call', 'channel', 'must only be given for calls (PHONE)');
    if (live && input.receivedAt) throw BadUserInputError.field('input.receivedAt', 'channel', 'must not be given for a call: give input.call.ringStartedAt');
    if (!live && !input.message) throw BadUserInputError.field('input.message', 'required', `must be given for ${input.channel}: the customer's message`);
    const receivedAt = input.call?.ringStartedAt ?? input.receivedAt ?? now;
    ensureNotInFuture(receivedAt, now, live ? 'input.call.ringStartedAt' : 'input.receivedAt');
    const answeredAt = input.call?.answeredAt ?? null;
    if (answeredAt) {
      ensureNotInFuture(answeredAt, now, 'input.call.answeredAt');
      if (answeredAt < receivedAt) throw BadUserInputError.field('input.call.answeredAt', 'order', 'must not be before input.call.ringStartedAt');
    }
    const contact = {
      contactName: input.contact?.name?.trim() || null,
      contactEmail: input.contact?.email?.trim().toLowerCase() || null,
      contactPhone: normalizePhone(input.contact?.phone),
    };
    if (!input.customerId && !contact.contactName && !contact.contactEmail && !contact.contactPhone) {
      throw BadUserInputError.field('input.contact', 'required', "must give the customer's name or contact details when no input.customerId is known (A-3.1.2)");
    }

    return this.within(manager, async (manager) => {
      // A customer crm has just created may not have reached this service yet: received, and awaited (flagged if it never arrives).
      const awaited = input.customerId ? (await this.customers.standing(manager, input.customerId)).state === 'UNKNOWN' : false;
      if (input.customerId && !awaited && !(await this.customers.isCurrent(manager, input.customerId))) {
        throw BadUserInputError.field('input.customerId', 'known-customer', `no customer with id "${input.customerId}" is known`);
      }
      const callId = input.call?.callId?.trim() || null;
      const sameCall = callId ? await manager.findOneBy(Inquiry, { callId }) : null;
      if (sameCall) throw new ConflictError('This call was recorded already', { inquiryId: sameCall.id, callId });
      const firstResponseDueAt = await this.policies.firstResponseDue(manager, input.channel, receivedAt, input.customerId ?? null);
      const inquiry = await manager.save(
        manager.create(Inquiry, {
          status: InquiryStatus.NEW,
          channel: input.channel,
          category: input.category,
          subject: input.subject.trim(),
          priority: input.priority ?? InquiryPriority.NORMAL,
          tags: normalizedTags(input.tags ?? []),
          callId,
          customerId: input.customerId ?? null,
          ...contact,
          receivedAt,
          firstResponseDueAt,
          nextDueAt: firstResponseDueAt,
          atRiskAt: this.policies.atRiskAt(receivedAt, firstResponseDueAt),
          recordedBy: by.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (input.message) {
        await addMessage(manager, inquiry, { direction: MessageDirection.INBOUND, authorId: null, authorName: inquiry.contactName, body: input.message, sentAt: receivedAt });
      }
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.RECEIVED, `Received by ${input.channel}, first response due ${firstResponseDueAt.toISOString()}`, by.userId, now);
      if (awaited && input.customerId) await this.customers.awaiting(manager, input.customerId, { kind: 'inquiry', id: inquiry.id });
      const received = {
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        channel: inquiry.channel,
        category: inquiry.category,
        receivedAt: receivedAt.toISOString(),
        firstResponseDueAt: firstResponseDueAt.toISOString(),
        subject: inquiry.subject,
        message: input.message ?? null,
      };
      await this.timeline.received(manager, await this.outbox.publish(manager, inquiryReceived, received), received);
      // The agent who answers a call takes it; anything else goes round robin.
      if (answeredAt) await this.answered(manager, inquiry, answeredAt, by);
      else await this.assigner.assignNext(manager, inquiry, null);
      return reloadInquiry(manager, inquiry.id);
    });
  }

  /** A call was answered: its first response (A-3.1.1, counted in rings). */
  async answerCall(input: AnswerInquiryCallInput, by: Identity): Promise<Inquiry> {
    const now = this.clock.now();
    const answeredAt = input.answeredAt ?? now;
    ensureNotInFuture(answeredAt, now, 'input.answeredAt');
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      if (!isLiveChannel(inquiry.channel)) throw BadUserInputError.field('input.inquiryId', 'channel', `must be a call (PHONE); this inquiry came by ${inquiry.channel}`);
      ensureStepAllowed(inquiry, STEPS.answerCall);
      if (answeredAt < inquiry.receivedAt) throw BadUserInputError.field('input.answeredAt', 'order', 'must not be before the call started ringing');
      await this.answered(manager, inquiry, answeredAt, by);
      return reloadInquiry(manager, inquiry.id);
    });
  }

  /** A further message from the customer: on a written channel, a reply to it falls due. */
  async recordCustomerMessage(input: RecordCustomerMessageInput, manager?: EntityManager): Promise<Inquiry> {
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    ensureNotInFuture(receivedAt, now, 'input.receivedAt');
    return this.within(manager, async (manager) => {
      const inquiry = await lockInquiry(manager, input.inquiryId);
      ensureStepAllowed(inquiry, STEPS.recordCustomerMessage);
      if (receivedAt < inquiry.receivedAt) throw BadUserInputError.field('input.receivedAt', 'order', 'must not be before the inquiry was received');
      await addMessage(manager, inquiry, { direction: MessageDirection.INBOUND, authorId: null, authorName: inquiry.contactName, body: input.body, sentAt: receivedAt });
      await this.outbox.publish(manager, inquiryCustomerWrote, { inquiryId: inquiry.id, category: inquiry.category, body: input.body, receivedAt: receivedAt.toISOString(), customerId: inquiry.customerId });
      // While the first response is owed, its target keeps running; afterwards a reply target starts.
      if (inquiry.status !== InquiryStatus.NEW) {
        // The reply target runs from the customer's message: time spent waiting on them never counts.
        const replyDueAt = inquiry.replyDueAt ?? (await this.policies.replyDue(manager, inquiry.channel, receivedAt, inquiry.customerId));
        const atRiskAt = inquiry.replyDueAt ? inquiry.atRiskAt : replyDueAt && this.policies.atRiskAt(receivedAt, replyDueAt);
        await manager.update(Inquiry, { id: inquiry.id }, { status: STEPS.recordCustomerMessage.to, replyDueAt, nextDueAt: replyDueAt, atRiskAt, updatedAt: now });
      }
      return reloadInquiry(manager, inquiry.id);
    });
  }

  /** A call was answered at `at` by `by`: its first response, and the agent who answered takes it. */
  async answered(manager: EntityManager, inquiry: Inquiry, at: Date, by: Identity): Promise<void> {
    await this.firstResponse.record(manager, inquiry, at, by);
    await this.assigner.assignAnswering(manager, inquiry, by);
  }

  private within<T>(manager: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}
