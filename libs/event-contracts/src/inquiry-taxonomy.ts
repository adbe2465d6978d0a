import type { ContactChannelValue } from './complaint-taxonomy';

/**
 * The values the inquiry service and its contracts share, declared once.
 * Inquiries arrive on some of the contact channels: an escalated inquiry becomes a complaint on its channel.
 */
export const INQUIRY_CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'WEB_FORM'] as const satisfies readonly ContactChannelValue[];
export type InquiryChannelValue = (typeof INQUIRY_CHANNELS)[number];

/** Which response target an inquiry runs against: the first response, or a later reply. */
export const RESPONSE_TARGETS = ['FIRST_RESPONSE', 'REPLY'] as const;
export type ResponseTargetValue = (typeof RESPONSE_TARGETS)[number];

/** Change, cancel or confirm a booking (T-1.2). */
export const ORDER_CHANGE_KINDS = ['MODIFY', 'CANCEL', 'CONFIRM'] as const;
export type OrderChangeKindValue = (typeof ORDER_CHANGE_KINDS)[number];

export const ORDER_CHANGE_OUTCOMES = ['DONE', 'REJECTED'] as const;
export type OrderChangeOutcomeValue = (typeof ORDER_CHANGE_OUTCOMES)[number];
