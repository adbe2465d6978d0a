import { type EventData, inboundMessageReceived } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import { InquiryChannel } from '../channel/channel.enums';
import type { InquiryIntake } from './inquiry-intake';
import { STEPS } from './inquiry-lifecycle';
import { Inquiry } from './inquiry.entity';
import { InquiryCategory } from './inquiry.enums';

/** The communication service, as the author of what arrives by e-mail. */
const MAIL_INTAKE = { userId: 'communication', roles: [], name: 'E-mail' };

type InboundMessage = EventData<typeof inboundMessageReceived>;

/** The customer's words as the inquiry keeps them: the attachments (kept by communication) are named below them. */
function messageText(message: InboundMessage): string {
  if (!message.attachments.length) return message.body;
  const files = message.attachments.map((a) => `${a.fileName} (${a.contentType}, ${a.size} bytes)`).join(', ');
  return `${message.body}\n\n[Attachments: ${files}]`;
}

/**
 * communication's inbound_message.received: an answer to an inquiry being handled is added to its
 * conversation (a reply then falls due); any other mail to the support address opens an inquiry on
 * the EMAIL channel, for the crm customer the sender was matched to, to be triaged. An answer to an
 * inquiry that is closed or was escalated opens a new one: nothing the customer writes is lost.
 */
export function onInboundMessageReceived(intake: InquiryIntake, customers: CustomerRecords): EventHandler<typeof inboundMessageReceived> {
  return onEvent(inboundMessageReceived, async ({ data }, manager) => {
    const receivedAt = new Date(data.receivedAt);
    if (data.thread?.kind === 'COMPLAINT') return;
    if (data.thread && (await openForMessages(manager, data.thread.id))) {
      await intake.recordCustomerMessage({ inquiryId: data.thread.id, body: messageText(data), receivedAt }, manager);
      return;
    }
    const customerId = data.customerId && (await customers.isCurrent(manager, data.customerId)) ? data.customerId : null;
    await intake.receive(
      {
        channel: InquiryChannel.EMAIL,
        category: InquiryCategory.OTHER,
        subject: data.subject.trim() || '(no subject)',
        message: messageText(data),
        customerId,
        contact: { name: data.from.name, email: data.from.address },
        receivedAt,
      },
      MAIL_INTAKE,
      manager,
    );
  });
}

async function openForMessages(manager: EntityManager, inquiryId: string): Promise<boolean> {
  const inquiry = await manager.findOneBy(Inquiry, { id: inquiryId });
  return Boolean(inquiry && (STEPS.recordCustomerMessage.from as readonly string[]).includes(inquiry.status));
}
