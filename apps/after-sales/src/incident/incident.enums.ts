import {
  BAGGAGE_DELIVERY_STATUSES,
  BAGGAGE_FILE_OUTCOMES,
  BAGGAGE_LOSS_REASONS,
  CONTACT_CHANNELS,
  enumOf,
  type EnumValue,
  INCIDENT_CATEGORIES,
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  PARTNER_KINDS,
} from '@carebridge/event-contracts';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** What happened on the way (T-1.4, T-4.3). */
export const IncidentType = enumOf(INCIDENT_TYPES);
export type IncidentType = EnumValue<typeof IncidentType>;

export const IncidentCategory = enumOf(INCIDENT_CATEGORIES);
export type IncidentCategory = EnumValue<typeof IncidentCategory>;

export const IncidentSeverity = enumOf(INCIDENT_SEVERITIES);
export type IncidentSeverity = EnumValue<typeof IncidentSeverity>;

/** Where an incident case stands (incident-lifecycle.ts says which step leads where). */
export const IncidentStatus = enumOf(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
export type IncidentStatus = EnumValue<typeof IncidentStatus>;

export const PartnerKind = enumOf(PARTNER_KINDS);
export type PartnerKind = EnumValue<typeof PartnerKind>;

/** How the passenger reported the incident (the complaint taxonomy's channels). */
export const ReportChannel = enumOf(CONTACT_CHANNELS);
export type ReportChannel = EnumValue<typeof ReportChannel>;

export const BaggageFileStatus = enumOf(['OPEN', 'SUSPENDED', 'CLOSED']);
export type BaggageFileStatus = EnumValue<typeof BaggageFileStatus>;

export const BaggageFileOutcome = enumOf(BAGGAGE_FILE_OUTCOMES);
export type BaggageFileOutcome = EnumValue<typeof BaggageFileOutcome>;

export const BaggageLossReason = enumOf(BAGGAGE_LOSS_REASONS);
export type BaggageLossReason = EnumValue<typeof BaggageLossReason>;

export const DeliveryStatus = enumOf(BAGGAGE_DELIVERY_STATUSES);
export type DeliveryStatus = EnumValue<typeof DeliveryStatus>;

/** What a timeline entry of an incident records. */
export const IncidentAction = enumOf([
  'OPENED',
  'NOTE_ADDED',
  'WORK_STARTED',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
  'PARTNER_ADDED',
  'TASK_ASSIGNED',
  'TASK_ANSWERED',
  'TASK_OVERDUE',
  'BAGGAGE_FILE_OPENED',
  'BAGGAGE_FILE_SUSPENDED',
  'BAGGAGE_FILE_REOPENED',
  'BAGGAGE_FILE_CLOSED',
  'DELIVERY_ORDERED',
  'DELIVERY_UPDATED',
  'ENTITLEMENTS_COMPUTED',
  'COMPLAINT_RAISED',
]);
export type IncidentAction = EnumValue<typeof IncidentAction>;

registerEnumType(IncidentType, { name: 'IncidentType', description: 'What happened: a flight disruption, a baggage irregularity, an accommodation problem or an emergency.' });
registerEnumType(IncidentCategory, { name: 'IncidentCategory' });
registerEnumType(IncidentSeverity, { name: 'IncidentSeverity' });
registerEnumType(IncidentStatus, { name: 'IncidentStatus', description: 'OPEN (reported), IN_PROGRESS (being handled), RESOLVED, CLOSED.' });
registerEnumType(PartnerKind, { name: 'PartnerKind', description: 'A partner or department an incident is coordinated with.' });
registerEnumType(ReportChannel, { name: 'IncidentReportChannel', description: 'How the passenger reported the incident.' });
registerEnumType(BaggageFileStatus, { name: 'BaggageFileStatus', description: 'OPEN (tracing), SUSPENDED (bag found), CLOSED.' });
registerEnumType(BaggageFileOutcome, { name: 'BaggageFileOutcome' });
registerEnumType(BaggageLossReason, { name: 'BaggageLossReason', description: 'Why the bag went astray (the industry’s reason-for-loss groups).' });
registerEnumType(DeliveryStatus, { name: 'BaggageDeliveryStatus' });
registerEnumType(IncidentAction, { name: 'IncidentAction' });

/** Why a flight was disrupted, as the carrier reported it (recorded with the disruption's facts, stated on travel certificates). */
export enum DisruptionCause {
  WEATHER = 'WEATHER',
  TECHNICAL = 'TECHNICAL',
  AIR_TRAFFIC_CONTROL = 'AIR_TRAFFIC_CONTROL',
  STRIKE = 'STRIKE',
  CREW = 'CREW',
  SECURITY = 'SECURITY',
  MEDICAL = 'MEDICAL',
  OPERATIONAL = 'OPERATIONAL',
  OTHER = 'OTHER',
}

registerEnumType(DisruptionCause, { name: 'DisruptionCause' });

/** The category of each type. */
export function categoryOf(type: IncidentType): IncidentCategory {
  if (type.startsWith('BAGGAGE_')) return IncidentCategory.BAGGAGE;
  if (type === 'ACCOMMODATION_PROBLEM') return IncidentCategory.ACCOMMODATION;
  if (type === 'MEDICAL_EMERGENCY' || type === 'NATURAL_DISASTER' || type === 'SECURITY_EMERGENCY') return IncidentCategory.EMERGENCY;
  return IncidentCategory.FLIGHT_DISRUPTION;
}

@ObjectType('IncidentPartner', { description: 'A partner involved in an incident: the hotel, ground handler, courier or insurer.' })
export class IncidentPartner {
  @Field(() => PartnerKind)
  kind: PartnerKind;

  @Field({ description: 'The partner’s name, e.g. the hotel or the handling agent.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The partner’s own reference for the case.' })
  reference: string | null;
}

@ObjectType('EmergencyProcedure', { description: 'What to do in an emergency: the procedure’s knowledge article and the 24/7 duty contact.' })
export class EmergencyProcedure {
  @Field({ description: 'The knowledge article that holds the procedure, e.g. KB-EMERGENCY-MEDICAL.' })
  articleId: string;

  @Field({ description: 'The 24/7 duty contact (AFTER_SALES_DUTY_CONTACT).' })
  dutyContact: string;
}
