import type { CustomerRecords } from '@carebridge/known-customers';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@carebridge/service-kit';
import type { CustomerConsents } from '../customer-contact/customer-consents';
import type { CustomerContacts } from '../customer-contact/customer-contacts';
import type { Delivery } from '../delivery/delivery.entity';
import type { DeliveryQueue } from '../delivery/delivery-queue';
import { MessageChannel, MessagePurpose, type ThreadKind } from '../delivery/delivery.enums';
import { templateNamed } from '../template/message-templates';
import { formatTime, renderTemplate } from '../template/template-rendering';
import { type Locale, localeFor } from '../template/template.enums';

/** What the reaction knows of the recipient's language, for the values it fills in. */
export interface Addressing {
  locale: Locale;
  /** Writes a time in the recipient's language and the company's time zone. */
  time(value: Date | string): string;
}

export interface CustomerMessage {
  causeEventId: string;
  templateKey: string;
  customerId: string | null;
  /** Where to write when crm does not know the customer (an inquiry's own contact). */
  fallbackContact?: { email: string | null; name: string | null };
  thread?: { kind: ThreadKind; id: string };
  /** The template's values except customerName, which comes from the contact. */
  values(addressing: Addressing): Record<string, string>;
}

export type TellOutcome = 'QUEUED' | 'ALREADY_QUEUED' | 'NO_CONSENT' | 'NOT_A_CURRENT_CUSTOMER' | 'NO_ADDRESS';

const GREETING: Record<Locale, string> = { en: 'customer', 'zh-CN': '客户' };

/**
 * Tells a customer of something that happened: in their language, addressed by their name, on the
 * channel they can be reached on (e-mail, else SMS where a provider is configured), and only with
 * their consent for the template's purpose. The delivery is queued in the event's transaction.
 */
export class CustomerMessaging {
  constructor(
    private readonly customers: CustomerRecords,
    private readonly contacts: CustomerContacts,
    private readonly consents: CustomerConsents,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
    private readonly options: { smsAvailable: boolean; timeZone: string },
  ) {}

  async tell(manager: EntityManager, message: CustomerMessage): Promise<{ outcome: TellOutcome; delivery?: Delivery }> {
    const template = templateNamed(message.templateKey);
    if (!template) throw new Error(`No message template ${message.templateKey}`);
    let customerId: string | null = null;
    if (message.customerId) {
      const standing = await this.customers.standing(manager, message.customerId);
      if (standing.state === 'ERASED') return { outcome: 'NOT_A_CURRENT_CUSTOMER' };
      if (standing.state === 'KNOWN') customerId = standing.id;
    }
    if (!customerId && !message.fallbackContact?.email) return { outcome: 'NOT_A_CURRENT_CUSTOMER' };
    const contact = customerId ? await this.contacts.of(manager, customerId) : null;
    const email = contact?.email ?? message.fallbackContact?.email?.toLowerCase() ?? null;
    const phone = this.options.smsAvailable ? (contact?.phone ?? null) : null;
    const channel = email || !phone ? MessageChannel.EMAIL : MessageChannel.SMS;
    if (customerId && !(await this.consents.allows(manager, customerId, template.purpose, channel))) return { outcome: 'NO_CONSENT' };
    // Marketing and follow-ups go only to customers crm knows, whose consent is known.
    if (!customerId && template.purpose !== MessagePurpose.SERVICE) return { outcome: 'NO_CONSENT' };
    const locale = localeFor(contact?.preferredLanguage);
    const addressing: Addressing = { locale, time: (value) => formatTime(value, locale, this.options.timeZone) };
    const rendered = renderTemplate(template, locale, { customerName: contact?.name ?? message.fallbackContact?.name ?? GREETING[locale], ...message.values(addressing) });
    const delivery = await this.queue.enqueue(
      manager,
      {
        causeEventId: message.causeEventId,
        purpose: template.purpose,
        channel,
        customerId,
        staffUserId: null,
        recipientKey: customerId ? `customer:${customerId}` : `address:${email}`,
        address: channel === MessageChannel.EMAIL ? email : phone,
        thread: message.thread ?? null,
        message: rendered,
      },
      this.clock.now(),
    );
    if (!delivery) return { outcome: 'ALREADY_QUEUED' };
    return { outcome: delivery.address ? 'QUEUED' : 'NO_ADDRESS', delivery };
  }
}
