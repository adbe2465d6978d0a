import { BadUserInputError, type Clock, ConflictError, type Connection, NotFoundError, paginate } from '@carebridge/service-kit';
import type { Identity } from '@carebridge/auth';
import {
  complaintAssigned,
  complaintClosed,
  complaintFeedbackGiven,
  complaintRegistered,
  complaintReopened,
  type EventData,
  type inquiryEscalated,
} from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import type { KnownCustomers } from '@carebridge/known-customers';
import { atRiskSql, breachedSql, type DeadlineClock } from '../deadline/complaint-deadlines';
import type { ComplaintHandlerService } from '../handler/complaint-handler.service';
import { ComplaintAction, type Changes } from '../history/complaint-history.entity';
import { type Actor, type ComplaintHistory, diff, SYSTEM_ACTOR } from '../history/complaint-history';
import { ComplaintClosure } from './complaint-closure.entity';
import { ComplaintFeedback } from './complaint-feedback.entity';
import { type ComplaintStep, ensureStepAllowed, NEXT_STATUSES, STEPS } from './complaint-lifecycle';
import { Complaint, ComplaintStatus, type ContactChannel } from './complaint.entity';
import {
  type AssignComplaintInput,
  type ClassifyComplaintInput,
  type CloseComplaintInput,
  type ComplaintActionInput,
  ComplaintOrder,
  type ComplaintsArgs,
  type GiveComplaintFeedbackInput,
  type RegisterComplaintInput,
  type ReopenComplaintInput,
  type SetComplaintWaitingInput,
  type StartComplaintWorkInput,
} from './complaint.inputs';
import { ConversationMessage, MessageDirection } from './conversation-message.entity';

/** What a step records in the timeline; the step's status change is added by `act`. */
export interface StepRecord {
  action: ComplaintAction;
  changes?: Changes;
  reason?: string | null;
}

/** A complaint as registered: by a person or from an escalated inquiry. */
interface NewComplaint {
  customerId: string;
  channel: ContactChannel;
  category: Complaint['category'];
  urgency: Complaint['urgency'];
  description: string;
  occurredAt: Date | null;
  location: string | null;
  peopleInvolved: Complaint['peopleInvolved'];
  bookingReference: string | null;
  attachments: Complaint['attachments'];
  inquiryId: string | null;
}

/**
 * The complaint procedure (A-3.2, T-3): register, classify, assign, handle within the deadline
 * (pausing while waiting on the customer), give feedback, close with the customer's satisfaction
 * and reopen. Every step locks the complaint row, checks the lifecycle, records the timeline and
 * publishes its event in one transaction.
 */
