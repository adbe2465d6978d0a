import { customerConsentsChanged } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FollowUpCalls } from './follow-up-calls';

/**
 * crm's customer.consents_changed: the follow-up consent crm holds is applied to the customer's
 * contact preferences (on the survivor of a merged customer; nothing for an erased or unknown one).
 * A statement older than the one held is ignored (`FollowUpCalls.recordConsent`).
 */
export function onCustomerConsentsChanged(calls: FollowUpCalls, customers: CustomerRecords): EventHandler<typeof customerConsentsChanged> {
  return onEvent(customerConsentsChanged, async ({ data }, manager) => {
    const standing = await customers.standing(manager, data.customerId);
    if (standing.state !== 'KNOWN') return;
    await calls.recordConsent(manager, standing.id, data.followUpConsent, new Date(data.changedAt));
  });
}
