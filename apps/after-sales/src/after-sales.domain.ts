import { afterSalesCustomerExportPrepared } from '@carebridge/event-contracts';
import { CustomerRecords } from '@carebridge/known-customers';
import { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { SubgraphRuntime } from '@carebridge/service-kit';
import type { AfterSalesSettings } from './after-sales.settings';
import { CareContacts } from './care/care-contacts';
import { afterSalesCustomerRecords } from './customer/after-sales-customer-records';
import { documentDesk } from './document/document-desk';
import { ContactRules } from './follow-up/contact-rules';
import { FollowUpCalls } from './follow-up/follow-up-calls';
import { FollowUpQueries } from './follow-up/follow-up-queries';
import { FollowUpScheduling } from './follow-up/follow-up-scheduling';
import { FollowUpTimeline } from './follow-up/follow-up-timeline';
import { SurveyAnswering } from './follow-up/survey-answering';
import { SurveyLinks } from './follow-up/survey-links';
import { incidentDesk } from './incident/incident-desk';
import { PassengerRightsPreview } from './passenger-rights/passenger-rights-preview';
import { ServiceRecovery } from './service-recovery/service-recovery';
import { BookingImport } from './trip/booking-import';
import { BookingIntake } from './trip/booking-intake';
import { CustomerTimeline } from './trip/customer-timeline';
import { TripAnnouncements } from './trip/trip-announcements';
import { TripBookings } from './trip/trip-bookings';
import { TripCompletion } from './trip/trip-completion';
import { TripQueries } from './trip/trip-queries';
import { TripSegmentLoading } from './trip/trip-segment-loading';

/** The after-sales service's use cases, wired once: by the subgraph, and by the test fixture. */
export function afterSalesDomain(runtime: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>, settings: AfterSalesSettings) {
  const { dataSource, outbox, clock } = runtime;
  const customers = new CustomerRecords({ service: 'after-sales', prepared: afterSalesCustomerExportPrepared, dataSource, outbox, clock, records: afterSalesCustomerRecords() });
  const timeline = new CustomerTimeline(outbox);
  // Who read which customer's unmasked personal data, as crm records it.
  const accessLog = new PersonalDataAccessLog(dataSource, clock);

  // Trips (T-1.4, T-4): bookings of the reservation system, by event or import.
  const tripAnnouncements = new TripAnnouncements(outbox, timeline);
  const tripBookings = new TripBookings(clock, tripAnnouncements);
  const tripQueries = new TripQueries(dataSource);
  const tripSegments = new TripSegmentLoading(tripQueries);
  const bookingIntake = new BookingIntake(tripBookings, customers, clock);
  const bookingImport = new BookingImport(dataSource, customers, tripBookings, clock, settings.importMaxBookings);
  const tripCompletion = new TripCompletion(dataSource, clock, tripAnnouncements, settings.tripCompletionDelayHours);

  // Post-trip follow-up and service recovery (T-4.1), regular care (T-4.4).
  const contactRules = new ContactRules();
  const followUpTimeline = new FollowUpTimeline(outbox);
  const followUpScheduling = new FollowUpScheduling(dataSource, customers, outbox, clock, contactRules, settings.followUp);
  const followUpQueries = new FollowUpQueries(dataSource);
  const followUpCalls = new FollowUpCalls(dataSource, customers, clock);
  const serviceRecovery = new ServiceRecovery(dataSource, outbox, clock, followUpTimeline, settings.followUp.recoveryTargetHours);
  const surveyAnswering = new SurveyAnswering(dataSource, outbox, clock, new SurveyLinks(settings.followUp.linkSecret), followUpTimeline, serviceRecovery, settings.followUp);
  const careContacts = new CareContacts(dataSource, outbox, clock, contactRules);

  // In-trip incidents (T-1.4, T-4.3): cases, baggage files, partner tasks, passenger rights, complaints for incidents.
  const incidents = incidentDesk(runtime, customers, tripQueries, settings.incidents, accessLog);

  return {
    customers,
    accessLog,
    timeline,
    tripAnnouncements,
    tripBookings,
    tripQueries,
    tripSegments,
    bookingIntake,
    bookingImport,
    tripCompletion,
    followUpScheduling,
    followUpQueries,
    followUpCalls,
    serviceRecovery,
    surveyAnswering,
    careContacts,
    // Customer documents (T-4.2): requests, invoices and credit notes, travel certificates (from incidents), e-fapiao records.
    ...documentDesk(runtime, customers, tripQueries, incidents.recordedDisruptions, settings.documents),
    incidents,
    // Passenger rights (EU261, UK261, Montreal Convention, US DOT), previewed from facts.
    passengerRights: new PassengerRightsPreview(clock),
  };
}

export type AfterSalesDomain = ReturnType<typeof afterSalesDomain>;
