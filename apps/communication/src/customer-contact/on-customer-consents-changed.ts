import { customerConsentsChanged } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import { MessagePurpose } from '../delivery/delivery.enums';
import type { CustomerConsents } from './customer-consents';

/** crm's customer.consents_changed: follow-up and marketing consent on every channel, the latest statement winning. */
export function onCustomerConsentsChanged(consents: CustomerConsents, customers: CustomerRecords): EventHandler<typeof customerConsentsChanged> {
  return onEvent(customerConsentsChanged, async ({ data }, manager) => {
    const standing = await customers.standing(manager, data.customerId);
    if (standing.state !== 'KNOWN') return;
    const at = new Date(data.changedAt);
    await consents.state(manager, standing.id, MessagePurpose.FOLLOW_UP, 'ALL', data.followUpConsent, at, 'crm');
    await consents.state(manager, standing.id, MessagePurpose.MARKETING, 'ALL', data.marketingConsent, at, 'crm');
  });
}
