import { customerCreated, customerUpdated } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerContacts } from './customer-contacts';

/** crm's customer.created and customer.updated carry the language the customer is written to in. */
export function onCustomerLanguageStated(contacts: CustomerContacts, customers: CustomerRecords): EventHandler<any>[] {
  return [
    onEvent(customerCreated, async ({ data }, manager) => {
      const standing = await customers.standing(manager, data.customerId);
      if (standing.state === 'KNOWN') await contacts.recordLanguage(manager, standing.id, data.preferredLanguage, new Date(data.createdAt));
    }),
    onEvent(customerUpdated, async ({ data }, manager) => {
      const standing = await customers.standing(manager, data.customerId);
      if (standing.state === 'KNOWN') await contacts.recordLanguage(manager, standing.id, data.preferredLanguage, new Date(data.updatedAt));
    }),
  ];
}
