import type { Identity } from '@carebridge/auth';
import {
  complaintRegistered,
  inquiryClosed,
  inquiryEscalated,
  inquiryFirstResponded,
  inquiryReceived,
  inquiryReopened,
} from '@carebridge/event-contracts';
import type { Outbox, ReceivedEvent } from '@carebridge/messaging';
import { BadUserInputError, type Clock, ConflictError, type Connection, NotFoundError, type PageArgs, paginate } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { AssignmentService } from '../assignment/assignment.service';
import type { KnownCustomers } from '@carebridge/known-customers';
import { OrderChange } from '../order-change/order-change.entity';
import type { DeadlineMonitor } from '../response-target/deadline-monitor';
import { ResponseTarget } from '../response-target/response-policy.entity';
import type { ResponsePolicyService } from '../response-target/response-policy.service';
import { fillPlaceholders, type SavedReplyService } from '../saved-reply/saved-reply.service';
import { recordHistory } from './inquiry-history';
import { Inquiry, InquiryHistoryEntry, InquiryHistoryKind, InquiryMessage, InquiryStatus, isLiveChannel, MessageDirection } from './inquiry.entity';
import type {
  AddInquiryNoteInput,
  AnswerInquiryCallInput,
  AssignInquiryInput,
  CloseInquiryInput,
  EscalateInquiryToComplaintInput,
  InquiriesArgs,
  InquiryQueueArgs,
  LinkInquiryCustomerInput,
  MergeInquiriesInput,
  ReceiveInquiryInput,
  RecordCustomerMessageInput,
  ReopenInquiryInput,
  ReplyToInquiryInput,
} from './inquiry.inputs';

/** What an erased customer's words and names are replaced with. */
const ERASED = '(erased)';

/** Times from other systems (a telephone switch, a mail server) may run slightly ahead of ours. */
const CLOCK_TOLERANCE_MS = 60_000;
const HANDLING = [InquiryStatus.NEW, InquiryStatus.OPEN, InquiryStatus.WAITING_ON_CUSTOMER];

/**
 * Inquiries (T-1.1, A-3.1): intake on every channel, the conversation, first-response and reply
 * deadlines, merging, satisfaction at closing, reopening, and escalation to a complaint.
 */
