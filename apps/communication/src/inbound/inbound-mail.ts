import { createHash } from 'node:crypto';
import { inboundMessageReceived } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { extractFrom } from 'planer';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { deliveryOfBounce, isAddressOf, type ReplyTokens } from '../channel/mail-addresses';
import type { CustomerContacts } from '../customer-contact/customer-contacts';
import type { DeliveryReports } from '../delivery/delivery-reports';
import { Delivery } from '../delivery/delivery.entity';
import type { ThreadKind } from '../delivery/delivery.enums';
import { InboundAttachment } from './inbound-attachment.entity';
import { InboundMessage } from './inbound-message.entity';
import { InboundOutcome } from './inbound.enums';
import { autoReplyReason, bounceReason, loopReason } from './mail-screening';

export interface InboundAddresses {
  support: string;
  bounce: string;
  /** The sender address of Carebridge's own mail. */
  from: string;
}

/** The largest attachment kept with its content; a larger one is kept by name, type and size. */
const MAX_STORED_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * An e-mail that reached the support address, from the SMTP listener or the provider webhook: a
 * bounce is recorded on its delivery; an auto-reply or a loop is dropped; anything else is announced
 * as inbound_message.received with the sender matched to a crm customer, the case it answers (reply
 * token, then In-Reply-To/References), the new text only (quoted text trimmed with planer) and the
 * attachments kept. The same Message-ID is taken once.
 */
export class InboundMail {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly contacts: CustomerContacts,
    private readonly reports: DeliveryReports,
    private readonly tokens: ReplyTokens,
    private readonly addresses: InboundAddresses,
    private readonly clock: Clock,
  ) {}

  /** Whether the inbound path takes mail for this address (the SMTP catcher keeps the rest in its mailbox). */
  takes(address: string): boolean {
    return isAddressOf(address, this.addresses.support) || isAddressOf(address, this.addresses.bounce);
  }

  async receive(raw: Buffer | string, envelopeRecipients: string[] = []): Promise<InboundMessage> {
    const mail = await simpleParser(raw);
    const rawText = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
    // As written: a reply token's signature is case-sensitive; the addresses around it are compared without case.
    const recipients = [...envelopeRecipients, ...addressesOf(mail.to), ...addressesOf(mail.cc)];
    const headerMessageId = mail.messageId ?? `<sha256-${createHash('sha256').update(rawText).digest('hex')}>`;
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const seen = await manager.findOneBy(InboundMessage, { headerMessageId });
      if (seen) return seen;
      const sender = mail.from?.value[0];
      const base = {
        headerMessageId,
        receivedAt: now,
        fromAddress: sender?.address?.toLowerCase() ?? 'unknown',
        fromName: sender?.name?.trim() || null,
        subject: mail.subject?.trim() ?? '',
        anonymisedAt: null,
      };
      const bouncedDelivery = recipients.map((r) => deliveryOfBounce(r, this.addresses.bounce)).find(Boolean);
      if (bouncedDelivery) {
        const reason = bounceReason(mail, rawText);
        await this.reports.bounced(manager, bouncedDelivery, reason);
        // A report repeats the bounced mail: nothing of it is kept but the reason.
        return manager.save(manager.create(InboundMessage, { ...base, subject: '', body: '', customerId: null, threadKind: null, threadId: null, outcome: InboundOutcome.BOUNCE, dropReason: reason }));
      }
      const dropped = loopReason(mail, [this.addresses.support, this.addresses.bounce, this.addresses.from]);
      const auto = dropped ? null : autoReplyReason(mail);
      if (dropped || auto) {
        return manager.save(
          manager.create(InboundMessage, { ...base, body: '', customerId: null, threadKind: null, threadId: null, outcome: dropped ? InboundOutcome.DROPPED_LOOP : InboundOutcome.DROPPED_AUTO_REPLY, dropReason: dropped ?? auto }),
        );
      }
      const thread = this.threadFromAddress(recipients, now) ?? (await this.threadFromHeaders(manager, mail));
      const customerId = sender?.address ? await this.contacts.customerWithEmail(manager, sender.address) : null;
      const body = newText(mail);
      const message = await manager.save(
        manager.create(InboundMessage, { ...base, body, customerId, threadKind: thread?.kind ?? null, threadId: thread?.id ?? null, outcome: InboundOutcome.ACCEPTED, dropReason: null }),
      );
      const attachments = [];
      for (const attachment of mail.attachments.filter((a) => a.contentDisposition !== 'inline' || a.filename)) {
        const saved = await manager.save(
          manager.create(InboundAttachment, {
            inboundMessageId: message.id,
            fileName: attachment.filename ?? 'attachment',
            contentType: attachment.contentType,
            size: attachment.size,
            content: attachment.size <= MAX_STORED_ATTACHMENT_BYTES ? attachment.content : null,
          }),
        );
        attachments.push({ attachmentId: saved.id, fileName: saved.fileName, contentType: saved.contentType, size: saved.size });
      }
      await this.outbox.publish(manager, inboundMessageReceived, {
        messageId: message.id,
        channel: 'EMAIL',
        receivedAt: now.toISOString(),
        customerId,
        from: { address: message.fromAddress, name: message.fromName },
        thread,
        subject: message.subject,
        body,
        attachments,
      });
      return message;
    });
  }

  private threadFromAddress(recipients: string[], now: Date): { kind: ThreadKind; id: string } | null {
    for (const recipient of recipients) {
      const found = this.tokens.caseOf(recipient, now);
      if (found) return found;
    }
    return null;
  }

  /** The case of the newest of our mails the answer refers to. */
  private async threadFromHeaders(manager: EntityManager, mail: ParsedMail): Promise<{ kind: ThreadKind; id: string } | null> {
    const references = [mail.inReplyTo, ...(Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [])].filter((r): r is string => Boolean(r));
    if (!references.length) return null;
    const delivery = await manager.findOne(Delivery, { where: { providerMessageId: In(references.slice(-20)) }, order: { sentAt: 'DESC' } });
    return delivery?.threadKind && delivery.threadId ? { kind: delivery.threadKind, id: delivery.threadId } : null;
  }
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);
}

/** The customer's new words: the plain text (mailparser derives it from HTML-only mail) without the quoted earlier mail. */
function newText(mail: ParsedMail): string {
  const text = (mail.text ?? '').replace(/\r\n/g, '\n');
  const trimmed = extractFrom(text, 'text/plain').trim();
  return trimmed || text.trim();
}
