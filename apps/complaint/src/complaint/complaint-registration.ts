import { hasAnyRole, type Identity } from '@carebridge/auth';
import { complaintRegistered, type EventData, type incidentComplaintRaised, type inquiryEscalated, type serviceRecoveryEscalated } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import { BadUserInputError, ensureNotInFuture } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, ComplaintHistory } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import { incidentComplaintDescription } from './incident-complaint-description';
import { ComplaintStatus } from '../status/status.enums';
import type { DeadlineClock } from './complaint-deadlines';
import { bookingReference, flightNumber, involvedParties } from './complaint-details';
import type { StepRecord } from './complaint-lifecycle';
import { Complaint } from './complaint.entity';
import { type ContactChannel, InvolvedPartyKind } from './complaint.enums';
import type { RegisterComplaintInput } from './complaint.inputs';
import { ConversationMessage } from './conversation-message.entity';
import type { CustomerTimeline } from './customer-timeline';

/** Who registers complaints of every category. */
export const REGISTERING_ROLES = ['agent', 'complaint_specialist', 'supervisor'] as const;

/** What after-sales registers: problems during a trip (T-1.4, T-4.3). */
export const IN_TRIP_CATEGORIES: readonly string[] = ['FLIGHT_DELAY_CANCELLATION', 'BAGGAGE', 'ACCOMMODATION', 'ITINERARY_CHANGE', 'STAFF_CONDUCT'];

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
  flightNumber: string | null;
  attachments: Complaint['attachments'];
  inquiryId: string | null;
  /** The id another service assigned (an escalating inquiry names its complaint). */
  id?: string;
}

/**
 * Registering a complaint: numbered, its deadlines started, its timeline begun and
 * `complaint.registered` published in one transaction — as a person registers it, or as an
 * escalated inquiry brings it.
 */