export class ComplaintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: KnownCustomers,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly deadlines: DeadlineClock,
    private readonly history: ComplaintHistory,
    private readonly handlers: ComplaintHandlerService,
  ) {}

  async register(input: RegisterComplaintInput, registeredBy: Identity): Promise<Complaint> {
    const now = this.clock.now();
    if (input.occurredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw BadUserInputError.field('input.occurredAt', 'past', 'must not be in the future');
    }
    return this.dataSource.transaction(async (manager) => {
      const standing = await this.customers.standing(manager, input.customerId);
      if (standing.state !== 'KNOWN') {
        throw BadUserInputError.field(
          'input.customerId',
          'known-customer',
          standing.state === 'ERASED' ? `customer "${input.customerId}" was erased` : `no customer with id "${input.customerId}" is known`,
        );
      }
      return this.create(
        manager,
        {
          customerId: standing.id,
          channel: input.channel,
          category: input.category,
          urgency: input.urgency,
          description: input.description,
          occurredAt: input.occurredAt,
          location: input.location?.trim() || null,
          peopleInvolved: (input.peopleInvolved ?? []).map((p) => ({ kind: p.kind, name: p.name.trim(), detail: p.detail?.trim() || null })),
          bookingReference: input.bookingReference?.trim().toUpperCase() || null,
          attachments: (input.attachments ?? []).map((a) => ({ name: a.name.trim(), contentType: a.contentType, url: a.url })),
          inquiryId: null,
        },
        { userId: registeredBy.userId, name: registeredBy.name ?? null },
        now,
        { action: ComplaintAction.REGISTERED },
      );
    });
  }

  /**
   * Registers the complaint an inquiry was escalated to (inquiry.escalated), once per inquiry,
   * carrying the conversation over. The inquiry service escalates only with a known customer; an id
   * this service has not learned yet fails the handler, so the event is retried and finally
   * dead-lettered for replay. An erased customer gets no complaint.
   */
  async registerFromInquiry(data: EventData<typeof inquiryEscalated>, manager: EntityManager): Promise<Complaint | null> {
    const existing = await manager.findOneBy(Complaint, { inquiryId: data.inquiryId });
    if (existing) return existing;
    const standing = await this.customers.standing(manager, data.customerId);
    if (standing.state === 'ERASED') return null;
    if (standing.state === 'UNKNOWN') throw new Error(`inquiry ${data.inquiryId} was escalated for customer ${data.customerId}, who is not known (yet)`);
    const escalatedAt = new Date(data.escalatedAt);
    const complaint = await this.create(
      manager,
      {
        customerId: standing.id,
        channel: data.channel as ContactChannel,
        category: data.category as Complaint['category'],
        urgency: data.urgency as Complaint['urgency'],
        description: data.description,
        occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
        location: null,
        peopleInvolved: [],
        bookingReference: null,
        attachments: [],
        inquiryId: data.inquiryId,
      },
      { userId: data.escalatedBy, name: null },
      // The customer complained when the inquiry was escalated: the deadlines count from then.
      escalatedAt,
      { action: ComplaintAction.ESCALATED_FROM_INQUIRY, changes: { inquiryId: { to: data.inquiryId }, conversationMessages: { to: data.conversation.length } } },
    );
    if (data.conversation.length) {
      await manager.insert(
        ConversationMessage,
        data.conversation.map((message, position) => ({
          complaintId: complaint.id,
          position,
          direction: message.direction as MessageDirection,
          authorId: message.authorId,
          at: new Date(message.at),
          body: message.body,
        })),
      );
    }
    return complaint;
  }

  private async create(manager: EntityManager, fields: NewComplaint, actor: Actor, at: Date, record: StepRecord): Promise<Complaint> {
    const complaint = manager.create(Complaint, {
      ...fields,
      registrationNumber: await nextRegistrationNumber(manager, at),
      status: ComplaintStatus.REGISTERED,
      registeredBy: actor.userId,
      registeredByName: actor.name ?? null,
      createdAt: at,
      updatedAt: at,
      pausedMs: 0,
      reopenedCount: 0,
    });
    this.deadlines.startFeedback(complaint, at, await this.deadlines.feedbackTarget(manager, fields.urgency));
    this.deadlines.startRegulatory(complaint, at);
    const saved = await manager.save(complaint);
    await this.history.record(manager, saved.id, {
      ...record,
      actor,
      at,
      toStatus: ComplaintStatus.REGISTERED,
      changes: {
        channel: { to: saved.channel },
        category: { to: saved.category },
        urgency: { to: saved.urgency },
        feedbackDueAt: { to: saved.feedbackDueAt.toISOString() },
        ...record.changes,
      },
    });
    await this.outbox.publish(manager, complaintRegistered, {
      complaintId: saved.id,
      registrationNumber: saved.registrationNumber,
      customerId: saved.customerId,
      channel: saved.channel,
      category: saved.category,
      urgency: saved.urgency,
      registeredBy: saved.registeredBy,
      registeredAt: saved.createdAt.toISOString(),
      ...(saved.inquiryId ? { inquiryId: saved.inquiryId } : {}),
    });
    return saved;
  }

  async classify(input: ClassifyComplaintInput, actor: Identity): Promise<Complaint> {
    if (input.category == null && input.urgency == null && input.rootCause == null && input.rootCauseNote == null) {
      throw BadUserInputError.field('input', 'change', 'must set at least one of category, urgency, rootCause, rootCauseNote');
    }
    return this.act(input, STEPS.classify, actor, async (complaint, manager) => {
      const wanted: Partial<Complaint> = {};
      if (input.category != null) wanted.category = input.category;
      if (input.urgency != null) wanted.urgency = input.urgency;
      if (input.rootCause != null) wanted.rootCause = input.rootCause;
      if (input.rootCauseNote != null) wanted.rootCauseNote = input.rootCauseNote.trim() || null;
      const changes = diff(complaint, wanted);
      if (!Object.keys(changes).length) return null;
      Object.assign(complaint, wanted);
      if (changes.urgency && !complaint.feedbackGivenAt) {
        const before = complaint.feedbackDueAt;
        this.deadlines.retarget(complaint, await this.deadlines.feedbackTarget(manager, complaint.urgency));
        changes.feedbackDueAt = { from: before.toISOString(), to: complaint.feedbackDueAt.toISOString() };
      }
      return { action: ComplaintAction.CLASSIFIED, changes };
    });
  }

  async assign(input: AssignComplaintInput, actor: Identity): Promise<Complaint> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const current = await this.locked(manager, input);
      const reassigning = current.status !== ComplaintStatus.REGISTERED;
      return this.step(manager, current, reassigning ? STEPS.reassign : STEPS.assign, actor, now, async (complaint) => {
        if (reassigning && !input.reason?.trim()) {
          throw BadUserInputError.field('input.reason', 'required', 'must say why the complaint is reassigned');
        }
        const named = input.assigneeId?.trim();
        const automatic = !named;
        const handler = named ? await this.handlers.named(manager, named) : await this.handlers.next(manager, complaint.assigneeId);
        const department = input.department?.trim() || handler.department;
        if (handler.userId === complaint.assigneeId && department === complaint.department) {
          throw BadUserInputError.field('input.assigneeId', 'change', `must name someone else: the complaint is already assigned to "${handler.userId}"`);
        }
        const changes = diff(complaint, { assigneeId: handler.userId, assigneeName: handler.name, department });
        Object.assign(complaint, { assigneeId: handler.userId, assigneeName: handler.name, department, assignedAt: now });
        await this.handlers.markAssigned(manager, handler, now);
        await this.outbox.publish(manager, complaintAssigned, {
          complaintId: complaint.id,
          customerId: complaint.customerId,
          assigneeId: handler.userId,
          department,
          assignedBy: actor.userId,
          automatic,
          reason: input.reason?.trim() || null,
          assignedAt: now.toISOString(),
        });
        return {
          action: reassigning ? ComplaintAction.REASSIGNED : ComplaintAction.ASSIGNED,
          changes: { ...changes, automatic: { to: automatic } },
          reason: input.reason?.trim() || null,
        };
      });
    });
  }

  startWork(input: StartComplaintWorkInput, actor: Identity): Promise<Complaint> {
    return this.act(input, STEPS.startWork, actor, async () => ({ action: ComplaintAction.WORK_STARTED }));
  }

  /** Waiting on the customer pauses the feedback clock; the paused time is recorded. */
  setWaiting(input: SetComplaintWaitingInput, actor: Identity): Promise<Complaint> {
    return this.act(input, STEPS.wait, actor, async (complaint, _manager, now) => {
      if (input.waiting) {
        if (complaint.waitingSince) {
          throw new ConflictError(`Complaint ${complaint.registrationNumber} has been waiting on the customer since ${complaint.waitingSince.toISOString()}`, {
            currentStatus: complaint.status,
            allowedNext: NEXT_STATUSES[complaint.status],
          });
        }
        this.deadlines.pause(complaint, now);
        return { action: ComplaintAction.WAITING_ON_CUSTOMER, changes: { waitingSince: { to: now.toISOString() } }, reason: input.note?.trim() || null };
      }
      if (!complaint.waitingSince) {
        throw new ConflictError(`Complaint ${complaint.registrationNumber} is not waiting on the customer`, {
          currentStatus: complaint.status,
          allowedNext: NEXT_STATUSES[complaint.status],
        });
      }
      return { ...this.endWait(complaint, now), reason: input.note?.trim() || null };
    });
  }

  private endWait(complaint: Complaint, now: Date): StepRecord {
    const before = complaint.feedbackDueAt;
    const since = complaint.waitingSince;
    const { pausedMs, pausedBusinessMs } = this.deadlines.resume(complaint, now);
    return {
      action: ComplaintAction.WAIT_ENDED,
      changes: {
        waitingSince: { from: since?.toISOString() ?? null, to: null },
        pausedSeconds: { to: Math.round(pausedMs / 1000) },
        pausedBusinessSeconds: { to: Math.round(pausedBusinessMs / 1000) },
        ...(before.getTime() !== complaint.feedbackDueAt.getTime() ? { feedbackDueAt: { from: before.toISOString(), to: complaint.feedbackDueAt.toISOString() } } : {}),
      },
    };
  }

  /** Feedback to the customer: meets the feedback deadline of this round (and the DOT acknowledgment). */
  giveFeedback(input: GiveComplaintFeedbackInput, actor: Identity): Promise<Complaint> {
    return this.act(input, STEPS.giveFeedback, actor, async (complaint, manager, now) => {
      if (complaint.waitingSince) await this.history.record(manager, complaint.id, { ...this.endWait(complaint, now), actor, at: now });
      const firstInRound = !complaint.feedbackGivenAt;
      const givenAt = complaint.feedbackGivenAt ?? now;
      complaint.feedbackGivenAt = givenAt;
      const withinDeadline = givenAt.getTime() <= complaint.feedbackDueAt.getTime();
      const acknowledges = complaint.dotAcknowledgmentDueAt !== null && complaint.dotAcknowledgedAt === null;
      if (acknowledges) complaint.dotAcknowledgedAt = now;
      await manager.insert(ComplaintFeedback, {
        complaintId: complaint.id,
        givenBy: actor.userId,
        givenByName: actor.name ?? null,
        givenAt: now,
        channel: input.channel,
        sentTo: input.sentTo?.trim() || null,
        actionsTaken: input.actionsTaken.trim(),
        nextSteps: input.nextSteps.trim(),
        withinDeadline,
      });
      await this.outbox.publish(manager, complaintFeedbackGiven, {
        complaintId: complaint.id,
        customerId: complaint.customerId,
        givenBy: actor.userId,
        givenAt: now.toISOString(),
        feedbackDueAt: complaint.feedbackDueAt.toISOString(),
        withinDeadline,
      });
      return {
        action: ComplaintAction.FEEDBACK_GIVEN,
        changes: {
          channel: { to: input.channel },
          withinDeadline: { to: withinDeadline },
          ...(firstInRound ? { feedbackGivenAt: { to: now.toISOString() } } : {}),
          ...(acknowledges ? { dotAcknowledgedAt: { to: now.toISOString() } } : {}),
        },
      };
    });
  }

  /** Closing records the customer's satisfaction, or why it could not be asked. */
  async close(input: CloseComplaintInput, actor: Identity): Promise<Complaint> {
    const score = input.satisfactionScore ?? null;
    const comment = input.satisfactionComment?.trim() || null;
    const withoutReason = input.withoutSatisfactionReason?.trim() || null;
    if (score === null && !withoutReason) {
      throw BadUserInputError.field('input.satisfactionScore', 'required', 'must be given (1 to 5), or a withoutSatisfactionReason such as "customer unreachable"');
    }
    if (score !== null && withoutReason) {
      throw BadUserInputError.field('input.withoutSatisfactionReason', 'exclusive', 'must be left out when the customer gave a satisfaction score');
    }
    if (score === null && comment) {
      throw BadUserInputError.field('input.satisfactionComment', 'needs-score', 'must come with a satisfaction score');
    }
    return this.act(input, STEPS.close, actor, async (complaint, manager, now) => {
      complaint.closedAt = now;
      await manager.insert(ComplaintClosure, {
        complaintId: complaint.id,
        closedBy: actor.userId,
        closedByName: actor.name ?? null,
        closedAt: now,
        satisfactionScore: score,
        satisfactionComment: comment,
        withoutSatisfactionReason: withoutReason,
      });
      await this.outbox.publish(manager, complaintClosed, {
        complaintId: complaint.id,
        registrationNumber: complaint.registrationNumber,
        customerId: complaint.customerId,
        closedBy: actor.userId,
        closedAt: now.toISOString(),
        satisfactionScore: score,
        satisfactionComment: comment,
        closedWithoutSatisfactionReason: withoutReason,
      });
      return { action: ComplaintAction.CLOSED, changes: { satisfactionScore: { to: score } }, reason: withoutReason };
    });
  }

  /** Back to work, with a new feedback deadline; the history of the earlier rounds stays. */
  reopen(input: ReopenComplaintInput, actor: Identity): Promise<Complaint> {
    return this.act(input, STEPS.reopen, actor, async (complaint, manager, now) => {
      const reason = input.reason.trim();
      complaint.reopenedCount += 1;
      complaint.closedAt = null;
      complaint.resolvedAt = null;
      complaint.resolvedBy = null;
      this.deadlines.startFeedback(complaint, now, await this.deadlines.feedbackTarget(manager, complaint.urgency));
      await this.outbox.publish(manager, complaintReopened, {
        complaintId: complaint.id,
        customerId: complaint.customerId,
        reopenedBy: actor.userId,
        reopenedAt: now.toISOString(),
        reason,
      });
      return { action: ComplaintAction.REOPENED, changes: { reopenedCount: { to: complaint.reopenedCount }, feedbackDueAt: { to: complaint.feedbackDueAt.toISOString() } }, reason };
    });
  }

  /**
   * One step on one complaint, in one transaction: lock the row, refuse a stale version or a step
   * the status does not allow, apply the step, move the status, record the timeline. A step that
   * changes nothing (`work` returns null) writes nothing.
   */
  act(
    input: ComplaintActionInput,
    step: ComplaintStep,
    actor: Identity,
    work: (complaint: Complaint, manager: EntityManager, now: Date) => Promise<StepRecord | null>,
  ): Promise<Complaint> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.locked(manager, input);
      return this.step(manager, complaint, step, actor, now, (c) => work(c, manager, now));
    });
  }

  private async step(
    manager: EntityManager,
    complaint: Complaint,
    step: ComplaintStep,
    actor: Identity,
    now: Date,
    work: (complaint: Complaint) => Promise<StepRecord | null>,
  ): Promise<Complaint> {
    ensureStepAllowed(complaint, step);
    const fromStatus = complaint.status;
    const record = await work(complaint);
    if (!record) return complaint;
    if (step.to) complaint.status = step.to;
    complaint.updatedAt = now;
    const saved = await manager.save(complaint);
    await this.history.record(manager, saved.id, {
      ...record,
      actor: { userId: actor.userId, name: actor.name ?? null },
      at: now,
      fromStatus: step.to && step.to !== fromStatus ? fromStatus : null,
      toStatus: step.to && step.to !== fromStatus ? step.to : null,
    });
    return saved;
  }

  /** The complaint, locked for this transaction; CONFLICT when the caller saw an older version. */
  async locked(manager: EntityManager, input: ComplaintActionInput): Promise<Complaint> {
    const complaint = UUID.test(input.complaintId)
      ? await manager.findOne(Complaint, { where: { id: input.complaintId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!complaint) throw new NotFoundError('Complaint', input.complaintId);
    if (input.expectedVersion != null && input.expectedVersion !== complaint.version) {
      throw new ConflictError(`Complaint ${complaint.registrationNumber} changed since version ${input.expectedVersion}; it is at version ${complaint.version} now`, {
        currentStatus: complaint.status,
        allowedNext: NEXT_STATUSES[complaint.status],
        currentVersion: complaint.version,
      });
    }
    return complaint;
  }

  /** crm merged two profiles: the merged customer's complaints now belong to the survivor. */
  async repointCustomer(mergedId: string, survivorId: string, at: Date, manager: EntityManager): Promise<void> {
    const moved: { id: string }[] = await manager.query(
      `UPDATE complaint SET customer_id = $1, version = version + 1, updated_at = $3 WHERE customer_id = $2 RETURNING id`,
      [survivorId, mergedId, at],
    );
    for (const { id } of rows(moved)) {
      await this.history.record(manager, id, { action: ComplaintAction.CUSTOMER_MERGED, actor: SYSTEM_ACTOR, at, changes: { customerId: { from: mergedId, to: survivorId } } });
    }
  }

  /**
   * crm erased a customer: their words, the places and people tied to them, the feedback sent to
   * them and their satisfaction comments are anonymised; ids, classification, dates and amounts
   * stay for statistics (T-3.5). The timeline records it.
   */
  async anonymiseCustomer(customerId: string, at: Date, manager: EntityManager): Promise<void> {
    const anonymised: { id: string }[] = await manager.query(
      `UPDATE complaint SET
         description = $3,
         location = NULL,
         booking_reference = NULL,
         resolution_explanation = CASE WHEN resolution_explanation IS NULL THEN NULL ELSE $3 END,
         people_involved = (
           SELECT COALESCE(jsonb_agg(
             CASE WHEN p->>'kind' IN ('CUSTOMER', 'OTHER') THEN jsonb_build_object('kind', p->'kind', 'name', $3::text, 'detail', NULL)
                  ELSE p || jsonb_build_object('detail', NULL) END ORDER BY n), '[]'::jsonb)
           FROM jsonb_array_elements(people_involved) WITH ORDINALITY AS e(p, n)),
         attachments = (
           SELECT COALESCE(jsonb_agg(jsonb_build_object('name', $3::text, 'contentType', a->'contentType', 'url', $3::text) ORDER BY n), '[]'::jsonb)
           FROM jsonb_array_elements(attachments) WITH ORDINALITY AS e(a, n)),
         anonymised_at = $2, updated_at = $2, version = version + 1
       WHERE customer_id = $1 AND anonymised_at IS NULL
       RETURNING id`,
      [customerId, at, ERASED],
    );
    const ids = rows(anonymised).map((r) => r.id);
    if (!ids.length) return;
    await manager.query(`UPDATE complaint_feedback SET actions_taken = $2, next_steps = $2, sent_to = NULL WHERE complaint_id = ANY($1)`, [ids, ERASED]);
    await manager.query(`UPDATE complaint_closure SET satisfaction_comment = NULL WHERE complaint_id = ANY($1) AND satisfaction_comment IS NOT NULL`, [ids]);
    await manager.query(`UPDATE complaint_conversation_message SET body = $2 WHERE complaint_id = ANY($1)`, [ids, ERASED]);
    for (const id of ids) {
      await this.history.record(manager, id, {
        action: ComplaintAction.ANONYMISED,
        actor: SYSTEM_ACTOR,
        at,
        changes: { anonymised: { to: ['description', 'location', 'bookingReference', 'peopleInvolved', 'attachments', 'resolutionExplanation', 'feedback', 'satisfactionComment', 'conversation'] } },
        reason: 'customer erased',
      });
    }
  }

  findById(id: string): Promise<Complaint | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Complaint).findOneBy({ id });
  }

  list(args: ComplaintsArgs): Promise<Connection<Complaint>> {
    const query = this.dataSource.getRepository(Complaint).createQueryBuilder('complaint');
    const filter = args.filter ?? {};
    const now = this.clock.now();
    if (filter.status?.length) query.andWhere('complaint.status IN (:...status)', { status: filter.status });
    if (filter.category?.length) query.andWhere('complaint.category IN (:...category)', { category: filter.category });
    if (filter.urgency?.length) query.andWhere('complaint.urgency IN (:...urgency)', { urgency: filter.urgency });
    if (filter.assigneeId) query.andWhere('complaint.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.unassigned !== undefined && filter.unassigned !== null) query.andWhere(`complaint.assigneeId IS ${filter.unassigned ? '' : 'NOT '}NULL`);
    if (filter.customerId) query.andWhere('complaint.customerId = :customerId', { customerId: filter.customerId });
    if (filter.inquiryId) query.andWhere('complaint.inquiryId = :inquiryId', { inquiryId: filter.inquiryId });
    if (filter.escalated !== undefined && filter.escalated !== null) query.andWhere(`complaint.escalatedAt IS ${filter.escalated ? 'NOT ' : ''}NULL`);
    if (filter.waitingOnCustomer !== undefined && filter.waitingOnCustomer !== null) {
      query.andWhere(`complaint.waitingSince IS ${filter.waitingOnCustomer ? 'NOT ' : ''}NULL`);
    }
    if (filter.breached !== undefined && filter.breached !== null) {
      query.andWhere(filter.breached ? breachedSql('complaint') : `NOT COALESCE(${breachedSql('complaint')}, false)`, { now });
    }
    if (filter.atRisk !== undefined && filter.atRisk !== null) {
      const atRisk = atRiskSql('complaint');
      query.andWhere(filter.atRisk ? atRisk : `NOT COALESCE(${atRisk}, false)`, { now, atRiskPercent: this.deadlines.settings.atRiskPercent });
    }
    if (filter.registeredFrom) query.andWhere('complaint.createdAt >= :from', { from: filter.registeredFrom });
    if (filter.registeredTo) query.andWhere('complaint.createdAt < :to', { to: filter.registeredTo });
    const text = filter.text?.trim();
    if (text) query.andWhere(`to_tsvector('simple', complaint.description) @@ plainto_tsquery('simple', :text)`, { text });
    switch (args.orderBy ?? ComplaintOrder.REGISTERED_AT_DESC) {
      case ComplaintOrder.REGISTERED_AT_ASC:
        return paginate(query, args, { sortKey: 'createdAt', direction: 'ASC' });
      case ComplaintOrder.UPDATED_AT_DESC:
        return paginate(query, args, { sortKey: 'updatedAt', direction: 'DESC' });
      case ComplaintOrder.FEEDBACK_DUE_AT_ASC:
        query.andWhere('complaint.feedbackGivenAt IS NULL');
        return paginate(query, args, { sortKey: 'feedbackDueAt', direction: 'ASC' });
      default:
        return paginate(query, args, { sortKey: 'createdAt', direction: 'DESC' });
    }
  }

  feedbackOf(complaintId: string): Promise<ComplaintFeedback[]> {
    return this.dataSource.getRepository(ComplaintFeedback).find({ where: { complaintId }, order: { givenAt: 'ASC', id: 'ASC' } });
  }

  closuresOf(complaintId: string): Promise<ComplaintClosure[]> {
    return this.dataSource.getRepository(ComplaintClosure).find({ where: { complaintId }, order: { closedAt: 'ASC' } });
  }

  conversationOf(complaintId: string): Promise<ConversationMessage[]> {
    return this.dataSource.getRepository(ConversationMessage).find({ where: { complaintId }, order: { position: 'ASC' } });
  }
}

/** What anonymised text reads. */
const ERASED = '[erased]';

/** `UPDATE … RETURNING` answers [rows, count] through TypeORM's postgres driver. */
function rows<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/** `CMP-2026-000123`: numbered per calendar year (UTC), gap-free because the counter row is locked. */
async function nextRegistrationNumber(manager: EntityManager, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await manager.query(
    `INSERT INTO complaint_number_counter (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = complaint_number_counter.last_number + 1
     RETURNING last_number`,
    [year],
  );
  return `CMP-${year}-${String(row.last_number).padStart(6, '0')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
