import { BaggageDeliveryResolver, BaggageDeliveryUpdateResolver, BaggageFileResolver } from './baggage/baggage-file.resolver';
import type { IncidentDesk } from './incident-desk';
import { CustomerIncidentsResolver, IncidentTripResolver, TripIncidentsResolver } from './incident-links.resolver';
import { IncidentResolver, IncidentTimelineEntryResolver } from './incident.resolver';
import { PartnerTaskResolver } from './partner-task/partner-task.resolver';

/** The resolvers of in-trip incidents (after-sales.resolvers.ts spreads them in). */
export function incidentResolvers(desk: IncidentDesk): object[] {
  return [
    new IncidentResolver(desk.queries, desk.cases, desk.entitlements, desk.complaint, desk.baggage, desk.tasks, desk.settings, desk.disclosure),
    new IncidentTimelineEntryResolver(desk.disclosure),
    new BaggageFileResolver(desk.baggage, desk.disclosure),
    new BaggageDeliveryResolver(desk.baggage, desk.disclosure),
    new BaggageDeliveryUpdateResolver(desk.disclosure),
    new PartnerTaskResolver(desk.tasks, desk.disclosure),
    new CustomerIncidentsResolver(desk.queries),
    new TripIncidentsResolver(desk.queries),
    new IncidentTripResolver(desk.trips),
  ];
}
