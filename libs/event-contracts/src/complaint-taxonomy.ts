/**
 * The complaint taxonomy, declared once: the complaint service classifies complaints with
 * it, inquiry escalates inquiries into it, and the contracts carry it. A new value is added here
 * (and to the complaint service's Postgres enum type by a migration); an event contract that
 * carries the list then documents the new value.
 */

/** What a complaint is about. */
export const COMPLAINT_CATEGORIES = [
  'FLIGHT_DELAY_CANCELLATION',
  'BAGGAGE',
  'REFUND',
  'TICKETING',
  'STAFF_CONDUCT',
  'ACCOMMODATION',
  'ITINERARY_CHANGE',
  'VISA_DOCUMENTS',
  'OTHER',
] as const;
export type ComplaintCategoryValue = (typeof COMPLAINT_CATEGORIES)[number];

/** How urgent a complaint is; it sets the feedback deadline. */
export const COMPLAINT_URGENCIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type UrgencyValue = (typeof COMPLAINT_URGENCIES)[number];

/** How the customer reached the department with a complaint. */
export const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'WEB_FORM', 'IN_PERSON', 'SOCIAL_MEDIA'] as const;
export type ContactChannelValue = (typeof CONTACT_CHANNELS)[number];

/** Who a message of a conversation is from: the customer, the department, or an internal note. */
export const MESSAGE_DIRECTIONS = ['INBOUND', 'OUTBOUND', 'NOTE'] as const;
export type MessageDirectionValue = (typeof MESSAGE_DIRECTIONS)[number];

/** The forms of compensation a complaint can end with (T-1.5). */
export const COMPENSATION_KINDS = ['REFUND', 'VOUCHER', 'LOYALTY_POINTS', 'MILES', 'SERVICE_GESTURE'] as const;
export type CompensationKindValue = (typeof COMPENSATION_KINDS)[number];

/** The deadlines a complaint runs against: the feedback target, and the US DOT's (14 CFR 259.7). */
export const COMPLAINT_DEADLINES = ['FEEDBACK', 'DOT_ACKNOWLEDGMENT', 'DOT_RESPONSE'] as const;
export type ComplaintDeadlineValue = (typeof COMPLAINT_DEADLINES)[number];
