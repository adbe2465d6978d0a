import { defineCustomerRecords, KeyAccountTerms, recordKind } from '@carebridge/known-customers';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { ComplaintAttachment } from '../attachment/complaint-attachment.entity';
import type { ComplaintAttachments } from '../attachment/complaint-attachments';
import { ComplaintClosure } from '../complaint/complaint-closure.entity';
import { ComplaintFeedback } from '../complaint/complaint-feedback.entity';
import { Complaint } from '../complaint/complaint.entity';
import { ConversationMessage } from '../complaint/conversation-message.entity';
import { type ComplaintHistory, SYSTEM_ACTOR } from '../history/complaint-history';
import { ComplaintHistoryEntry } from '../history/complaint-history.entity';
import { ComplaintAction } from '../history/complaint-history.enums';
import { ComplaintNote } from '../note/complaint-note.entity';
import { CompensationItem } from '../resolution/compensation-item.entity';

/** What erasure anonymises, as the timeline records it. */
const ANONYMISED = ['description', 'location', 'bookingReference', 'peopleInvolved', 'attachments', 'resolutionExplanation', 'feedback', 'satisfactionComment', 'conversation', 'notes', 'files'];

/**
 * The complaint service's records about a customer: every complaint about them (re-pointed from
 * merged profiles) with everything recorded on it. Erasure anonymises the customer's words, the
 * places and people tied to them, the feedback sent to them and their satisfaction comments; ids,
 * classification, dates and amounts stay for statistics (T-3.5). The timeline records both.
 */
export function complaintCustomerRecords(history: ComplaintHistory, attachments: Pick<ComplaintAttachments, 'erase'>) {
  return defineCustomerRecords([
    recordKind(Complaint, {
      section: 'complaints',
      belongsTo: { customer: 'customerId' },
      order: { createdAt: 'ASC', id: 'ASC' },
      omit: ['version'],
      erase: {
        description: 'placeholder',
        location: null,
        bookingReference: null,
        resolutionExplanation: 'placeholder',
        // TEXT custom fields may hold what the customer said; numbers, dates and choices stay.
        customFields: () => `(SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(custom_fields) AS e WHERE e.key IN (SELECT key FROM custom_field_definition WHERE kind <> 'TEXT'))`,
        // The customer and other people keep their kind and lose name and detail; staff, flights, hotels lose the detail.
        peopleInvolved: (placeholder) => `(
          SELECT COALESCE(jsonb_agg(
            CASE WHEN p->>'kind' IN ('CUSTOMER', 'OTHER') THEN jsonb_build_object('kind', p->'kind', 'name', ${placeholder}, 'detail', NULL)
                 ELSE p || jsonb_build_object('detail', NULL) END ORDER BY n), '[]'::jsonb)
          FROM jsonb_array_elements(people_involved) WITH ORDINALITY AS e(p, n))`,
        attachments: (placeholder) => `(
          SELECT COALESCE(jsonb_agg(jsonb_build_object('name', ${placeholder}, 'contentType', a->'contentType', 'url', ${placeholder}) ORDER BY n), '[]'::jsonb)
          FROM jsonb_array_elements(attachments) WITH ORDINALITY AS e(a, n))`,
      },
      touch: { version: 'version', updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
      async afterRepoint(ids, { mergedId, survivorId, at }, manager) {
        for (const id of ids) {
          await history.record(manager, id, { action: ComplaintAction.CUSTOMER_MERGED, actor: SYSTEM_ACTOR, at, changes: { customerId: { from: mergedId, to: survivorId } } });
        }
      },
      async afterAnonymise(ids, { at }, manager) {
        await attachments.erase(manager, ids, at);
        for (const id of ids) {
          await history.record(manager, id, { action: ComplaintAction.ANONYMISED, actor: SYSTEM_ACTOR, at, changes: { anonymised: { to: ANONYMISED } }, reason: 'customer erased' });
        }
      },
    }),
    recordKind(ConversationMessage, { section: 'conversationMessages', belongsTo: { parent: 'complaints', via: 'complaintId' }, order: { at: 'ASC', id: 'ASC' }, erase: { body: 'placeholder' } }),
    recordKind(ComplaintFeedback, {
      section: 'feedback',
      belongsTo: { parent: 'complaints', via: 'complaintId' },
      order: { givenAt: 'ASC', id: 'ASC' },
      erase: { actionsTaken: 'placeholder', nextSteps: 'placeholder', sentTo: null },
    }),
    recordKind(CompensationItem, { section: 'compensationItems', belongsTo: { parent: 'complaints', via: 'complaintId' }, order: { proposedAt: 'ASC', id: 'ASC' } }),
    recordKind(ComplaintClosure, { section: 'closures', belongsTo: { parent: 'complaints', via: 'complaintId' }, order: { closedAt: 'ASC', id: 'ASC' }, erase: { satisfactionComment: null } }),
    // The files themselves leave the storage on erasure (afterAnonymise above); the rows keep type, size and dates.
    recordKind(ComplaintAttachment, { section: 'files', belongsTo: { parent: 'complaints', via: 'complaintId' }, order: { uploadExpiresAt: 'ASC', id: 'ASC' }, erase: { name: 'placeholder' } }),
    recordKind(ComplaintNote, { section: 'notes', belongsTo: { parent: 'complaints', via: 'complaintId' }, order: { writtenAt: 'ASC', id: 'ASC' }, erase: { body: 'placeholder' } }),
    recordKind(ComplaintHistoryEntry, { section: 'history', belongsTo: { parent: 'complaints', via: 'complaintId' }, order: { at: 'ASC', id: 'ASC' } }),
    // The key-account terms crm announced for the customer: ids and a number, nothing to blank.
    recordKind(KeyAccountTerms, { section: 'serviceTerms', belongsTo: { customer: 'customerId' }, order: { changedAt: 'ASC', id: 'ASC' }, omit: ['id'] }),
    // Who read the customer's unmasked feedback addresses: part of their export, kept through an erasure.
    recordKind(PersonalDataAccess, {
      section: 'personalDataAccess',
      belongsTo: { customer: 'customerId' },
      order: { accessedAt: 'ASC', id: 'ASC' },
      // One GraphQL request's id: bookkeeping, `requestId` correlates with the logs.
      omit: ['readId'],
    }),
  ]);
}
