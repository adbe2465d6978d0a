import { registerEnumType } from 'type-graphql';

/** What became of a received e-mail. */
export enum InboundOutcome {
  /** Announced as inbound_message.received: a new inquiry, or threaded onto its case. */
  ACCEPTED = 'ACCEPTED',
  /** An auto-reply (Auto-Submitted, Precedence, X-Autoreply…): dropped. */
  DROPPED_AUTO_REPLY = 'DROPPED_AUTO_REPLY',
  /** Sent by Carebridge itself or already seen: dropped so that no loop starts. */
  DROPPED_LOOP = 'DROPPED_LOOP',
  /** A delivery status notification: recorded on the delivery it reports on. */
  BOUNCE = 'BOUNCE',
}

registerEnumType(InboundOutcome, { name: 'InboundOutcome', description: 'What became of a received e-mail.' });
