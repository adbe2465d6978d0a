import { enumOf, type EnumValue, RESPONSE_TARGETS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** Which response target: the first response, or the reply to a later customer message. */
export const ResponseTarget = enumOf(RESPONSE_TARGETS);
export type ResponseTarget = EnumValue<typeof ResponseTarget>;
registerEnumType(ResponseTarget, { name: 'ResponseTarget', description: 'Which response target: the first response, or a later reply.' });

/** A channel's targets until an admin changes them (settings INQUIRY_FIRST_REPLY_MINUTES and the like, A-3.1.1). */
export interface ResponseTargetDefaults {
  /** Written channels: the first reply within this many minutes. */
  firstReplyMinutes: number;
  /** Calls: answered within this many rings. */
  phoneRings: number;
  /** The length of one ring; a call's target is rings × this. */
  ringSeconds: number;
  /** Written channels: the reply to a later customer message within this many minutes. */
  replyMinutes: number;
  /** A running deadline is at risk once this share (percent) of its span is left. */
  atRiskPercent: number;
}
