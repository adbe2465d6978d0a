import { z } from 'zod';
import { defineEvent, field } from './contract';
import { TOPICS } from './topics';

/**
 * The papers customers ask after-sales for (T-4.2), declared once for the service's enum, its
 * Postgres enum type and these contracts: an e-invoice with its embedded EN 16931 data, a credit note
 * correcting one, a travel certificate for insurers and employers, the record of an official Chinese
 * e-fapiao issued by the tax platform, and other papers.
 */
export const DOCUMENT_TYPES = ['E_INVOICE', 'CREDIT_NOTE', 'TRAVEL_CERTIFICATE', 'E_FAPIAO', 'OTHER'] as const;
export type DocumentTypeValue = (typeof DOCUMENT_TYPES)[number];

/** How an issued document reached the customer. */
export const DOCUMENT_DELIVERY_CHANNELS = ['EMAIL', 'POST', 'CUSTOMER_PORTAL', 'IN_PERSON'] as const;

const documentType = z.enum(DOCUMENT_TYPES);

export const documentRequested = defineEvent({
  type: 'document.requested',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesDocument,
  description: 'A customer asked for a document (T-4.2); it is due by dueAt. Ids and the type only, never what the customer wrote.',
  schema: z.object({
    documentId: field.id(),
    customerId: field.id(),
    tripId: field.id().nullable(),
    type: documentType,
    /** The invoice a requested credit note corrects. */
    correctsDocumentId: field.id().nullable(),
    requestedBy: z.string(),
    requestedAt: field.time(),
    dueAt: field.time(),
  }),
  key: (data) => data.documentId,
  personalData: 'customerId (a pseudonymous id) so consumers can count requests per customer',
});

export const documentIssued = defineEvent({
  type: 'document.issued',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesDocument,
  description:
    'A requested document was issued: rendered and stored (invoice, credit note, travel certificate) or recorded from its issuer (e-fapiao, other papers). ' +
    'Carries ids, the type and the document number, not its contents or amounts.',
  schema: z.object({
    documentId: field.id(),
    customerId: field.id(),
    tripId: field.id().nullable(),
    type: documentType,
    /** The invoice or credit-note number in its issuer’s series, the e-fapiao number; null for certificates and other papers. */
    documentNumber: z.string().nullable(),
    issuerId: z.string().nullable(),
    correctsDocumentId: field.id().nullable(),
    issuedBy: z.string(),
    issuedAt: field.time(),
    /** On time: issued by the request's due time. */
    withinDueTime: z.boolean(),
  }),
  key: (data) => data.documentId,
  personalData: 'customerId (a pseudonymous id)',
});

export const documentSent = defineEvent({
  type: 'document.sent',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesDocument,
  description: 'An issued document was sent to the customer; the address it went to stays in the after-sales service.',
  schema: z.object({
    documentId: field.id(),
    customerId: field.id(),
    type: documentType,
    channel: z.enum(DOCUMENT_DELIVERY_CHANNELS),
    sentBy: z.string(),
    sentAt: field.time(),
  }),
  key: (data) => data.documentId,
  personalData: 'customerId (a pseudonymous id)',
});

export const documentRefused = defineEvent({
  type: 'document.refused',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.afterSalesDocument,
  description: 'A document request was refused; the reason given to the customer stays in the after-sales service.',
  schema: z.object({
    documentId: field.id(),
    customerId: field.id(),
    type: documentType,
    refusedBy: z.string(),
    refusedAt: field.time(),
  }),
  key: (data) => data.documentId,
  personalData: 'customerId (a pseudonymous id)',
});
