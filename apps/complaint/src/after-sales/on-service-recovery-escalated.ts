import { serviceRecoveryEscalated } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { ComplaintRegistration } from '../complaint/complaint-registration';

/** After-sales turned a service-recovery task into a complaint: it is registered in the customer's words. */
export function onServiceRecoveryEscalated(registration: ComplaintRegistration): EventHandler<typeof serviceRecoveryEscalated> {
  return onEvent(serviceRecoveryEscalated, async ({ data }, manager) => {
    await registration.registerFromServiceRecovery(data, manager);
  });
}
