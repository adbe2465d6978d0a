import { type CustomerRecordKind, recordKind } from '@carebridge/known-customers';
import { BaggageDelivery, BaggageDeliveryUpdate, BaggageFile } from './baggage/baggage-file.entity';
import { IncidentDeadline, IncidentEntitlement, IncidentEntitlementComputation } from './entitlement/incident-entitlement.entity';
import { Incident, IncidentTimelineEntry } from './incident.entity';
import { PartnerTask } from './partner-task/partner-task.entity';

/**
 * The incidents part of after-sales' customer records (after-sales-customer-records.ts lists them):
 * each incident of the customer with its timeline, baggage file, deliveries and courier updates,
 * partner tasks and computed entitlements.
 *
 * Erasure replaces the words of the passenger, staff and partners — the incident's description and
 * resolution, timeline notes, what a partner was asked and answered, the bag's description, the
 * courier's remarks — and the delivery address, and drops where it happened. Types, severities,
 * times, references, entitlements and amounts stay for figures and for the carrier's claims.
 */
export function incidentCustomerRecordKinds(): CustomerRecordKind[] {
  return [
    recordKind(Incident, {
      section: 'incidents',
      belongsTo: { customer: 'customerId' },
      order: { openedAt: 'ASC', id: 'ASC' },
      omit: ['version'],
      erase: { description: 'placeholder', resolution: 'placeholder', location: null },
      touch: { version: 'version', updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
    }),
    recordKind(IncidentTimelineEntry, {
      section: 'incidentTimeline',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { incidentId: 'ASC', seq: 'ASC', id: 'ASC' },
      omit: ['seq'],
      erase: { note: 'placeholder' },
    }),
    recordKind(BaggageFile, {
      section: 'baggageFiles',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { openedAt: 'ASC', id: 'ASC' },
      omit: ['version'],
      erase: { bagDescription: 'placeholder' },
    }),
    recordKind(BaggageDelivery, {
      section: 'baggageDeliveries',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { orderedAt: 'ASC', id: 'ASC' },
      erase: { address: 'placeholder' },
    }),
    recordKind(BaggageDeliveryUpdate, {
      section: 'baggageDeliveryUpdates',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { at: 'ASC', id: 'ASC' },
      erase: { note: 'placeholder' },
    }),
    recordKind(PartnerTask, {
      section: 'partnerTasks',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { createdAt: 'ASC', id: 'ASC' },
      erase: { request: 'placeholder', answer: 'placeholder' },
    }),
    recordKind(IncidentEntitlementComputation, {
      section: 'entitlementComputations',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { computedAt: 'ASC', id: 'ASC' },
    }),
    recordKind(IncidentEntitlement, {
      section: 'entitlements',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { computedAt: 'ASC', id: 'ASC' },
    }),
    recordKind(IncidentDeadline, {
      section: 'incidentDeadlines',
      belongsTo: { parent: 'incidents', via: 'incidentId' },
      order: { incidentId: 'ASC', id: 'ASC' },
    }),
  ];
}
