import { customerContactChanged } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerContacts } from './customer-contacts';

/** crm's customer.contact_changed: the name, addresses and language communication reaches the customer with. */
export function onCustomerContactChanged(contacts: CustomerContacts, customers: CustomerRecords): EventHandler<typeof customerContactChanged> {
  return onEvent(customerContactChanged, async ({ data }, manager) => {
    const standing = await customers.standing(manager, data.customerId);
    if (standing.state !== 'KNOWN') return;
    await contacts.record(manager, standing.id, { name: data.name, email: data.email, phone: data.phone, preferredLanguage: data.preferredLanguage, changedAt: new Date(data.changedAt) });
  });
}
