import { z } from 'zod';
import { customerOrContact, defineEvent, field } from './contract';
import { defineCustomerExportPrepared } from './customer-export';
import { TOPICS } from './topics';

// ---------------------------------------------------------------------------------------------
// Customer communication: what was sent to whom and how it went, and what customers wrote
// back. Outbound events carry ids and classifications; the customer's words travel only in
// inbound_message.received, to the services that thread them onto their inquiry or complaint.
// ---------------------------------------------------------------------------------------------

/** The channels communication sends on. */
export const MESSAGE_CHANNELS = ['EMAIL', 'SMS', 'IN_APP'] as const;
export type MessageChannelValue = (typeof MESSAGE_CHANNELS)[number];

/** Why a message is sent: service messages always go out, follow-ups and marketing need the customer's consent. */
export const MESSAGE_PURPOSES = ['SERVICE', 'FOLLOW_UP', 'MARKETING'] as const;
export type MessagePurposeValue = (typeof MESSAGE_PURPOSES)[number];

/** The cases a customer's message can be threaded onto. */
export const THREAD_KINDS = ['INQUIRY', 'COMPLAINT'] as const;
export type ThreadKindValue = (typeof THREAD_KINDS)[number];

const delivery = {
  deliveryId: field.id(),
  /** The event the message tells of: one delivery per event, template and recipient. */
  causeEventId: field.id(),
  templateKey: z.string(),
  templateVersion: z.number().int().positive(),
  channel: z.enum(MESSAGE_CHANNELS),
  purpose: z.enum(MESSAGE_PURPOSES),
  /** The customer it went to (null for a message to staff). */
  customerId: field.id().nullable(),
  /** The staff user it went to (null for a message to a customer). */
  staffUserId: z.string().nullable(),
};

export const notificationSent = defineEvent({
  type: 'notification.sent',
  version: 1,
  producer: 'communication',
  topic: TOPICS.notification,
  description: 'A message to a customer or staff member was handed to its channel (the SMTP server, the SMS provider). Ids and the template only.',
  schema: z.object({ ...delivery, attempts: z.number().int().positive(), sentAt: field.time() }),
  key: (data) => data.deliveryId,
  personalData: 'customerId (pseudonymous); never the address or the text',
});

export const notificationFailed = defineEvent({
  type: 'notification.failed',
  version: 1,
  producer: 'communication',
  topic: TOPICS.notification,
  description:
    'A message could not be delivered: every attempt failed (FAILED), the recipient has no address on any channel (FAILED, attempts 0), or the receiving server bounced it (BOUNCED).',
  schema: z.object({
    ...delivery,
    status: z.enum(['FAILED', 'BOUNCED']),
    attempts: z.number().int().min(0),
    /** A short reason without personal data: the SMTP reply code and class, "no address", the DSN status. */
    reason: z.string(),
    failedAt: field.time(),
  }),
  key: (data) => data.deliveryId,
  personalData: 'customerId (pseudonymous); the reason names no address',
});

export const inboundMessageReceived = defineEvent({
  type: 'inbound_message.received',
  version: 1,
  producer: 'communication',
  topic: TOPICS.inboundMessage,
  description:
    'A customer wrote to the support address. thread names the inquiry or complaint it answers (from the reply address or its In-Reply-To/References headers); without one, the inquiry service opens an inquiry on the EMAIL channel. ' +
    'The text is the new part only (quoted text trimmed); auto-replies and mail loops never become this event.',
  schema: z.object({
    messageId: field.id(),
    channel: z.literal('EMAIL'),
    receivedAt: field.time(),
    /** The crm customer the sender's address belongs to, if it is known. */
    customerId: field.id().nullable(),
    from: z.object({ address: z.string(), name: z.string().nullable() }),
    thread: z.object({ kind: z.enum(THREAD_KINDS), id: field.id() }).nullable(),
    subject: z.string(),
    body: z.string(),
    /** Kept by communication (content in its storage); listed here so the case can show them. */
    attachments: z.array(z.object({ attachmentId: field.id(), fileName: z.string(), contentType: z.string(), size: z.number().int().min(0) })),
  }),
  // Keyed by the case it threads onto, so answers to one case arrive in order; a new case by its own message.
  key: (data) => data.thread?.id ?? data.messageId,
  personalData: "from (the sender's address and name), subject, body and the attachments' names are the customer's: the inquiry and complaint services need them to record the message on the case",
  encrypted: { fields: ['from', 'subject', 'body', 'attachments'], subject: (data) => customerOrContact(data.customerId, data.messageId) },
});

/** communication's part of a customer data export: the contact it holds, consents, deliveries and inbound mail. */
export const communicationCustomerExportPrepared = defineCustomerExportPrepared('communication', TOPICS.communicationCustomerExport);
