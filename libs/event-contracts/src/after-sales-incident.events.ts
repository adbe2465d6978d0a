import { z } from 'zod';
import { COMPENSATION_KINDS, COMPLAINT_CATEGORIES, COMPLAINT_URGENCIES, CONTACT_CHANNELS } from './complaint-taxonomy';
import { defineEvent, field } from './contract';
import { TOPICS } from './topics';

// ---------------------------------------------------------------------------------------------
// In-trip incidents (T-1.4, T-4.3): what goes wrong on the way, the baggage files, the tasks of
// partners, and what the passenger is owed. Ids and classifications only: never what the
// passenger or a partner wrote.
// ---------------------------------------------------------------------------------------------

/** What happened, declared once for the service's enum, its Postgres enum type and these contracts. */
export const INCIDENT_TYPES = [
  // Flight disruption
  'FLIGHT_DELAY',
  'FLIGHT_CANCELLATION',
  'FLIGHT_DIVERSION',
  'DENIED_BOARDING',
  'DOWNGRADE',
  // Baggage
  'BAGGAGE_DELAYED',
  'BAGGAGE_DAMAGED',
  'BAGGAGE_PILFERED',
  'BAGGAGE_LOST',
  // Accommodation
  'ACCOMMODATION_PROBLEM',
  // Emergency
  'MEDICAL_EMERGENCY',
  'NATURAL_DISASTER',
  'SECURITY_EMERGENCY',
] as const;
export type IncidentTypeValue = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_CATEGORIES = ['FLIGHT_DISRUPTION', 'BAGGAGE', 'ACCOMMODATION', 'EMERGENCY'] as const;
export type IncidentCategoryValue = (typeof INCIDENT_CATEGORIES)[number];

/** Each type's category. */
export const INCIDENT_CATEGORY_OF: Readonly<Record<IncidentTypeValue, IncidentCategoryValue>> = {
  FLIGHT_DELAY: 'FLIGHT_DISRUPTION',
  FLIGHT_CANCELLATION: 'FLIGHT_DISRUPTION',
  FLIGHT_DIVERSION: 'FLIGHT_DISRUPTION',
  DENIED_BOARDING: 'FLIGHT_DISRUPTION',
  DOWNGRADE: 'FLIGHT_DISRUPTION',
  BAGGAGE_DELAYED: 'BAGGAGE',
  BAGGAGE_DAMAGED: 'BAGGAGE',
  BAGGAGE_PILFERED: 'BAGGAGE',
  BAGGAGE_LOST: 'BAGGAGE',
  ACCOMMODATION_PROBLEM: 'ACCOMMODATION',
  MEDICAL_EMERGENCY: 'EMERGENCY',
  NATURAL_DISASTER: 'EMERGENCY',
  SECURITY_EMERGENCY: 'EMERGENCY',
};

export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/** The partners and departments an incident is coordinated with. */
export const PARTNER_KINDS = ['HOTEL', 'GROUND_HANDLER', 'COURIER', 'INSURER', 'AIRLINE', 'TOUR_OPERATOR', 'DEPARTMENT', 'OTHER'] as const;

