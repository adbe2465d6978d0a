import { tripCompleted } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { FollowUpScheduling } from './follow-up-scheduling';

/** A trip ended (trip.completed, after-sales' own event): its follow-up is scheduled, once per trip. */
export function onTripCompleted(scheduling: FollowUpScheduling): EventHandler<typeof tripCompleted> {
  return onEvent(tripCompleted, async ({ data }, manager) => {
    await scheduling.scheduleForTrip(data, manager);
  });
}
