import type { EventFieldEncryption } from '@carebridge/customer-keys';
import { sealedSchema, withheldFields } from '@carebridge/customer-keys';
import { type EventContract, customerErased } from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';
import { type EventHandler, onEvent } from './consumer';
import { EmbeddedTransport } from './embedded-transport';
import { scrubOutbox } from './outbox';
import type { EventTransport } from './transport';

/**
 * The service's handlers, reading events whose contract marks fields `encrypted`: the message is
 * checked against the contract with those fields allowed to be sealed, they are opened with the
 * customer's key, and the handler gets the data checked against the contract itself. An erased
 * customer's fields arrive as placeholders, named in `event.unreadable`; fields sent in the clear
 * (events from before encryption) are taken as they are. Without `personalFields` the service
 * never opens them: they all read as placeholders (a consumer without need of them, analytics).
 */
export function readableHandlers(handlers: EventHandler<any>[], personalFields: EventFieldEncryption | undefined): EventHandler<any>[] {
  return handlers.map((handler) => {
    const contract: EventContract = handler.contract;
    if (!contract.encrypted) return handler;
    return {
      contract: { ...contract, schema: sealedSchema(contract) },
      settle: handler.settle,
      async handle(event, manager) {
        const opened = personalFields ? await personalFields.open(contract, event.data) : withheldFields(contract, event.data);
        const data = contract.schema.parse(opened.data);
        await handler.handle({ ...event, data, ...(opened.unreadable.length ? { unreadable: opened.unreadable } : {}) }, manager);
      },
    };
  });
}

/**
 * What every service does on crm's `customer.erased`, besides its own erasure: its outbox keeps no
 * sealed field of the customer, nor does the embedded log in the topics the service publishes
 * (Kafka's copies stay, unreadable without the key), and this process forgets the customer's data keys.
 * The contacts the service keyed the customer's data under before it knew them (`contactsOf`) have
 * their keys destroyed here too (crm knows nothing of them), then are scrubbed alike.
 */
export function sealedFieldScrubbing(options: {
  transport: EventTransport;
  topics: string[];
  personalFields?: EventFieldEncryption;
  contactsOf?: (manager: EntityManager, customerId: string) => Promise<string[]>;
}): EventHandler<typeof customerErased> {
  return onEvent(customerErased, async (event, manager) => {
    const contacts = (await options.contactsOf?.(manager, event.data.customerId)) ?? [];
    if (contacts.length && !options.personalFields) throw new Error('Erasing sealed contact fields needs the customer key store');
    for (const contact of contacts) await options.personalFields?.erase(contact);
    for (const subject of [event.data.customerId, ...contacts]) {
      options.personalFields?.forget(subject);
      await scrubOutbox(manager, subject);
      if (options.transport instanceof EmbeddedTransport && options.topics.length) await options.transport.scrubSealedFields(subject, options.topics);
    }
  });
}