/** A baggage file's outcome, and why a bag went astray (the industry's reason-for-loss groups). */
export const BAGGAGE_FILE_OUTCOMES = ['DELIVERED', 'COLLECTED', 'LOST', 'WITHDRAWN'] as const;
export const BAGGAGE_LOSS_REASONS = [
  'TRANSFER_MISHANDLING',
  'FAILURE_TO_LOAD',
  'TAGGING_ERROR',
  'TICKETING_OR_CHECK_IN_ERROR',
  'SECURITY_OR_CUSTOMS',
  'WEIGHT_OR_SPACE_RESTRICTION',
  'ARRIVAL_STATION_MISHANDLING',
  'PASSENGER_ERROR',
  'DAMAGE_IN_HANDLING',
  'PILFERAGE',
  'OTHER',
] as const;
export const BAGGAGE_DELIVERY_STATUSES = ['ORDERED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;

const incident = {
  incidentId: field.id(),
  incidentNumber: z.string(),
  customerId: field.id(),
  tripId: field.id().nullable(),
  segmentId: field.id().nullable(),
  type: z.enum(INCIDENT_TYPES),
  category: z.enum(INCIDENT_CATEGORIES),
  severity: z.enum(INCIDENT_SEVERITIES),
};
const INCIDENT_PERSONAL_DATA = 'customerId (a pseudonymous id) so that crm and analysts can relate the incident to the customer; no description, places or names';

export const incidentOpened = defineEvent({
  type: 'incident.opened',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description: 'After-sales opened an in-trip incident case (flight disruption, baggage, accommodation, emergency) for a customer, on a trip and segment where known.',
  schema: z.object({ ...incident, openedBy: z.string(), openedAt: field.time(), occurredAt: field.time().nullable() }),
  key: (data) => data.incidentId,
  personalData: INCIDENT_PERSONAL_DATA,
});

export const incidentResolved = defineEvent({
  type: 'incident.resolved',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description: 'An incident case was resolved: the passenger was helped and the partners answered. Carries the counts, not the resolution text.',
  schema: z.object({ ...incident, resolvedBy: z.string(), resolvedAt: field.time(), openTasks: z.number().int().min(0), entitlementsComputed: z.number().int().min(0) }),
  key: (data) => data.incidentId,
  personalData: INCIDENT_PERSONAL_DATA,
});

export const incidentComplaintRaised = defineEvent({
  type: 'incident.complaint_raised',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description:
    'After-sales registers a complaint for an in-trip problem (T-1.5): the complaint service registers it and its resolution proposes the entitlements carried here, ' +
    'so an offer goes through the complaint’s one compensation mechanism, approval rule and crm’s ledger. Carries classifications, the computed entitlements and the article, never the passenger’s words.',
  schema: z.object({
    ...incident,
    /** The complaint taxonomy's category and urgency the complaint is registered with. */
    complaintCategory: z.enum(COMPLAINT_CATEGORIES),
    urgency: z.enum(COMPLAINT_URGENCIES),
    channel: z.enum(CONTACT_CHANNELS),
    /** The PNR or order number of the trip, when known. */
    bookingReference: z.string().nullable(),
    /** "LH 1234 FRA–MAD on 2026-11-20", the hotel's or segment's label; null without a segment. */
    segmentLabel: z.string().nullable(),
    occurredAt: field.time().nullable(),
    raisedBy: z.string(),
    raisedAt: field.time(),
    /** What to offer: each computed entitlement as an item of the complaint's compensation, with its legal basis. */
    proposedCompensation: z.array(
      z.object({
        entitlementId: field.id(),
        kind: z.enum(COMPENSATION_KINDS),
        amount: z.string().nullable(),
        currency: z.string().nullable(),
        quantity: z.number().int().positive().nullable(),
        regime: z.string(),
        legalBasis: z.string(),
        ruleVersion: z.string(),
      }),
    ),
  }),
  key: (data) => data.incidentId,
  personalData: `${INCIDENT_PERSONAL_DATA}; the booking reference, so the complaint can name the booking`,
});

const baggageFile = {
  baggageFileId: field.id(),
  /** Station + airline + 5 digits, e.g. PVGMU12345. */
  reference: z.string(),
  incidentId: field.id(),
  customerId: field.id(),
};

export const baggageFileOpened = defineEvent({
  type: 'baggage_file.opened',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description: 'A baggage file (property irregularity report) was opened for a delayed, damaged, pilfered or lost bag.',
  schema: z.object({ ...baggageFile, incidentType: z.enum(INCIDENT_TYPES), openedAt: field.time() }),
  key: (data) => data.incidentId,
  personalData: INCIDENT_PERSONAL_DATA,
});

export const baggageFileSuspended = defineEvent({
  type: 'baggage_file.suspended',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description: 'The bag of a baggage file was found: the trace is suspended until it is delivered or collected.',
  schema: z.object({ ...baggageFile, foundAt: field.time(), foundStation: z.string().nullable(), suspendedAt: field.time() }),
  key: (data) => data.incidentId,
  personalData: INCIDENT_PERSONAL_DATA,
});

export const baggageFileClosed = defineEvent({
  type: 'baggage_file.closed',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description: 'A baggage file was closed, recording its outcome, the reason for loss and the fault station.',
  schema: z.object({
    ...baggageFile,
    outcome: z.enum(BAGGAGE_FILE_OUTCOMES),
    lossReason: z.enum(BAGGAGE_LOSS_REASONS),
    faultStation: z.string(),
    closedAt: field.time(),
  }),
  key: (data) => data.incidentId,
  personalData: INCIDENT_PERSONAL_DATA,
});

export const baggageFileDeliveryUpdated = defineEvent({
  type: 'baggage_file.delivery_updated',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description: 'The delivery of a found bag to the passenger was ordered from a courier, or the courier reported a new status (once per update id).',
  schema: z.object({ ...baggageFile, deliveryId: field.id(), courier: z.string(), status: z.enum(BAGGAGE_DELIVERY_STATUSES), at: field.time() }),
  key: (data) => data.incidentId,
  personalData: `${INCIDENT_PERSONAL_DATA}; never the delivery address`,
});

export const entitlementComputed = defineEvent({
  type: 'entitlement.computed',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description:
    'The passenger-rights engine computed what the passenger is owed for an incident (EU261, UK261, Montreal Convention, US DOT): each entitlement with its amount, rule version and article.',
  schema: z.object({
    computationId: field.id(),
    incidentId: field.id(),
    customerId: field.id(),
    computedAt: field.time(),
    entitlements: z.array(
      z.object({
        entitlementId: field.id(),
        regime: z.string(),
        kind: z.string(),
        measure: z.string(),
        amount: z.string().nullable(),
        currency: z.string().nullable(),
        legalBasis: z.string(),
        ruleVersion: z.string(),
      }),
    ),
    notGranted: z.number().int().min(0),
  }),
  key: (data) => data.incidentId,
  personalData: INCIDENT_PERSONAL_DATA,
});

export const partnerTaskOverdue = defineEvent({
  type: 'partner_task.overdue',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesIncident,
  description: 'A coordination task of an incident (hotel, ground handler, courier, insurer, a department) passed its due time unanswered; announced once per due time.',
  schema: z.object({
    taskId: field.id(),
    incidentId: field.id(),
    partnerKind: z.enum(PARTNER_KINDS),
    ownerId: z.string(),
    dueAt: field.time(),
    overdueAt: field.time(),
  }),
  key: (data) => data.incidentId,
  personalData: 'none: ids, the partner kind and the owner (a staff id)',
});
