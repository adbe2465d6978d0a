import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_URGENCIES } from './complaint-taxonomy';
import { defineEvent, field } from './contract';
import { TOPICS } from './topics';

// ---------------------------------------------------------------------------------------------
// Post-trip follow-up (T-4.1): the survey after a trip, the service recovery it may open, and
// regular care (T-4.4). Every event carries ids and figures; the customer's words travel only in
// service_recovery.escalated, to the complaint service that registers them.
// ---------------------------------------------------------------------------------------------

/** The parts of a trip a follow-up survey asks about (CSAT 1–5 each): a tour is rated by its guide. */
export const SURVEY_COMPONENTS = ['FLIGHT', 'HOTEL', 'GUIDE', 'TRANSFER'] as const;
export type SurveyComponentValue = (typeof SURVEY_COMPONENTS)[number];

/** Why a service-recovery task was opened. */
export const SERVICE_RECOVERY_REASONS = ['DETRACTOR', 'LOW_COMPONENT_RATING'] as const;

/** The rules of regular care (T-4.4): pre-departure reminders and the trip's anniversary. */
export const CARE_RULE_KINDS = ['PRE_DEPARTURE_DOCUMENTS', 'PRE_DEPARTURE_VISA', 'PRE_DEPARTURE_CHECK_IN', 'TRIP_ANNIVERSARY'] as const;

export const followUpSurveySent = defineEvent({
  type: 'followup_survey.sent',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.followUpSurvey,
  description:
    'A post-trip survey is due to reach the customer (reminder: false), or its one reminder is (reminder: true). Ids only: the communication service delivers it with the signed link it makes from surveyId and linkExpiresAt (purpose followup-survey, the same secret as after-sales).',
  schema: z.object({
    surveyId: field.id(),
    tripId: field.id(),
    customerId: field.id(),
    components: z.array(z.enum(SURVEY_COMPONENTS)),
    reminder: z.boolean(),
    sentAt: field.time(),
    linkExpiresAt: field.time(),
  }),
  key: (data) => data.surveyId,
  personalData: 'customerId (pseudonymous) so that the communication service can reach the customer',
});

export const followUpSurveyAnswered = defineEvent({
  type: 'followup_survey.answered',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.followUpSurvey,
  description: 'A customer answered a post-trip survey: NPS 0–10 and CSAT 1–5 per trip component, for analytics (the outer loop). No free text.',
  schema: z.object({
    surveyId: field.id(),
    tripId: field.id(),
    customerId: field.id(),
    nps: z.number().int().min(0).max(10),
    /** PROMOTER 9–10, PASSIVE 7–8, DETRACTOR 0–6. */
    npsCategory: z.enum(['PROMOTER', 'PASSIVE', 'DETRACTOR']),
    ratings: z.array(z.object({ component: z.enum(SURVEY_COMPONENTS), score: z.number().int().min(1).max(5) })),
    answeredAt: field.time(),
    serviceRecoveryOpened: z.boolean(),
  }),
  key: (data) => data.surveyId,
  personalData: 'customerId (pseudonymous); the "why" and the comment stay in after-sales',
});

export const serviceRecoveryOpened = defineEvent({
  type: 'service_recovery.opened',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.serviceRecovery,
  description: 'A detractor answer (NPS 0–6) or a component rated 1–2 opened a service-recovery task for after-sales, due by dueAt (the inner loop).',
  schema: z.object({
    taskId: field.id(),
    surveyId: field.id(),
    tripId: field.id(),
    customerId: field.id(),
    reasons: z.array(z.enum(SERVICE_RECOVERY_REASONS)),
    nps: z.number().int().min(0).max(10),
    lowComponents: z.array(z.enum(SURVEY_COMPONENTS)),
    openedAt: field.time(),
    dueAt: field.time(),
  }),
  key: (data) => data.taskId,
  personalData: 'customerId (pseudonymous)',
});

export const serviceRecoveryEscalated = defineEvent({
  type: 'service_recovery.escalated',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.serviceRecovery,
  description:
    "After-sales turned a service-recovery task into a complaint. The complaint service registers the complaint from this event, in the customer's words, so nobody types it again.",
  schema: z.object({
    taskId: field.id(),
    surveyId: field.id(),
    tripId: field.id(),
    customerId: field.id(),
    bookingReference: z.string().nullable(),
    escalatedBy: z.string(),
    escalatedAt: field.time(),
    category: z.enum(COMPLAINT_CATEGORIES),
    urgency: z.enum(COMPLAINT_URGENCIES),
    /** The customer's survey answer (score, ratings, "why", comment) and the staff's note. */
    description: z.string().min(1),
    /** When the trip ended: when what the customer complains of happened at the latest. */
    occurredAt: field.time().nullable(),
  }),
  key: (data) => data.taskId,
  personalData: "description holds the customer's words: the complaint service needs them to register the complaint as told (A-3.2.1)",
  encrypted: { fields: ['description'], subject: (data) => data.customerId },
});

export const careContactDue = defineEvent({
  type: 'care_contact.due',
  version: 1,
  producer: 'after-sales',
  topic: TOPICS.careContact,
  description:
    'A care rule (T-4.4) produced a contact task: a pre-departure reminder (documents, visa, check-in) or a trip anniversary. crm may schedule a follow-up from it; the communication service may send it.',
  schema: z.object({
    careContactId: field.id(),
    customerId: field.id(),
    tripId: field.id(),
    kind: z.enum(CARE_RULE_KINDS),
    dueAt: field.time(),
    /** When the trip starts (reminders) or the anniversary's date. */
    occasionAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'customerId (pseudonymous)',
});
