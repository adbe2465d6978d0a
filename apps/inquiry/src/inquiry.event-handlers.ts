import type { EventHandler } from '@carebridge/messaging';
import { onComplaintRegistered } from './inquiry/on-complaint-registered';
import type { InquiryDomain } from './inquiry.domain';

/** What the inquiry service does with other services' events. */
export function inquiryEventHandlers(domain: InquiryDomain): EventHandler<any>[] {
  return [
    // crm's customer.created/merged/erased and customer.export_requested, as the customer records declare.
    ...domain.customers.eventHandlers(),
    onComplaintRegistered(),
  ];
}
