/**
 * Topics carry every event about one kind of aggregate, so that events about one customer, one
 * complaint or one inquiry keep their order whatever their type.
 */
export const TOPICS = {
  customer: 'carebridge.crm.customer',
  followUp: 'carebridge.crm.follow-up',
  loyalty: 'carebridge.crm.loyalty',
  complaint: 'carebridge.complaint.complaint',
  complaintCustomerExport: 'carebridge.complaint.customer-export',
  complaintCustomerTimeline: 'carebridge.complaint.customer-timeline',
  inquiry: 'carebridge.inquiry.inquiry',
  inquiryCustomerExport: 'carebridge.inquiry.customer-export',
  inquiryCustomerTimeline: 'carebridge.inquiry.customer-timeline',
  trip: 'carebridge.after-sales.trip',
  afterSalesCustomerExport: 'carebridge.after-sales.customer-export',
  afterSalesCustomerTimeline: 'carebridge.after-sales.customer-timeline',
  /** Inbound: the company's reservation system publishes its bookings here (libs/event-contracts/src/booking.events.ts). */
  booking: 'carebridge.reservation-system.booking',
  afterSalesDocument: 'carebridge.after-sales.document',
  followUpSurvey: 'carebridge.after-sales.follow-up-survey',
  serviceRecovery: 'carebridge.after-sales.service-recovery',
  careContact: 'carebridge.after-sales.care-contact',
  afterSalesIncident: 'carebridge.after-sales.incident',
  notification: 'carebridge.communication.notification',
  inboundMessage: 'carebridge.communication.inbound-message',
  communicationCustomerExport: 'carebridge.communication.customer-export',
  course: 'carebridge.training.course',
  knowledgeArticle: 'carebridge.training.knowledge-article',
  monthlyReport: 'carebridge.analytics.monthly-report',
  agentPeriod: 'carebridge.analytics.agent-period',
  qaReview: 'carebridge.training.qa-review',
  evaluation: 'carebridge.training.evaluation',
  procedureFeedback: 'carebridge.training.procedure-feedback',
} as const;

/**
 * Where a consumer group's poison messages go (with the original key, headers and the error):
 * `carebridge.dead-letter.<service>` for the group `carebridge.<service>`.
 */
export function deadLetterTopic(consumerGroup: string): string {
  return `carebridge.dead-letter.${consumerGroup.replace(/^carebridge\./, '')}`;
}

/**
 * The name dead-letter topics had up to release 0.1 (`carebridge.dead-letter.carebridge.<service>`,
 * the prefix doubled). Nothing writes there any more; the dead-letter tools still list and replay
 * what it holds, so no dead letter of an older deployment is lost. Delete it once it is empty.
 */
export function legacyDeadLetterTopic(consumerGroup: string): string {
  return `carebridge.dead-letter.${consumerGroup}`;
}

export interface TopicRetention {
  /** Kafka's retention.ms for the topic. */
  ms: number;
  /** Why it is kept that long, for the catalogue. */
  why: string;
}

const DAY_MS = 24 * 3600_000;

/**
 * How long Kafka keeps a topic's events (the services create topics with it). Domain events are
 * kept 90 days: long enough for a consumer rebuilt after an outage, a quarter's reports and an
 * analyst's backfill, short enough that personal data in events does not outlive its purpose by
 * years. Export topics carry a customer's data export and are kept 7 days; dead letters 30 days,
 * time to fix and replay.
 */
export function topicRetention(topic: string): TopicRetention {
  if (topic.startsWith('carebridge.dead-letter.')) return { ms: 30 * DAY_MS, why: 'Kept 30 days: time to fix the cause and replay.' };
  if (topic.endsWith('.customer-export')) return { ms: 7 * DAY_MS, why: "Kept 7 days: it carries a customer's data export, read once when the export is assembled." };
  return { ms: 90 * DAY_MS, why: 'Kept 90 days: consumers and analysts rebuild from it within that window.' };
}