export class InquiryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: KnownCustomers,
    private readonly policies: ResponsePolicyService,
    private readonly assignment: AssignmentService,
    private readonly savedReplies: SavedReplyService,
    private readonly deadlines: DeadlineMonitor,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async receive(input: ReceiveInquiryInput, by: Identity): Promise<Inquiry> {
    const now = this.clock.now();
    const live = isLiveChannel(input.channel);
    if (live && !input.call) throw BadUserInputError.field('input.call', 'required', `must be given for ${input.channel}: when the call started ringing`);
    if (!live && input.call) throw BadUserInputError.field('input.call', 'channel', 'must only be given for calls (PHONE)');
    if (live && input.receivedAt) throw BadUserInputError.field('input.receivedAt', 'channel', 'must not be given for a call: give input.call.ringStartedAt');
    if (!live && !input.message) throw BadUserInputError.field('input.message', 'required', `must be given for ${input.channel}: the customer's message`);
    const receivedAt = input.call?.ringStartedAt ?? input.receivedAt ?? now;
    notInFuture(receivedAt, now, live ? 'input.call.ringStartedAt' : 'input.receivedAt');
    const answeredAt = input.call?.answeredAt ?? null;
    if (answeredAt) {
      notInFuture(answeredAt, now, 'input.call.answeredAt');
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

    return this.dataSource.transaction(async (manager) => {
      if (input.customerId && !(await this.customers.isCurrent(manager, input.customerId))) {
        throw BadUserInputError.field('input.customerId', 'known-customer', `no customer with id "${input.customerId}" is known`);
      }
      const policy = await this.policies.policyFor(manager, input.channel);
      const firstResponseDueAt = this.policies.firstResponseDue(policy, receivedAt);
      const inquiry = await manager.save(
        manager.create(Inquiry, {
          status: InquiryStatus.NEW,
          channel: input.channel,
          category: input.category,
          subject: input.subject.trim(),
          customerId: input.customerId ?? null,
          ...contact,
          receivedAt,
          firstResponseDueAt,
          nextDueAt: firstResponseDueAt,
          recordedBy: by.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (input.message) {
        await this.addMessage(manager, inquiry, { direction: MessageDirection.INBOUND, authorId: null, authorName: inquiry.contactName, body: input.message, sentAt: receivedAt });
      }
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.RECEIVED, `Received by ${input.channel}, first response due ${firstResponseDueAt.toISOString()}`, by.userId, now);
      await this.outbox.publish(manager, inquiryReceived, {
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        channel: inquiry.channel,
        category: inquiry.category,
        receivedAt: receivedAt.toISOString(),
        firstResponseDueAt: firstResponseDueAt.toISOString(),
      });
      if (answeredAt) await this.respondFirst(manager, inquiry, answeredAt, by);
      await this.assignment.assignRoundRobin(manager, inquiry, null);
      return this.reload(manager, inquiry.id);
    });
  }

  /** A call was answered: its first response (A-3.1.1, counted in rings). */
  async answerCall(input: AnswerInquiryCallInput, by: Identity): Promise<Inquiry> {
    const now = this.clock.now();
    const answeredAt = input.answeredAt ?? now;
    notInFuture(answeredAt, now, 'input.answeredAt');
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lock(manager, input.inquiryId);
      if (!isLiveChannel(inquiry.channel)) throw BadUserInputError.field('input.inquiryId', 'channel', `must be a call (PHONE); this inquiry came by ${inquiry.channel}`);
      if (inquiry.status !== InquiryStatus.NEW) throw new ConflictError('The call was answered already', { currentStatus: inquiry.status, allowedNext: [] });
      if (answeredAt < inquiry.receivedAt) throw BadUserInputError.field('input.answeredAt', 'order', 'must not be before the call started ringing');
      await this.respondFirst(manager, inquiry, answeredAt, by);
      return this.reload(manager, inquiry.id);
    });
  }

  /** A further message from the customer: on a written channel, a reply to it falls due. */
  async recordCustomerMessage(input: RecordCustomerMessageInput): Promise<Inquiry> {
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    notInFuture(receivedAt, now, 'input.receivedAt');
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lockHandled(manager, input.inquiryId);
      if (receivedAt < inquiry.receivedAt) throw BadUserInputError.field('input.receivedAt', 'order', 'must not be before the inquiry was received');
      await this.addMessage(manager, inquiry, { direction: MessageDirection.INBOUND, authorId: null, authorName: inquiry.contactName, body: input.body, sentAt: receivedAt });
      if (inquiry.status !== InquiryStatus.NEW) {
        // The reply target runs from the customer's message: time spent waiting on them never counts.
        const policy = await this.policies.policyFor(manager, inquiry.channel);
        const replyDueAt = inquiry.replyDueAt ?? this.policies.replyDue(policy, receivedAt);
        await manager.update(Inquiry, { id: inquiry.id }, { status: InquiryStatus.OPEN, replyDueAt, nextDueAt: replyDueAt, updatedAt: now });
      }
      return this.reload(manager, inquiry.id);
    });
  }

  /** A reply to the customer (A-3.1.4), possibly from a saved reply, citing articles and attaching travel material. */
  async reply(input: ReplyToInquiryInput, by: Identity): Promise<Inquiry> {
    if (!input.body && !input.savedReplyId) throw BadUserInputError.field('input.body', 'required', 'must be given, or a saved reply chosen with input.savedReplyId');
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lockHandled(manager, input.inquiryId);
      let body = input.body ?? null;
      if (input.savedReplyId) {
        const saved = await this.savedReplies.usable(manager, input.savedReplyId);
        body ??= fillPlaceholders(saved.body, {
          customerName: input.placeholders?.customerName ?? inquiry.contactName,
          bookingReference: input.placeholders?.bookingReference ?? (await this.latestBookingReference(manager, inquiry.id)),
          agentName: by.name ?? by.userId,
        });
      }
      await this.addMessage(manager, inquiry, {
        direction: MessageDirection.OUTBOUND,
        authorId: by.userId,
        authorName: by.name ?? null,
        body: body as string,
        sentAt: now,
        citedArticleIds: [...new Set(input.citedArticleIds ?? [])],
        attachments: (input.attachments ?? []).map((a) => ({ kind: a.kind, reference: a.reference.trim(), title: a.title.trim() })),
        savedReplyId: input.savedReplyId ?? null,
      });
      if (inquiry.status === InquiryStatus.NEW) {
        await this.respondFirst(manager, inquiry, now, by);
      } else {
        if (inquiry.replyDueAt && now > inquiry.replyDueAt) await this.deadlines.recordBreach(manager, inquiry, ResponseTarget.REPLY, inquiry.replyDueAt, now);
        await manager.update(Inquiry, { id: inquiry.id }, { status: InquiryStatus.WAITING_ON_CUSTOMER, replyDueAt: null, nextDueAt: null, updatedAt: now });
      }
      return this.reload(manager, inquiry.id);
    });
  }

  async addNote(input: AddInquiryNoteInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lock(manager, input.inquiryId);
      if (inquiry.status === InquiryStatus.MERGED) throw mergedConflict(inquiry);
      await this.addMessage(manager, inquiry, { direction: MessageDirection.NOTE, authorId: by.userId, authorName: by.name ?? null, body: input.body, sentAt: this.clock.now() });
      return this.reload(manager, inquiry.id);
    });
  }

  /** Links the inquiry to a customer crm knows, e.g. after the agent found the caller's profile. */
  async linkCustomer(input: LinkInquiryCustomerInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lock(manager, input.inquiryId);
      if (!(await this.customers.isCurrent(manager, input.customerId))) {
        throw BadUserInputError.field('input.customerId', 'known-customer', `no customer with id "${input.customerId}" is known`);
      }
      if (inquiry.status === InquiryStatus.MERGED) throw mergedConflict(inquiry);
      if (inquiry.escalatedAt && inquiry.customerId !== input.customerId) {
        throw new ConflictError('The inquiry was escalated to a complaint for its customer; its customer cannot change', { currentStatus: inquiry.status });
      }
      if (inquiry.customerId === input.customerId) return inquiry;
      const now = this.clock.now();
      await manager.update(Inquiry, { id: inquiry.id }, { customerId: input.customerId, updatedAt: now });
      await manager.update(OrderChange, { inquiryId: inquiry.id }, { customerId: input.customerId });
      const detail = inquiry.customerId ? `Customer changed from ${inquiry.customerId} to ${input.customerId}` : `Linked to customer ${input.customerId}`;
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.CUSTOMER_LINKED, detail, by.userId, now);
      return this.reload(manager, inquiry.id);
    });
  }

  async assign(input: AssignInquiryInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lockHandled(manager, input.inquiryId);
      if (input.agentId) {
        await this.assignment.assignManually(manager, inquiry, input.agentId, by.userId);
      } else if (!(await this.assignment.assignRoundRobin(manager, inquiry, by.userId))) {
        throw new ConflictError('No other agent is available with room for another inquiry', { assigneeId: inquiry.assigneeId });
      }
      return this.reload(manager, inquiry.id);
    });
  }

  /** Merges two inquiries of one customer about one matter: the survivor gets both conversations and histories. */
  async merge(input: MergeInquiriesInput, by: Identity): Promise<Inquiry> {
    if (input.survivorId === input.mergedId) throw BadUserInputError.field('input.mergedId', 'distinct', 'must be another inquiry than input.survivorId');
    return this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two merges of the same pair cannot deadlock.
      const [first, second] = [input.survivorId, input.mergedId].sort();
      const locked = new Map<string, Inquiry>();
      for (const id of [first, second]) locked.set(id, await this.lock(manager, id));
      const survivor = locked.get(input.survivorId) as Inquiry;
      const merged = locked.get(input.mergedId) as Inquiry;
      for (const inquiry of [survivor, merged]) {
        if (!HANDLING.includes(inquiry.status)) {
          throw new ConflictError(`Inquiry ${inquiry.id} is ${inquiry.status}; only inquiries being handled can be merged`, { currentStatus: inquiry.status, inquiryId: inquiry.id });
        }
      }
      if (!sameCustomer(survivor, merged)) {
        throw BadUserInputError.field('input.mergedId', 'same-customer', 'must be an inquiry of the same customer as input.survivorId (same customer id, or the same contact details)');
      }
      const now = this.clock.now();
      await manager.update(InquiryMessage, { inquiryId: merged.id }, { inquiryId: survivor.id });
      await manager.update(InquiryHistoryEntry, { inquiryId: merged.id }, { inquiryId: survivor.id });
      await manager.update(OrderChange, { inquiryId: merged.id }, { inquiryId: survivor.id });
      const changes: Partial<Inquiry> = {
        contactName: survivor.contactName ?? merged.contactName,
        contactEmail: survivor.contactEmail ?? merged.contactEmail,
        contactPhone: survivor.contactPhone ?? merged.contactPhone,
        updatedAt: now,
      };
      // A customer message left unanswered on the merged inquiry still needs its reply.
      if (merged.status === InquiryStatus.OPEN && merged.replyDueAt && survivor.status !== InquiryStatus.NEW) {
        const replyDueAt = survivor.replyDueAt && survivor.replyDueAt < merged.replyDueAt ? survivor.replyDueAt : merged.replyDueAt;
        Object.assign(changes, { status: InquiryStatus.OPEN, replyDueAt, nextDueAt: replyDueAt });
      }
      await manager.update(Inquiry, { id: survivor.id }, changes);
      await manager.update(Inquiry, { id: merged.id }, { status: InquiryStatus.MERGED, mergedIntoId: survivor.id, replyDueAt: null, nextDueAt: null, updatedAt: now });
      await recordHistory(manager, survivor.id, InquiryHistoryKind.MERGED, `Inquiry ${merged.id} merged into this one`, by.userId, now);
      await recordHistory(manager, merged.id, InquiryHistoryKind.MERGED, `Merged into inquiry ${survivor.id}; its conversation and history moved there`, by.userId, now);
      await this.assignment.assignWaiting(manager);
      return this.reload(manager, survivor.id);
    });
  }

  /** Closes with the customer's satisfaction (A-3.1.5), or with the reason it could not be asked. */
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
      const inquiry = await this.lock(manager, input.inquiryId);
      if (![...HANDLING, InquiryStatus.ESCALATED].includes(inquiry.status)) {
        throw new ConflictError(`An inquiry that is ${inquiry.status} cannot be closed`, { currentStatus: inquiry.status, allowedNext: allowedNext(inquiry.status) });
      }
      const now = this.clock.now();
      const closing = {
        status: InquiryStatus.CLOSED,
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
      await this.outbox.publish(manager, inquiryClosed, {
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
      });
      const detail = satisfaction
        ? `Closed; customer ${satisfaction.satisfied ? 'satisfied' : 'not satisfied'} (${satisfaction.score}/5)${closing.dissatisfactionReason ? `: ${closing.dissatisfactionReason}` : ''}`
        : `Closed without asking the customer: ${closing.closedWithoutSatisfactionReason}`;
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.CLOSED, detail, by.userId, now);
      await this.assignment.assignWaiting(manager);
      return this.reload(manager, inquiry.id);
    });
  }

  async reopen(input: ReopenInquiryInput, by: Identity): Promise<Inquiry> {
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lock(manager, input.inquiryId);
      if (inquiry.status !== InquiryStatus.CLOSED) {
        throw new ConflictError(`Only a closed inquiry can be reopened; this one is ${inquiry.status}`, { currentStatus: inquiry.status, allowedNext: allowedNext(inquiry.status) });
      }
      const now = this.clock.now();
      const policy = await this.policies.policyFor(manager, inquiry.channel);
      // The customer came back: on a written channel, they are owed a reply within the reply target.
      const replyDueAt = this.policies.replyDue(policy, now);
      await manager.update(Inquiry, { id: inquiry.id }, {
        status: InquiryStatus.OPEN,
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
      return this.reload(manager, inquiry.id);
    });
  }

  /** Hands the case to the complaint procedure by `inquiry.escalated`, with its whole conversation. */
  async escalate(input: EscalateInquiryToComplaintInput, by: Identity): Promise<Inquiry> {
    const now = this.clock.now();
    if (input.occurredAt) notInFuture(input.occurredAt, now, 'input.occurredAt');
    return this.dataSource.transaction(async (manager) => {
      const inquiry = await this.lock(manager, input.inquiryId);
      if (inquiry.escalatedAt) {
        throw new ConflictError('The inquiry was escalated to a complaint already', { escalatedAt: inquiry.escalatedAt.toISOString(), complaintId: inquiry.complaintId });
      }
      if (!HANDLING.includes(inquiry.status)) {
        throw new ConflictError(`An inquiry that is ${inquiry.status} cannot be escalated`, { currentStatus: inquiry.status, allowedNext: allowedNext(inquiry.status) });
      }
      if (!inquiry.customerId) {
        throw BadUserInputError.field('input.inquiryId', 'known-customer', 'must be an inquiry linked to a customer: link the customer first (linkInquiryCustomer)');
      }
      if (!(await this.customers.isCurrent(manager, inquiry.customerId))) {
        throw BadUserInputError.field('input.inquiryId', 'known-customer', `must be an inquiry of a known customer; customer "${inquiry.customerId}" is not known (erased or merged)`);
      }
      const conversation = await manager.find(InquiryMessage, { where: { inquiryId: inquiry.id }, order: { sentAt: 'ASC', sequence: 'ASC' } });
      const description = input.description?.trim() || conversation.find((m) => m.direction === MessageDirection.INBOUND)?.body || inquiry.subject;
      await this.outbox.publish(manager, inquiryEscalated, {
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        escalatedBy: by.userId,
        escalatedAt: now.toISOString(),
        channel: inquiry.channel,
        category: input.category,
        urgency: input.urgency,
        description,
        occurredAt: input.occurredAt?.toISOString() ?? null,
        conversation: conversation.map((m) => ({ direction: m.direction, authorId: m.authorId, at: m.sentAt.toISOString(), body: m.body })),
      });
      await manager.update(Inquiry, { id: inquiry.id }, { status: InquiryStatus.ESCALATED, escalatedAt: now, escalatedBy: by.userId, replyDueAt: null, nextDueAt: null, updatedAt: now });
      await recordHistory(manager, inquiry.id, InquiryHistoryKind.ESCALATED, `Escalated to a complaint (${input.category}, ${input.urgency})`, by.userId, now);
      await this.assignment.assignWaiting(manager);
      return this.reload(manager, inquiry.id);
    });
  }

  /** complaint.registered for an escalated inquiry: the inquiry now shows its complaint. */
  /** Right to erasure (customer.erased): the customer's names, contact details and words are removed from their inquiries. */
  async anonymiseCustomer(customerId: string, erasedAt: Date, manager: EntityManager): Promise<void> {
    const inquiries: { id: string }[] = await manager.query(`SELECT id FROM inquiry WHERE customer_id = $1 AND anonymised_at IS NULL FOR UPDATE`, [customerId]);
    const ids = inquiries.map((i) => i.id);
    if (!ids.length) return;
    await manager.query(
      `UPDATE inquiry SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, subject = $2,
              dissatisfaction_reason = CASE WHEN dissatisfaction_reason IS NULL THEN NULL ELSE $2 END,
              anonymised_at = $3, updated_at = $3
        WHERE id = ANY($1::uuid[])`,
      [ids, ERASED, erasedAt],
    );
    await manager.query(`UPDATE inquiry_message SET body = $2, author_name = CASE WHEN author_id IS NULL THEN NULL ELSE author_name END WHERE inquiry_id = ANY($1::uuid[])`, [ids, ERASED]);
    await manager.query(`UPDATE order_change SET requested_changes = $2 WHERE inquiry_id = ANY($1::uuid[])`, [ids, ERASED]);
    for (const id of ids) await recordHistory(manager, id, InquiryHistoryKind.ANONYMISED, 'The customer was erased: names, contact details and messages removed', null, erasedAt);
  }

  /** crm merged a duplicate profile (customer.merged): its inquiries and order changes now belong to the survivor. */
  async repointCustomer(mergedId: string, survivorId: string, mergedAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE inquiry SET customer_id = $2, updated_at = $3 WHERE customer_id = $1`, [mergedId, survivorId, mergedAt]);
    await manager.query(`UPDATE order_change SET customer_id = $2 WHERE customer_id = $1`, [mergedId, survivorId]);
  }

  async recordComplaintRegistered(event: ReceivedEvent<typeof complaintRegistered>, manager: EntityManager): Promise<void> {
    const { inquiryId, complaintId, registrationNumber } = event.data;
    if (!inquiryId) return;
    const inquiry = await manager.findOne(Inquiry, { where: { id: inquiryId }, lock: { mode: 'pessimistic_write' } });
    // Another environment's inquiry, or one linked already: nothing to do.
    if (!inquiry || inquiry.complaintId) return;
    const at = new Date(event.data.registeredAt);
    await manager.update(Inquiry, { id: inquiry.id }, { complaintId, updatedAt: at });
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.COMPLAINT_LINKED, `Complaint ${registrationNumber} registered from this inquiry`, null, at);
  }

  findById(id: string): Promise<Inquiry | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Inquiry).findOneBy({ id });
  }

  list(args: InquiriesArgs): Promise<Connection<Inquiry>> {
    const query = this.dataSource.getRepository(Inquiry).createQueryBuilder('inquiry');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('inquiry.status IN (:...status)', { status: filter.status });
    if (filter.channel?.length) query.andWhere('inquiry.channel IN (:...channel)', { channel: filter.channel });
    if (filter.category?.length) query.andWhere('inquiry.category IN (:...category)', { category: filter.category });
    if (filter.customerId) query.andWhere('inquiry.customerId = :customerId', { customerId: filter.customerId });
    if (filter.assigneeId) query.andWhere('inquiry.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.firstResponseBreached !== undefined && filter.firstResponseBreached !== null) {
      query.andWhere(`(COALESCE(inquiry.firstRespondedAt, :now) > inquiry.firstResponseDueAt) = :breached`, { now: this.clock.now(), breached: filter.firstResponseBreached });
    }
    if (filter.receivedFrom) query.andWhere('inquiry.receivedAt >= :from', { from: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('inquiry.receivedAt < :to', { to: filter.receivedTo });
    return paginate(query, args, { sortKey: 'receivedAt', direction: 'DESC' });
  }

  /** The agents' queue: inquiries owed a response, the most urgent deadline first (overdue ones lead). */
  queue(args: InquiryQueueArgs): Promise<Connection<Inquiry>> {
    const query = this.dataSource
      .getRepository(Inquiry)
      .createQueryBuilder('inquiry')
      .where('inquiry.nextDueAt IS NOT NULL')
      .andWhere('inquiry.status IN (:...open)', { open: [InquiryStatus.NEW, InquiryStatus.OPEN] });
    const filter = args.filter ?? {};
    if (filter.assigneeId) query.andWhere('inquiry.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.unassigned) query.andWhere('inquiry.assigneeId IS NULL');
    if (filter.channel?.length) query.andWhere('inquiry.channel IN (:...channel)', { channel: filter.channel });
    return paginate(query, args, { sortKey: 'nextDueAt', direction: 'ASC' });
  }

  forCustomer(customerId: string, page: PageArgs): Promise<Connection<Inquiry>> {
    return this.list({ ...page, filter: { customerId } });
  }

  messages(inquiryId: string): Promise<InquiryMessage[]> {
    return this.dataSource.getRepository(InquiryMessage).find({ where: { inquiryId }, order: { sentAt: 'ASC', sequence: 'ASC' } });
  }

  history(inquiryId: string): Promise<InquiryHistoryEntry[]> {
    return this.dataSource.getRepository(InquiryHistoryEntry).find({ where: { inquiryId }, order: { at: 'ASC', sequence: 'ASC' } });
  }

  get ringSeconds(): number {
    return this.policies.ringSeconds;
  }

  private async respondFirst(manager: EntityManager, inquiry: Inquiry, at: Date, by: Identity): Promise<void> {
    const live = isLiveChannel(inquiry.channel);
    const withinTarget = at <= inquiry.firstResponseDueAt;
    const seconds = Math.max(0, (at.getTime() - inquiry.receivedAt.getTime()) / 1000);
    // After a call is answered the customer is on the line; after a written reply they have the next word.
    const status = live ? InquiryStatus.OPEN : InquiryStatus.WAITING_ON_CUSTOMER;
    await manager.update(Inquiry, { id: inquiry.id }, { status, firstRespondedAt: at, firstRespondedBy: by.userId, replyDueAt: null, nextDueAt: null, updatedAt: this.clock.now() });
    if (!withinTarget) await this.deadlines.recordBreach(manager, inquiry, ResponseTarget.FIRST_RESPONSE, inquiry.firstResponseDueAt, at);
    await this.outbox.publish(manager, inquiryFirstResponded, {
      inquiryId: inquiry.id,
      customerId: inquiry.customerId,
      channel: inquiry.channel,
      respondedBy: by.userId,
      respondedAt: at.toISOString(),
      firstResponseSeconds: seconds,
      withinTarget,
    });
    const detail = live
      ? `Call answered after ${ringsFor(seconds, this.policies.ringSeconds)} ring(s), ${seconds} s${withinTarget ? '' : ' (late)'}`
      : `First reply after ${seconds} s${withinTarget ? '' : ' (late)'}`;
    await recordHistory(manager, inquiry.id, live ? InquiryHistoryKind.ANSWERED : InquiryHistoryKind.FIRST_RESPONDED, detail, by.userId, at);
  }

  private async addMessage(manager: EntityManager, inquiry: Inquiry, message: Partial<InquiryMessage>): Promise<void> {
    await manager.insert(InquiryMessage, { citedArticleIds: [], attachments: [], savedReplyId: null, ...message, inquiryId: inquiry.id, originalInquiryId: inquiry.id });
  }

  private async latestBookingReference(manager: EntityManager, inquiryId: string): Promise<string | null> {
    const latest = await manager.findOne(OrderChange, { where: { inquiryId }, order: { requestedAt: 'DESC' } });
    return latest?.bookingReference ?? null;
  }

  /** Locks an inquiry row for this transaction: two agents acting on it at once take turns. */
  async lock(manager: EntityManager, id: string): Promise<Inquiry> {
    const inquiry = UUID.test(id) ? await manager.findOne(Inquiry, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!inquiry) throw new NotFoundError('Inquiry', id);
    return inquiry;
  }

  /** Locks an inquiry that is being handled (not closed, merged or escalated). */
  private async lockHandled(manager: EntityManager, id: string): Promise<Inquiry> {
    const inquiry = await this.lock(manager, id);
    if (inquiry.status === InquiryStatus.MERGED) throw mergedConflict(inquiry);
    if (!HANDLING.includes(inquiry.status)) {
      const hint = inquiry.status === InquiryStatus.CLOSED ? ': reopen it first' : ': it is handled as a complaint now';
      throw new ConflictError(`The inquiry is ${inquiry.status}${hint}`, { currentStatus: inquiry.status, allowedNext: allowedNext(inquiry.status) });
    }
    return inquiry;
  }

  private async reload(manager: EntityManager, id: string): Promise<Inquiry> {
    return (await manager.findOneBy(Inquiry, { id })) as Inquiry;
  }
}

/** How many rings a wait took (a call answered at once still rang once). */
export function ringsFor(waitSeconds: number, ringSeconds: number): number {
  return Math.max(1, Math.ceil(waitSeconds / ringSeconds));
}

function allowedNext(status: InquiryStatus): InquiryStatus[] {
  switch (status) {
    case InquiryStatus.NEW:
      return [InquiryStatus.OPEN, InquiryStatus.WAITING_ON_CUSTOMER, InquiryStatus.ESCALATED, InquiryStatus.CLOSED, InquiryStatus.MERGED];
    case InquiryStatus.OPEN:
    case InquiryStatus.WAITING_ON_CUSTOMER:
      return [InquiryStatus.OPEN, InquiryStatus.WAITING_ON_CUSTOMER, InquiryStatus.ESCALATED, InquiryStatus.CLOSED, InquiryStatus.MERGED];
    case InquiryStatus.ESCALATED:
      return [InquiryStatus.CLOSED];
    case InquiryStatus.CLOSED:
      return [InquiryStatus.OPEN];
    case InquiryStatus.MERGED:
      return [];
  }
}

function mergedConflict(inquiry: Inquiry): ConflictError {
  return new ConflictError(`The inquiry was merged into ${inquiry.mergedIntoId}; continue there`, { currentStatus: inquiry.status, mergedIntoId: inquiry.mergedIntoId, allowedNext: [] });
}

function sameCustomer(a: Inquiry, b: Inquiry): boolean {
  if (a.customerId || b.customerId) return a.customerId === b.customerId;
  return Boolean((a.contactEmail && a.contactEmail === b.contactEmail) || (a.contactPhone && a.contactPhone === b.contactPhone));
}

function notInFuture(time: Date, now: Date, field: string): void {
  if (time.getTime() > now.getTime() + CLOCK_TOLERANCE_MS) throw BadUserInputError.field(field, 'past', 'must not be in the future');
}

function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone?.trim()) return null;
  return `+${phone.replace(/\D/g, '')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

