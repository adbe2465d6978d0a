import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSettings, LocalMailSettings } from '../communication.settings';
import { type MessageSender, type OutgoingMessage, type SendReceipt, SendFailure } from './channel';
import { bounceAddressFor } from './mail-addresses';

/**
 * E-mail over SMTP through nodemailer: to the configured server, or to the local SMTP catcher in
 * development. Each mail has a Message-ID of its delivery (so an answer's In-Reply-To finds it) and
 * the delivery's bounce address as envelope sender (so a DSN finds it), and is DKIM-signed when a
 * key is configured.
 */
export class EmailSender implements MessageSender {
  private transport?: Transporter;

  constructor(
    private readonly settings: EmailSettings,
    private readonly localMail: LocalMailSettings,
  ) {}

  /** Made at the first mail: the local catcher's port is known once it listens. */
  private get transporter(): Transporter {
    this.transport ??= nodemailer.createTransport({
      url: this.settings.smtpUrl ?? `smtp://${this.localMail.host}:${this.localMail.port}`,
      // The local catcher speaks plain SMTP on loopback; a real server is asked for STARTTLS as usual.
      ...(this.settings.smtpUrl ? {} : { ignoreTLS: true }),
      ...(this.settings.dkim ? { dkim: this.settings.dkim } : {}),
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    return this.transport;
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    const messageId = deliveryMessageId(message.deliveryId, this.settings.supportAddress);
    try {
      await this.transporter.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId,
        replyTo: message.replyTo,
        inReplyTo: message.references?.at(-1),
        references: message.references,
        envelope: { from: bounceAddressFor(this.settings.bounceAddress, message.deliveryId), to: message.to },
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Carebridge-Delivery': message.deliveryId },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code) throw new SendFailure(`SMTP ${code}`, code >= 500);
      throw new SendFailure(`SMTP ${(error as { code?: string }).code ?? 'connection failed'}`, false);
    }
    return { providerMessageId: messageId };
  }

  close(): void {
    this.transport?.close();
  }
}

/** The Message-ID of a delivery's mail, on the support domain. */
export function deliveryMessageId(deliveryId: string, supportAddress: string): string {
  return `<${deliveryId}@${supportAddress.split('@')[1]}>`;
}
