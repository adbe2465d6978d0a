import type { CustomerTimelineEntryContract } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { InteractionHistory } from './interaction-history';

/**
 * `<producer>.customer_timeline_entry` → an entry in the customer's interaction history. One
 * handler for every producer: crm learns nothing of their own events.
 */
export function onCustomerTimelineEntry(contract: CustomerTimelineEntryContract, history: InteractionHistory): EventHandler<CustomerTimelineEntryContract> {
  return onEvent(contract, (event, manager) => history.recordPublished(manager, contract.producer, event.data));
}
