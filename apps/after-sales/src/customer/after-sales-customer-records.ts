import { defineCustomerRecords, recordKind } from '@carebridge/known-customers';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { CareContact } from '../care/care-contact.entity';
import { documentCustomerRecordKinds } from '../document/document-customer-records';
import { CustomerContactPreference } from '../follow-up/contact-preference.entity';
import { FollowUpCall } from '../follow-up/follow-up-call.entity';
import { FollowUpSurvey } from '../follow-up/follow-up-survey.entity';
import { incidentCustomerRecordKinds } from '../incident/incident-customer-records';
import { ServiceRecoveryTask } from '../service-recovery/service-recovery-task.entity';
import { TripSegment } from '../trip/trip-segment.entity';
import { Trip } from '../trip/trip.entity';

/**
 * What after-sales holds about a customer, kind by kind (libs/known-customers derives re-pointing
 * on merge, anonymisation on erasure and the data export from it). Each part of after-sales lists
 * its kinds here; a kind that belongs through another comes after it.
 *
 * Trips: erasure drops the booking reference (it would still identify the customer in the
 * reservation system, and without it no later booking event reaches the trip) and the places a
 * transfer picked them up and dropped them off; dates, kinds, flights and hotels stay for figures.
 *
 * Follow-up and care: erasure replaces the customer's words (the survey's "why" and comment, what a
 * recovery task quotes of them, call and care notes) and drops booking references; scores stay for figures.
 *
 * The access log: who read the customer's personal data here and which fields (never the values).
 * It is exported (the customer may know who saw their data, as crm's export shows its own log) and
 * holds nothing erasure would change: it is the accountability record.
 */
export function afterSalesCustomerRecords() {
  return defineCustomerRecords([
    recordKind(Trip, {
      section: 'trips',
      belongsTo: { customer: 'customerId' },
      order: { startsAt: 'ASC', id: 'ASC' },
      omit: ['version'],
      erase: { bookingReference: null },
      touch: { version: 'version', updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
    }),
    recordKind(TripSegment, {
      section: 'tripSegments',
      belongsTo: { parent: 'trips', via: 'tripId' },
      order: { tripId: 'ASC', position: 'ASC', id: 'ASC' },
      omit: ['matchKey'],
      // A transfer's match key spells its route.
      erase: { placeFrom: 'placeholder', placeTo: 'placeholder', matchKey: () => `'erased:' || id::text` },
    }),
    recordKind(FollowUpSurvey, {
      section: 'followUpSurveys',
      belongsTo: { customer: 'customerId' },
      order: { createdAt: 'ASC', id: 'ASC' },
      omit: ['version'],
      erase: { npsReason: 'placeholder', comment: 'placeholder', bookingReference: null },
      touch: { version: 'version', updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
    }),
    recordKind(FollowUpCall, {
      section: 'followUpCalls',
      belongsTo: { customer: 'customerId' },
      order: { calledAt: 'ASC', id: 'ASC' },
      erase: { note: 'placeholder' },
      touch: { anonymisedAt: 'anonymisedAt' },
    }),
    recordKind(CustomerContactPreference, {
      section: 'contactPreferences',
      belongsTo: { customer: 'customerId' },
      order: { updatedAt: 'ASC', id: 'ASC' },
    }),
    recordKind(ServiceRecoveryTask, {
      section: 'serviceRecoveryTasks',
      belongsTo: { customer: 'customerId' },
      order: { openedAt: 'ASC', id: 'ASC' },
      omit: ['version'],
      erase: { customerWords: 'placeholder', resolutionNote: 'placeholder', bookingReference: null },
      touch: { version: 'version', updatedAt: 'updatedAt', anonymisedAt: 'anonymisedAt' },
    }),
    recordKind(CareContact, {
      section: 'careContacts',
      belongsTo: { customer: 'customerId' },
      order: { createdAt: 'ASC', id: 'ASC' },
      erase: { note: 'placeholder' },
      touch: { anonymisedAt: 'anonymisedAt' },
    }),
    ...documentCustomerRecordKinds(),
    ...incidentCustomerRecordKinds(),
    recordKind(PersonalDataAccess, {
      section: 'personalDataAccess',
      belongsTo: { customer: 'customerId' },
      order: { accessedAt: 'ASC', id: 'ASC' },
      // One GraphQL request's id: bookkeeping, `requestId` correlates with the logs.
      omit: ['readId'],
    }),
  ]);
}
