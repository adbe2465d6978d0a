import { BaggageDelivery, BaggageDeliveryUpdate, BaggageFile } from './baggage/baggage-file.entity';
import { IncidentDeadline, IncidentEntitlement, IncidentEntitlementComputation } from './entitlement/incident-entitlement.entity';
import { Incident, IncidentTimelineEntry } from './incident.entity';
import { PartnerTask } from './partner-task/partner-task.entity';

/** The tables of in-trip incidents (migration 1764700000000-CreateIncident). */
export const INCIDENT_ENTITIES = [
  Incident,
  IncidentTimelineEntry,
  BaggageFile,
  BaggageDelivery,
  BaggageDeliveryUpdate,
  PartnerTask,
  IncidentEntitlementComputation,
  IncidentEntitlement,
  IncidentDeadline,
];
