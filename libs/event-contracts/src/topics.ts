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

/** Where a consumer group's poison messages go (with the original key, headers and the error). */
export function deadLetterTopic(consumerGroup: string): string {
  return `carebridge.dead-letter.${consumerGroup}`;
}
