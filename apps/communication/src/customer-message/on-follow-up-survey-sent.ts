import { followUpSurveySent } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerMessaging } from './customer-messaging';
import type { SurveyInvitationLinks } from './survey-invitation-links';

/**
 * followup_survey.sent: the customer gets the survey's link in their language, once per survey and
 * once more for its one reminder. A follow-up (T-4.1): it needs no marketing consent, and a customer
 * who refused follow-ups, for every channel or this one, gets nothing.
 */
export function onFollowUpSurveySent(messaging: CustomerMessaging, links: SurveyInvitationLinks): EventHandler<typeof followUpSurveySent> {
  return onEvent(followUpSurveySent, async ({ id, data }, manager) => {
    await messaging.tell(manager, {
      causeEventId: id,
      templateKey: data.reminder ? 'survey.reminder' : 'survey.invitation',
      customerId: data.customerId,
      values: ({ time }) => ({ surveyLink: links.linkTo(data.surveyId, new Date(data.linkExpiresAt)), linkExpires: time(data.linkExpiresAt) }),
    });
  });
}
