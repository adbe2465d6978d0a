import { defineCustomerRecords, KeyAccountTerms, recordKind } from '@carebridge/known-customers';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { recordHistory } from '../inquiry/inquiry-history';
import { Inquiry, InquiryHistoryEntry, InquiryMessage } from '../inquiry/inquiry.entity';
import { InquiryHistoryKind } from '../inquiry/inquiry.enums';
import { SlaBreach } from '../inquiry/sla-breach.entity';
import { OrderChange } from '../order-change/order-change.entity';

/**
 * The inquiry service's records about a customer: every inquiry from them on every channel
 * (merged ones included), the whole conversation, the history, the response deadlines missed and
 * the order changes asked for. From this the customer-records port re-points them when crm merges
 * the customer, anonymises them when crm erases the customer, and writes the customer's part of a
 * data export. Erasure removes their names, contact details and words.
 */
export const inquiryCustomerRecords = defineCustomerRecords([
  recordKind(Inquiry, {
    section: 'inquiries',
    belongsTo: { customer: 'customerId' },
    order: { receivedAt: 'ASC', id: 'ASC' },
    erase: {
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      subject: 'placeholder',
      dissatisfactionReason: 'placeholder',
      // TEXT custom fields may hold what the customer said; numbers, dates and choices stay.
      customFields: () => `(SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(custom_fields) AS e WHERE e.key IN (SELECT key FROM custom_field_definition WHERE kind <> 'TEXT'))`,
    },
    touch: { updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
    async afterAnonymise(ids, { at }, manager) {
      for (const id of ids) await recordHistory(manager, id, InquiryHistoryKind.ANONYMISED, 'The customer was erased: names, contact details and messages removed', null, at);
    },
  }),
  // A message moved by a merge keeps the inquiry it was written in, so both ways lead to the customer's words.
  recordKind(InquiryMessage, {
    section: 'messages',
    belongsTo: { parent: 'inquiries', via: ['inquiryId', 'originalInquiryId'] },
    order: { sentAt: 'ASC', sequence: 'ASC' },
    omit: ['sequence'],
    // Agents keep their names; the customer's goes.
    erase: { body: 'placeholder', authorName: () => 'CASE WHEN author_id IS NULL THEN NULL ELSE author_name END' },
  }),
  recordKind(InquiryHistoryEntry, { section: 'history', belongsTo: { parent: 'inquiries', via: ['inquiryId', 'originalInquiryId'] }, order: { at: 'ASC', sequence: 'ASC' }, omit: ['sequence'] }),
  recordKind(SlaBreach, { section: 'missedResponseTargets', belongsTo: { parent: 'inquiries', via: 'inquiryId' }, order: { dueAt: 'ASC' } }),
  recordKind(OrderChange, { section: 'orderChanges', belongsTo: { customer: 'customerId' }, order: { requestedAt: 'ASC', id: 'ASC' }, omit: ['version'], erase: { requestedChanges: 'placeholder' } }),
  // Which key-account response time applied to the customer's inquiries; no personal data.
  recordKind(KeyAccountTerms, { section: 'serviceTerms', belongsTo: { customer: 'customerId' }, order: { changedAt: 'ASC', id: 'ASC' }, omit: ['id'] }),
  recordKind(PersonalDataAccess, {
    section: 'personalDataAccess',
    belongsTo: { customer: 'customerId' },
    order: { accessedAt: 'ASC', id: 'ASC' },
    // One GraphQL request's id: bookkeeping, `requestId` correlates with the logs.
    omit: ['readId'],
  }),
]);
