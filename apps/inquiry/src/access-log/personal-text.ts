import { REDACTED_TEXT, type PersonalTextOptions } from '@carebridge/service-kit';
import type { InquiryMessage, Satisfaction } from '../inquiry/inquiry.entity';

type OnInquiry = { id: string; customerId: string | null };

/**
 * How an inquiry's free text is shown (PersonalText): the name the customer gave, the conversation
 * and notes, the reason they gave at closing. Withheld from roles without need (trainer, analyst);
 * each unmasked read is logged under the customer, or the inquiry while none is linked (as the
 * contact details are, contact-disclosure.ts).
 */
export const INQUIRY_TEXT: PersonalTextOptions<OnInquiry> = { customer: (inquiry) => inquiry.customerId, fallbackId: (inquiry) => inquiry.id };

/** Every message's words, and the name of a customer who wrote one (an agent's name stays). */
export const INQUIRY_MESSAGES: PersonalTextOptions<OnInquiry> = {
  ...INQUIRY_TEXT,
  redact: (messages: InquiryMessage[] | null) =>
    (messages ?? []).map((message) => ({ ...message, body: REDACTED_TEXT, authorName: message.authorId ? message.authorName : message.authorName && REDACTED_TEXT })),
};

export const INQUIRY_SATISFACTION: PersonalTextOptions<OnInquiry> = {
  ...INQUIRY_TEXT,
  redact: (satisfaction: Satisfaction | null) => satisfaction && { ...satisfaction, reason: satisfaction.reason && REDACTED_TEXT },
};
