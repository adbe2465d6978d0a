import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

export const PERIOD_KINDS = ['DAY', 'WEEK', 'MONTH'] as const;
export const PeriodKind = enumOf(PERIOD_KINDS);
export type PeriodKindValue = EnumValue<typeof PeriodKind>;
registerEnumType(PeriodKind, { name: 'PeriodKind', description: "A period of the company's calendar, in its time zone: a DAY, an ISO WEEK (Monday to Sunday) or a calendar MONTH." });

/** What figures can be broken down by: the dimensions a case carries (ids and classifications, never personal data). */
export const DIMENSIONS = ['CHANNEL', 'CATEGORY', 'URGENCY', 'ROOT_CAUSE', 'TEAM', 'AGENT', 'CUSTOMER_TIER', 'KEY_ACCOUNT', 'OPENED_HOUR'] as const;
export const Dimension = enumOf(DIMENSIONS);
export type DimensionValue = EnumValue<typeof Dimension>;
registerEnumType(Dimension, {
  name: 'Dimension',
  description:
    "A breakdown of the figures: CHANNEL and CATEGORY of the case; URGENCY, ROOT_CAUSE and TEAM (the assignee's department) of a complaint; AGENT (an inquiry's first responder, a complaint's assignee, as user id); CUSTOMER_TIER (crm's current tier of the customer); KEY_ACCOUNT (the id of the key account crm currently counts the customer in, customer.service_terms_changed); OPENED_HOUR (the hour of the day, 00 to 23 in the company's time zone, in which the case was received or registered). A figure whose cases do not carry the dimension falls under the value null.",
});

/** The response and deadline targets whose compliance analytics counts. */
export const SLA_TARGETS = ['THREE_RINGS', 'FIVE_MINUTES', 'COMPLAINT_FEEDBACK_24H', 'DOT_ACKNOWLEDGMENT_30D', 'DOT_RESPONSE_60D'] as const;
export const SlaTarget = enumOf(SLA_TARGETS);
export type SlaTargetValue = EnumValue<typeof SlaTarget>;
registerEnumType(SlaTarget, {
  name: 'SlaTarget',
  description:
    'THREE_RINGS: a call answered within three rings (A-3.1.1). FIVE_MINUTES: a written inquiry first answered within 5 minutes (A-3.1.1). COMPLAINT_FEEDBACK_24H: complaint feedback within its deadline, 24 hours by default (A-3.2.4). DOT_ACKNOWLEDGMENT_30D and DOT_RESPONSE_60D: the US DOT acknowledgment (30 days) and substantive response (60 days) of 14 CFR 259.7.',
});

export const CASE_KINDS = ['INQUIRY', 'COMPLAINT'] as const;
export const CaseKind = enumOf(CASE_KINDS);
export type CaseKindValue = EnumValue<typeof CaseKind>;
registerEnumType(CaseKind, { name: 'CaseKind', description: 'An INQUIRY or a COMPLAINT.' });

/** The figures whose cases can be listed (drill-down). */
export const CASE_METRICS = [
  'INQUIRIES_RECEIVED',
  'COMPLAINTS_REGISTERED',
  'COMPLAINTS_RESOLVED',
  'COMPLAINTS_DUE',
  'SLA_ACHIEVED',
  'SLA_BREACHED',
  'REOPENED',
  'ONE_TOUCH_RESOLVED',
  'ESCALATED',
  'DISSATISFIED',
  'COMPENSATED',
] as const;
export const CaseMetric = enumOf(CASE_METRICS);
export type CaseMetricValue = EnumValue<typeof CaseMetric>;
registerEnumType(CaseMetric, {
  name: 'CaseMetric',
  description:
    'The figure whose cases to list, with the same definition as the figure: INQUIRIES_RECEIVED (inquiryVolume), COMPLAINTS_REGISTERED (complaintVolume), COMPLAINTS_RESOLVED, COMPLAINTS_DUE, SLA_ACHIEVED and SLA_BREACHED (with `sla`), REOPENED, ONE_TOUCH_RESOLVED, ESCALATED, DISSATISFIED (a closing satisfaction of 1 to 3 in the period), COMPENSATED (compensation granted in the period).',
});
