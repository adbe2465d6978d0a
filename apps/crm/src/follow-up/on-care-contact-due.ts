import { careContactDue } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CareFollowUps } from './care-follow-ups';

/** after-sales' care_contact.due → a follow-up on crm's list, once per care contact. */
export function onCareContactDue(followUps: CareFollowUps): EventHandler<typeof careContactDue> {
  return onEvent(careContactDue, (event, manager) => followUps.whenDue(event.data, manager));
}
