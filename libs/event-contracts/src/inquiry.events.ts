import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_URGENCIES, MESSAGE_DIRECTIONS } from './complaint-taxonomy';
import { customerOrContact, defineEvent, field } from './contract';
import { defineCustomerExportPrepared } from './customer-export';
import { INQUIRY_CHANNELS, ORDER_CHANGE_KINDS, ORDER_CHANGE_OUTCOMES, RESPONSE_TARGETS } from './inquiry-taxonomy';
import { TOPICS } from './topics';

const channel = z.enum(INQUIRY_CHANNELS);

export const inquiryReceived = defineEvent({
  type: 'inquiry.received',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'An inquiry arrived on a channel (T-1.1) with its first-response deadline (A-3.1.1).',
  schema: z.object({
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    channel,
    category: z.string(),
    receivedAt: field.time(),
    firstResponseDueAt: field.time(),
    subject: z.string().optional(),
    message: z.string().nullable().optional(),
  }),
  key: (data) => data.inquiryId,
  personalData:
    "customerId (pseudonymous) when the customer is known, for the interaction history; subject and message are the customer's words, from which training suggests knowledge-base articles (it keeps them with personal data removed)",
  encrypted: { fields: ['subject', 'message'], subject: (data) => customerOrContact(data.customerId, data.inquiryId) },
});

export const inquiryCustomerWrote = defineEvent({
  type: 'inquiry.customer_wrote',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: "The customer wrote again on an open inquiry; training refreshes the inquiry's suggested articles from it.",
  schema: z.object({
    inquiryId: field.id(),
    category: z.string(),
    body: z.string(),
    receivedAt: field.time(),
    /** Whose key encrypts body; absent in events published before it was carried. */
    customerId: field.id().nullable().optional(),
  }),
  key: (data) => data.inquiryId,
  personalData: "body is the customer's words, from which training suggests articles (it keeps them with personal data removed)",
  encrypted: { fields: ['body'], subject: (data) => customerOrContact(data.customerId, data.inquiryId) },
});

export const inquiryFirstResponded = defineEvent({
  type: 'inquiry.first_responded',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'The first reply to an inquiry (or the answered call) with the response time and whether it met the target.',
  schema: z.object({
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    channel,
    respondedBy: z.string(),
    respondedAt: field.time(),
    firstResponseSeconds: z.number().min(0),
    withinTarget: z.boolean(),
  }),
  key: (data) => data.inquiryId,
  personalData: 'none',
});

export const inquiryReplied = defineEvent({
  type: 'inquiry.replied',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'An agent replied to the customer on a written inquiry (A-3.1.4): the communication service sends the reply, threaded so that the answer comes back to the inquiry.',
  schema: z.object({
    inquiryId: field.id(),
    messageId: field.id(),
    customerId: field.id().nullable(),
    channel,
    subject: z.string(),
    body: z.string(),
    /** The address the inquiry came from, for a customer crm does not know yet. */
    contactEmail: z.string().nullable(),
    contactName: z.string().nullable(),
    repliedAt: field.time(),
  }),
  key: (data) => data.inquiryId,
  personalData: "body is the reply written to the customer and subject the customer's words; contactEmail and contactName reach a customer crm does not know: the communication service needs them to send the reply",
  encrypted: { fields: ['subject', 'body', 'contactEmail', 'contactName'], subject: (data) => customerOrContact(data.customerId, data.inquiryId) },
});

export const inquirySlaBreached = defineEvent({
  type: 'inquiry.sla_breached',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'An inquiry passed its response target (A-3.1.1); emitted once per breach.',
  schema: z.object({
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    channel,
    target: z.enum(RESPONSE_TARGETS),
    dueAt: field.time(),
    breachedAt: field.time(),
  }),
  key: (data) => data.inquiryId,
  personalData: 'none',
});

export const inquirySlaAtRisk = defineEvent({
  type: 'inquiry.sla_at_risk',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'An inquiry is in the last part of the time for its running response target (INQUIRY_AT_RISK_PERCENT), still unmet; emitted once per target and due time, before any breach.',
  schema: z.object({
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    channel,
    target: z.enum(RESPONSE_TARGETS),
    dueAt: field.time(),
    detectedAt: field.time(),
    assigneeId: z.string().nullable(),
  }),
  key: (data) => data.inquiryId,
  personalData: 'none',
});

