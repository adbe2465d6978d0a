/**
 * Topics carry every event about one kind of aggregate, so that events about one customer or one
 * complaint keep their order whatever their type.
 */
export const TOPICS = {
  customer: 'carebridge.crm.customer',
  complaint: 'carebridge.complaint.complaint',
} as const;

/** Where a consumer group's poison messages go (with the original key, headers and the error). */
export function deadLetterTopic(consumerGroup: string): string {
  return `carebridge.dead-letter.${consumerGroup}`;
}