export class ComplaintRegistration {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly deadlines: DeadlineClock,
    private readonly history: ComplaintHistory,
    private readonly timeline: CustomerTimeline,
  ) {}

  async register(input: RegisterComplaintInput, registeredBy: Identity): Promise<Complaint> {
    const now = this.clock.now();
    ensureNotInFuture(input.occurredAt, now, 'input.occurredAt');
    if (!hasAnyRole(registeredBy, REGISTERING_ROLES) && !IN_TRIP_CATEGORIES.includes(input.category)) {
      // After-sales coordinates problems during a trip (T-1.4, T-4.3); other complaints come in through the agents.
      throw BadUserInputError.field('input.category', 'in-trip', `after-sales registers complaints about problems during a trip: ${IN_TRIP_CATEGORIES.join(', ')}`);
    }
    return this.dataSource.transaction(async (manager) => {
      const standing = await this.customers.standing(manager, input.customerId);
      if (standing.state === 'ERASED') throw BadUserInputError.field('input.customerId', 'known-customer', `customer "${input.customerId}" was erased`);
      // A customer crm has just created may not have reached this service yet: registered, and awaited (flagged if it never arrives).
      const complaint = await this.create(
        manager,
        {
          customerId: standing.state === 'KNOWN' ? standing.id : input.customerId,
          channel: input.channel,
          category: input.category,
          urgency: input.urgency,
          description: input.description,
          occurredAt: input.occurredAt,
          location: input.location?.trim() || null,
          peopleInvolved: involvedParties(input.peopleInvolved),
          bookingReference: bookingReference(input.bookingReference),
          flightNumber: flightNumber(input.flightNumber),
          attachments: (input.attachments ?? []).map((a) => ({ name: a.name.trim(), contentType: a.contentType, url: a.url })),
          inquiryId: null,
        },
        { userId: registeredBy.userId, name: registeredBy.name ?? null },
        now,
        { action: ComplaintAction.REGISTERED },
      );
      if (standing.state === 'UNKNOWN') await this.customers.awaiting(manager, input.customerId, { kind: 'complaint', id: complaint.id });
      return complaint;
    });
  }

  /**
   * Registers the complaint an inquiry was escalated to (inquiry.escalated), once per inquiry,
   * carrying the conversation over. A customer this service has not learned yet
   * is awaited (flagged if crm never announces them). An erased customer gets no complaint.
   */
  async registerFromInquiry(data: EventData<typeof inquiryEscalated>, manager: EntityManager): Promise<Complaint | null> {
    const existing = await manager.findOneBy(Complaint, { inquiryId: data.inquiryId });
    if (existing) return existing;
    const customerId = await this.customerOfEvent(manager, data.customerId);
    if (!customerId) return null;
    const escalatedAt = new Date(data.escalatedAt);
    const complaint = await this.create(
      manager,
      {
        customerId,
        channel: data.channel,
        category: data.category,
        urgency: data.urgency,
        description: data.description,
        occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
        location: data.location?.trim() || null,
        peopleInvolved: [],
        bookingReference: bookingReference(data.bookingReference),
        flightNumber: flightNumber(data.flightNumber),
        attachments: [],
        inquiryId: data.inquiryId,
        ...(data.complaintId ? { id: data.complaintId } : {}),
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
          direction: message.direction,
          authorId: message.authorId,
          at: new Date(message.at),
          body: message.body,
        })),
      );
    }
    return this.awaitCustomer(manager, complaint);
  }

  /**
   * Registers the complaint after-sales turned a service-recovery task into
   * (service_recovery.escalated): in the customer's words from the post-trip survey, via the web
   * form they answered, from the escalation's time. After-sales escalates a task once, and the
   * consumer applies an event once. A customer not learned yet is awaited; an erased one
   * gets no complaint.
   */
  async registerFromServiceRecovery(data: EventData<typeof serviceRecoveryEscalated>, manager: EntityManager): Promise<Complaint | null> {
    const customerId = await this.customerOfEvent(manager, data.customerId);
    if (!customerId) return null;
    return this.awaitCustomer(manager, await this.create(
      manager,
      {
        customerId,
        channel: 'WEB_FORM',
        category: data.category,
        urgency: data.urgency,
        description: data.description,
        occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
        location: null,
        peopleInvolved: [],
        bookingReference: data.bookingReference,
        flightNumber: null,
        attachments: [],
        inquiryId: null,
      },
      { userId: data.escalatedBy, name: null },
      new Date(data.escalatedAt),
      { action: ComplaintAction.REGISTERED, changes: { serviceRecoveryTaskId: { to: data.taskId } } },
    ));
  }

  /**
   * Registers the complaint after-sales raised for an in-trip incident (incident.complaint_raised),
   * carrying the compensation the passenger-rights engine computed into its history and description
   * for the resolution plan. After-sales raises once per incident, the consumer applies an event
   * once. A customer not learned yet is awaited; an erased one gets none.
   */
  async registerFromIncident(data: EventData<typeof incidentComplaintRaised>, manager: EntityManager): Promise<Complaint | null> {
    const customerId = await this.customerOfEvent(manager, data.customerId);
    if (!customerId) return null;
    return this.awaitCustomer(manager, await this.create(
      manager,
      {
        customerId,
        channel: data.channel,
        category: data.complaintCategory,
        urgency: data.urgency,
        description: incidentComplaintDescription(data),
        occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
        location: null,
        peopleInvolved: data.segmentLabel ? [{ kind: data.category === 'ACCOMMODATION' ? InvolvedPartyKind.HOTEL : InvolvedPartyKind.FLIGHT, name: data.segmentLabel, detail: null }] : [],
        bookingReference: data.bookingReference,
        flightNumber: null,
        attachments: [],
        inquiryId: null,
      },
      { userId: data.raisedBy, name: null },
      new Date(data.raisedAt),
      {
        action: ComplaintAction.REGISTERED,
        changes: {
          incidentId: { to: data.incidentId },
          incidentNumber: { to: data.incidentNumber },
          proposedCompensation: { to: data.proposedCompensation.map(({ kind, amount, currency, quantity, regime, legalBasis, ruleVersion }) => ({ kind, amount, currency, quantity, regime, legalBasis, ruleVersion })) },
        },
      },
    ));
  }

  /**
   * The customer another service's event registers a complaint for: the surviving profile, or null
   * when crm erased them (no complaint then). One this service has not learned yet is taken as
   * given; the complaint is awaited (`awaitCustomer`) rather than the event failed.
   */
  private async customerOfEvent(manager: EntityManager, customerId: string): Promise<string | null> {
    const standing = await this.customers.standing(manager, customerId);
    if (standing.state === 'ERASED') return null;
    return standing.state === 'KNOWN' ? standing.id : customerId;
  }

  /** A complaint for a customer crm has not announced here yet is awaited like one a person registered. */
  private async awaitCustomer(manager: EntityManager, complaint: Complaint | null): Promise<Complaint | null> {
    if (complaint && (await this.customers.standing(manager, complaint.customerId)).state === 'UNKNOWN') {
      await this.customers.awaiting(manager, complaint.customerId, { kind: 'complaint', id: complaint.id });
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
    this.deadlines.startFeedback(complaint, at, await this.deadlines.feedbackTarget(manager, fields.urgency, { customerId: fields.customerId, at }));
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
    const registered = {
      complaintId: saved.id,
      registrationNumber: saved.registrationNumber,
      customerId: saved.customerId,
      channel: saved.channel,
      category: saved.category,
      urgency: saved.urgency,
      registeredBy: saved.registeredBy,
      registeredAt: saved.createdAt.toISOString(),
      ...(saved.inquiryId ? { inquiryId: saved.inquiryId } : {}),
      feedbackDueAt: saved.feedbackDueAt.toISOString(),
    };
    await this.timeline.registered(manager, await this.outbox.publish(manager, complaintRegistered, registered), registered);
    return saved;
  }
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
