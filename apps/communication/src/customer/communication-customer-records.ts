import { defineCustomerRecords, recordKind } from '@carebridge/known-customers';
import { CustomerCase } from '../case/customer-case.entity';
import { CustomerConsent } from '../customer-contact/customer-consent.entity';
import { CustomerContact } from '../customer-contact/customer-contact.entity';
import { Delivery } from '../delivery/delivery.entity';
import { InboundAttachment } from '../inbound/inbound-attachment.entity';
import { InboundMessage } from '../inbound/inbound-message.entity';
import { PersonalDataAccess } from '@carebridge/personal-data-access';

/**
 * communication's records about a customer: the contact it reaches them with (name, e-mail, phone,
 * language), their consents, the cases it wrote about, every message sent to them and every mail
 * they sent. Erasure removes names, addresses and words; ids, templates, statuses and times stay.
 */
export const communicationCustomerRecords = defineCustomerRecords([
  recordKind(CustomerContact, {
    section: 'contacts',
    belongsTo: { customer: 'customerId' },
    order: { changedAt: 'ASC', id: 'ASC' },
    erase: { name: null, email: null, phone: null },
    touch: { anonymisedAt: 'anonymisedAt' },
  }),
  recordKind(CustomerConsent, { section: 'consents', belongsTo: { customer: 'customerId' }, order: { purpose: 'ASC', channel: 'ASC', id: 'ASC' } }),
  recordKind(CustomerCase, { section: 'cases', belongsTo: { customer: 'customerId' }, order: { openedAt: 'ASC', id: 'ASC' } }),
  recordKind(Delivery, {
    section: 'deliveries',
    belongsTo: { customer: 'customerId' },
    order: { queuedAt: 'ASC', id: 'ASC' },
    erase: { address: null, subject: 'placeholder', body: 'placeholder' },
    touch: { anonymisedAt: 'anonymisedAt' },
  }),
  recordKind(InboundMessage, {
    section: 'inboundMessages',
    belongsTo: { customer: 'customerId' },
    order: { receivedAt: 'ASC', id: 'ASC' },
    omit: ['headerMessageId'],
    erase: { fromAddress: 'placeholder', fromName: null, subject: 'placeholder', body: 'placeholder' },
    touch: { anonymisedAt: 'anonymisedAt' },
  }),
  recordKind(InboundAttachment, {
    section: 'inboundAttachments',
    belongsTo: { parent: 'inboundMessages', via: 'inboundMessageId' },
    order: { fileName: 'ASC', id: 'ASC' },
    // The export lists the files; their content stays in the service's storage.
    omit: ['content'],
    erase: { fileName: 'placeholder', content: null },
  }),
  // Who read the messages sent to the customer unmasked: part of their export, kept through an erasure.
  recordKind(PersonalDataAccess, {
    section: 'personalDataAccess',
    belongsTo: { customer: 'customerId' },
    order: { accessedAt: 'ASC', id: 'ASC' },
    // One GraphQL request's id: bookkeeping, `requestId` correlates with the logs.
    omit: ['readId'],
  }),
]);
