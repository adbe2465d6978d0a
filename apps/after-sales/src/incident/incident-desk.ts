import type { CustomerRecords } from '@carebridge/known-customers';
import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { SubgraphRuntime } from '@carebridge/service-kit';
import { ShippedAirports } from '../airport/airport-directory';
import { BaggageFiles } from './baggage/baggage-files';
import { IncidentEntitlements } from './entitlement/incident-entitlements';
import { IncidentCases } from './incident-cases';
import { IncidentComplaint } from './incident-complaint';
import { IncidentCustomerTimeline } from './incident-customer-timeline';
import { IncidentDisclosure } from './incident-disclosure';
import { IncidentQueries } from './incident-queries';
import { IncidentSteps } from './incident-steps';
import { RecordedDisruptions } from './recorded-disruptions';
import type { IncidentTrips } from './incident-trips';
import type { IncidentSettings } from './incident.settings';
import { partnerTaskMonitor } from './partner-task/partner-task-deadline';
import { PartnerTasks } from './partner-task/partner-tasks';

/** In-trip incidents (T-1.4, T-4.3), wired once: cases, baggage files, partner tasks, entitlements and the complaint for an incident. */
export function incidentDesk(runtime: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>, customers: CustomerRecords, trips: IncidentTrips, settings: IncidentSettings, accessLog: PersonalDataAccessLog) {
  const { dataSource, outbox, clock } = runtime;
  const steps = new IncidentSteps(dataSource, clock);
  const timeline = new IncidentCustomerTimeline(outbox);
  return {
    settings,
    trips,
    queries: new IncidentQueries(dataSource),
    recordedDisruptions: new RecordedDisruptions(dataSource, trips),
    cases: new IncidentCases(dataSource, customers, trips, steps, outbox, timeline, clock, settings),
    baggage: new BaggageFiles(dataSource, steps, outbox, timeline, clock, trips),
    tasks: new PartnerTasks(dataSource, steps, clock, settings.partnerTaskDueHours),
    entitlements: new IncidentEntitlements(dataSource, steps, trips, outbox, new ShippedAirports()),
    complaint: new IncidentComplaint(steps, trips, outbox, timeline),
    taskMonitor: partnerTaskMonitor({ dataSource, outbox }),
    disclosure: new IncidentDisclosure(dataSource, accessLog),
  };
}

export type IncidentDesk = ReturnType<typeof incidentDesk>;
