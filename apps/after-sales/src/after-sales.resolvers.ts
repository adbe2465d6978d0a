import { AfterSalesAccessLogResolver } from './access-log/access-log.resolver';
import type { AfterSalesDomain } from './after-sales.domain';
import { CareResolver } from './care/care.resolver';
import { CustomerTripsResolver } from './customer/customer-trips.resolver';
import { CustomerDocumentsResolver, DocumentResolver } from './document/document.resolver';
import { CustomerFollowUpResolver, FollowUpResolver } from './follow-up/follow-up.resolver';
import { incidentResolvers } from './incident/incident.resolvers';
import { OrderChangeTripResolver } from './order-change/order-change-trip.resolver';
import { PassengerRightsResolver } from './passenger-rights/passenger-rights.resolver';
import { ServiceRecoveryResolver } from './service-recovery/service-recovery.resolver';
import { TripResolver } from './trip/trip.resolver';
import { AfterSalesAccessReportSection } from './access-log/access-report';

/** The GraphQL resolvers of after-sales; each calls use cases of the domain and nothing else. */
export function afterSalesResolvers(domain: AfterSalesDomain): object[] {
  return [
    new TripResolver(domain.tripQueries, domain.bookingImport, domain.accessLog, domain.tripSegments),
    new CustomerTripsResolver(domain.tripQueries),
    new OrderChangeTripResolver(domain.tripQueries),
    // Post-trip follow-up, service recovery, regular care
    new FollowUpResolver(domain.followUpQueries, domain.surveyAnswering, domain.followUpCalls, domain.accessLog),
    new CustomerFollowUpResolver(domain.followUpQueries, domain.followUpCalls),
    new ServiceRecoveryResolver(domain.serviceRecovery),
    new CareResolver(domain.careContacts),
    // Customer documents
    new DocumentResolver(domain, domain.accessLog),
    new CustomerDocumentsResolver(domain.documentQueries),
    // In-trip incidents
    ...incidentResolvers(domain.incidents),
    new PassengerRightsResolver(domain.passengerRights),
    // Personal data: the access log, for admins
    new AfterSalesAccessLogResolver(domain.accessLog),
    new AfterSalesAccessReportSection(domain.accessLog),
  ];
}
