/** One message as a channel sends it. */
export interface OutgoingMessage {
  deliveryId: string;
  /** The e-mail address or phone number. */
  to: string;
  subject: string;
  text: string;
  /** E-mail: the Reply-To address that threads the answer back onto the case. */
  replyTo?: string;
  /** E-mail: Message-IDs of earlier mails of the same case (In-Reply-To/References). */
  references?: string[];
}

/** What the channel reported: its id of the message (SMTP Message-ID, provider's message id). */
export interface SendReceipt {
  providerMessageId: string;
}

/** A channel that carries messages to customers and staff. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

/**
 * A send that failed. `permanent`: trying again cannot help (the address was refused); otherwise
 * the delivery is retried later. `reason` names codes, never addresses.
 */
export class SendFailure extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
  ) {
    super(reason);
  }
}
