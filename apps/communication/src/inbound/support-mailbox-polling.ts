import type { ScheduledJob } from '@carebridge/service-kit';
import { ImapFlow } from 'imapflow';
import type { ImapSettings } from '../communication.settings';
import type { InboundMail } from './inbound-mail';

/** What one poll of the support mailbox did. */
export interface MailboxPoll {
  /** Unread mails taken and marked read. */
  taken: number;
}

/** The headers in which a mailbox keeps the address a mail was delivered to (its envelope is gone by then). */
const DELIVERY_HEADERS = ['delivered-to', 'x-original-to', 'envelope-to'];

/**
 * IMAP polling of the support mailbox (imapflow): the second production inbound path, for mail
 * providers without an inbound webhook. Each poll takes the unread mails, hands each raw message to
 * `InboundMail.receive` with the addresses it was delivered to, and marks it read once received.
 * A poll that stops half-way leaves the rest unread for the next; a mail taken but not yet marked
 * is taken again and found by its Message-ID, so nothing is recorded twice.
 */
export class SupportMailboxPolling {
  constructor(
    private readonly inbound: InboundMail,
    private readonly settings: ImapSettings,
  ) {}

  async poll(): Promise<MailboxPoll> {
    const client = new ImapFlow({
      host: this.settings.host,
      port: this.settings.port,
      secure: this.settings.secure,
      auth: { user: this.settings.user, pass: this.settings.password },
      // Mail content and addresses stay out of the logs.
      logger: false,
      disableAutoIdle: true,
    });
    await client.connect();
    let taken = 0;
    try {
      const lock = await client.getMailboxLock(this.settings.mailbox);
      try {
        const unread = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of unread) {
          const message = await client.fetchOne(String(uid), { source: true, headers: DELIVERY_HEADERS }, { uid: true });
          if (!message || !message.source) continue;
          await this.inbound.receive(message.source, deliveredTo(message.headers));
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          taken += 1;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return { taken };
  }
}

/** The addresses of the Delivered-To, X-Original-To and Envelope-To lines imapflow returns for the mail. */
export function deliveredTo(headers: Buffer | undefined): string[] {
  if (!headers) return [];
  // Only these simple one-address lines are read here; mailparser reads the whole mail in InboundMail.
  return [...headers.toString('utf8').matchAll(/^(?:delivered-to|x-original-to|envelope-to):\s*<?([^\s<>]+@[^\s<>]+)>?\s*$/gim)].map((m) => m[1]);
}

/** `support-mailbox-poll`: one instance at a time polls the mailbox every `pollIntervalMs`. */
export function supportMailboxPollJob(polling: SupportMailboxPolling, settings: ImapSettings): ScheduledJob {
  return { name: 'support-mailbox-poll', everyMs: settings.pollIntervalMs, run: () => polling.poll() };
}