export const inquiryClosed = defineEvent({
  type: 'inquiry.closed',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: "An inquiry was closed with the customer's satisfaction (A-3.1.5), or the reason it could not be asked.",
  schema: z.object({
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    channel,
    category: z.string(),
    closedBy: z.string(),
    closedAt: field.time(),
    satisfied: z.boolean().nullable(),
    satisfactionScore: z.number().int().min(1).max(5).nullable(),
    dissatisfactionReason: z.string().nullable(),
    closedWithoutSatisfactionReason: z.string().nullable(),
    handlingSeconds: z.number().min(0),
    subject: z.string().optional(),
    conversation: z.array(z.object({ direction: z.enum(['INBOUND', 'OUTBOUND']), body: z.string() })).optional(),
    contactName: z.string().nullable().optional(),
  }),
  key: (data) => data.inquiryId,
  personalData:
    "dissatisfactionReason is the customer's words, for satisfaction analysis (A-3.3.1); subject and conversation (the customer's messages and the replies) let training draft an article from the solved case, and contactName lets it remove the name from that text — it keeps neither the name nor the unredacted text",
  encrypted: { fields: ['dissatisfactionReason', 'subject', 'conversation', 'contactName'], subject: (data) => customerOrContact(data.customerId, data.inquiryId) },
});

export const inquiryReopened = defineEvent({
  type: 'inquiry.reopened',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'A closed inquiry was reopened.',
  schema: z.object({
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    reopenedBy: z.string(),
    reopenedAt: field.time(),
    reason: z.string(),
  }),
  key: (data) => data.inquiryId,
  personalData: 'none',
});

export const inquiryEscalated = defineEvent({
  type: 'inquiry.escalated',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description:
    'An inquiry turned into a complaint. The complaint service registers the complaint from this event, linked to the inquiry and carrying its conversation, so nobody types it again.',
  schema: z.object({
    inquiryId: field.id(),
    customerId: field.id(),
    escalatedBy: z.string(),
    escalatedAt: field.time(),
    channel,
    category: z.enum(COMPLAINT_CATEGORIES),
    urgency: z.enum(COMPLAINT_URGENCIES),
    description: z.string().min(1),
    occurredAt: field.time().nullable(),
    /** The complaint's id, assigned by inquiry when escalating: the complaint service registers the complaint under it. Absent in events published before it was carried. */
    complaintId: field.id().optional(),
    /** Flight number, upper case without spaces (e.g. NH204). */
    flightNumber: z.string().nullable().optional(),
    /** Where it happened. */
    location: z.string().nullable().optional(),
    /** Booking reference (PNR), upper case. */
    bookingReference: z.string().nullable().optional(),
    conversation: z.array(
      z.object({
        direction: z.enum(MESSAGE_DIRECTIONS),
        authorId: z.string().nullable(),
        at: field.time(),
        body: z.string(),
      }),
    ),
  }),
  key: (data) => data.inquiryId,
  personalData: "description and conversation are the customer's words: the complaint service needs them to register the complaint as told (A-3.2.1)",
  encrypted: { fields: ['description', 'location', 'conversation'], subject: (data) => data.customerId },
});

export const orderChangeRequested = defineEvent({
  type: 'order_change.requested',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'A change, cancellation or confirmation of a booking was requested (T-1.2).',
  schema: z.object({
    orderChangeId: field.id(),
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    bookingReference: z.string(),
    kind: z.enum(ORDER_CHANGE_KINDS),
    requestedBy: z.string(),
    requestedAt: field.time(),
  }),
  key: (data) => data.inquiryId,
  personalData: 'none',
});

export const orderChangeCompleted = defineEvent({
  type: 'order_change.completed',
  version: 1,
  producer: 'inquiry',
  topic: TOPICS.inquiry,
  description: 'An order change request was done or rejected (with the reason).',
  schema: z.object({
    orderChangeId: field.id(),
    inquiryId: field.id(),
    customerId: field.id().nullable(),
    bookingReference: z.string(),
    kind: z.enum(ORDER_CHANGE_KINDS),
    outcome: z.enum(ORDER_CHANGE_OUTCOMES),
    reason: z.string().nullable(),
    completedBy: z.string(),
    completedAt: field.time(),
  }),
  key: (data) => data.inquiryId,
  personalData: 'none',
});

export const inquiryCustomerExportPrepared = defineCustomerExportPrepared('inquiry', TOPICS.inquiryCustomerExport);
