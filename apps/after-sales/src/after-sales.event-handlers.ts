import type { EventHandler } from '@carebridge/messaging';
import type { AfterSalesDomain } from './after-sales.domain';
import { onCustomerConsentsChanged } from './follow-up/on-customer-consents-changed';
import { onTripCompleted } from './follow-up/on-trip-completed';
import { onBookingEvents } from './trip/on-booking';

/** What after-sales does with other services' and systems' events, each in the transaction that records the event as processed. */
export function afterSalesEventHandlers(domain: AfterSalesDomain): EventHandler<any>[] {
  return [
    // crm's customer.created/merged/erased/export_requested: the customer records follow, as declared.
    ...domain.customers.eventHandlers(),
    // The reservation system's booking.confirmed/changed/cancelled/completed.
    ...onBookingEvents(domain.bookingIntake),
    // after-sales' own trip.completed: the post-trip follow-up is scheduled.
    onTripCompleted(domain.followUpScheduling),
    // crm's customer.consents_changed: its follow-up consent, the latest statement winning.
    onCustomerConsentsChanged(domain.followUpCalls, domain.customers),
  ];
}
