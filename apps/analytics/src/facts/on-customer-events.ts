import { customerCreated, customerErased, customerMerged, customerServiceTermsChanged, customerUpdated } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FactRecording } from './fact-recording';

/** crm's customer stream: the tier and key account breakdowns use, merges and erasures. Nothing else about the customer is kept. */
export function onCustomerEvents(facts: FactRecording): EventHandler<any>[] {
  return [
    onEvent(customerCreated, (event, m) => facts.customerTier(m, event.data.customerId, event.data.tier, event.data.createdAt)),
    onEvent(customerUpdated, (event, m) => facts.customerTier(m, event.data.customerId, event.data.tier, event.data.updatedAt)),
    onEvent(customerServiceTermsChanged, (event, m) => facts.customerKeyAccount(m, event.data)),
    onEvent(customerMerged, (event, m) => facts.customerMerged(m, event.data)),
    onEvent(customerErased, (event, m) => facts.customerErased(m, event.data)),
  ];
}
