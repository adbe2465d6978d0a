import { COMPLAINT_CATEGORIES, COMPLAINT_URGENCIES, enumOf, type EnumValue, MESSAGE_DIRECTIONS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** What the inquiry is about. */
export enum InquiryCategory {
  FLIGHT_INFO = 'FLIGHT_INFO',
  TICKETING = 'TICKETING',
  BAGGAGE = 'BAGGAGE',
  SPECIAL_SERVICES = 'SPECIAL_SERVICES',
  PRODUCT = 'PRODUCT',
  PRICE = 'PRICE',
  ITINERARY = 'ITINERARY',
  VISA = 'VISA',
  INSURANCE = 'INSURANCE',
  ORDER_CHANGE = 'ORDER_CHANGE',
  OTHER = 'OTHER',
}

/**
 * NEW: waiting for its first response. OPEN: the customer waits for us. WAITING_ON_CUSTOMER: we
 * answered, the customer has the next word (no reply target runs). CLOSED, MERGED (into another
 * inquiry) and ESCALATED (handed to the complaint service) end the inquiry's handling.
 * Which status may follow which: inquiry-lifecycle.ts.
 */
export enum InquiryStatus {
  NEW = 'NEW',
  OPEN = 'OPEN',
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  ESCALATED = 'ESCALATED',
  CLOSED = 'CLOSED',
  MERGED = 'MERGED',
}

/** Statuses in which an inquiry is being handled, and so counts against its agent's capacity. */
export const ACTIVE_STATUSES = [InquiryStatus.NEW, InquiryStatus.OPEN, InquiryStatus.WAITING_ON_CUSTOMER] as const;

/** INBOUND from the customer, OUTBOUND to the customer, NOTE internal (the values complaint's conversations use too). */
export const MessageDirection = enumOf(MESSAGE_DIRECTIONS);
export type MessageDirection = EnumValue<typeof MessageDirection>;

export enum TravelMaterialKind {
  ITINERARY = 'ITINERARY',
  VISA_GUIDE = 'VISA_GUIDE',
  INSURANCE_NOTE = 'INSURANCE_NOTE',
  TRAVEL_NOTE = 'TRAVEL_NOTE',
}

export enum InquiryHistoryKind {
  RECEIVED = 'RECEIVED',
  ANSWERED = 'ANSWERED',
  FIRST_RESPONDED = 'FIRST_RESPONDED',
  SLA_BREACHED = 'SLA_BREACHED',
  ASSIGNED = 'ASSIGNED',
  CUSTOMER_LINKED = 'CUSTOMER_LINKED',
  MERGED = 'MERGED',
  ORDER_CHANGE_REQUESTED = 'ORDER_CHANGE_REQUESTED',
  ORDER_CHANGE_UPDATED = 'ORDER_CHANGE_UPDATED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  ESCALATED = 'ESCALATED',
  COMPLAINT_LINKED = 'COMPLAINT_LINKED',
  ANONYMISED = 'ANONYMISED',
  COMPLAINT_CLOSED = 'COMPLAINT_CLOSED',
  COMPLAINT_REOPENED = 'COMPLAINT_REOPENED',
  CATEGORY_CORRECTED = 'CATEGORY_CORRECTED',
  PRIORITY_CHANGED = 'PRIORITY_CHANGED',
  TAGS_CHANGED = 'TAGS_CHANGED',
  RING_TIMES_REPORTED = 'RING_TIMES_REPORTED',
  CUSTOM_FIELDS_CHANGED = 'CUSTOM_FIELDS_CHANGED',
}

/** How pressing the inquiry is, as the agent judges it; the queue puts the higher first among the same deadline. */
export enum InquiryPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

/**
 * Where the complaint an inquiry was escalated to stands, as the complaint service announced it:
 * REQUESTED until `complaint.registered` arrives, then REGISTERED, CLOSED and REOPENED.
 */
export enum ComplaintProgress {
  REQUESTED = 'REQUESTED',
  REGISTERED = 'REGISTERED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
}

/** The complaint taxonomy, as the complaint service registers an escalated inquiry from `inquiry.escalated`. */
export const EscalationCategory = enumOf(COMPLAINT_CATEGORIES);
export type EscalationCategory = EnumValue<typeof EscalationCategory>;
export const EscalationUrgency = enumOf(COMPLAINT_URGENCIES);
export type EscalationUrgency = EnumValue<typeof EscalationUrgency>;

registerEnumType(InquiryCategory, { name: 'InquiryCategory', description: 'What the inquiry is about (A-3.1.3).' });
registerEnumType(InquiryStatus, { name: 'InquiryStatus' });
registerEnumType(InquiryPriority, { name: 'InquiryPriority' });
registerEnumType(MessageDirection, { name: 'MessageDirection', description: "INBOUND from the customer, OUTBOUND to the customer, NOTE internal." });
registerEnumType(TravelMaterialKind, { name: 'TravelMaterialKind', description: 'Travel material an answer can attach (T-1.3).' });
registerEnumType(InquiryHistoryKind, { name: 'InquiryHistoryKind' });
registerEnumType(ComplaintProgress, {
  name: 'ComplaintProgress',
  description: 'REQUESTED: handed to the complaint service, not registered yet; REGISTERED; CLOSED; REOPENED (after it was closed).',
});
// Own GraphQL names, not the complaint subgraph's enums: each subgraph's schema can change on its own.
registerEnumType(EscalationCategory, { name: 'EscalationCategory', description: 'The complaint category the escalated case is registered under.' });
registerEnumType(EscalationUrgency, { name: 'EscalationUrgency' });
