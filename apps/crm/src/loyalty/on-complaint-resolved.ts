import { complaintResolved } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { ComplaintCompensation } from './complaint-compensation';

/** complaint.resolved → its points, miles and vouchers for the customer. */
export function onComplaintResolved(compensation: ComplaintCompensation): EventHandler<typeof complaintResolved> {
  return onEvent(complaintResolved, (event, manager) => compensation.grant(event.data, manager));
}
