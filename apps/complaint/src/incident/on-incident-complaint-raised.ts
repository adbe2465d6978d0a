import { incidentComplaintRaised } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { ComplaintRegistration } from '../complaint/complaint-registration';

/**
 * After-sales raised a complaint for an in-trip incident: it is registered with the compensation
 * the passenger-rights engine computed, for the resolution plan to propose — so the offer goes
 * through this service's one compensation mechanism, approval rule and crm's ledger.
 */
export function onIncidentComplaintRaised(registration: ComplaintRegistration): EventHandler<typeof incidentComplaintRaised> {
  return onEvent(incidentComplaintRaised, async ({ data }, manager) => {
    await registration.registerFromIncident(data, manager);
  });
}
