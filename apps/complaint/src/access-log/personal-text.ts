import { REDACTED_TEXT, type PersonalTextOptions } from '@carebridge/service-kit';
import type { ConversationMessage } from '../complaint/conversation-message.entity';
import type { InvolvedParty } from '../complaint/complaint.enums';

/**
 * How the complaint's free text is shown (PersonalText): the customer's words, the place, the
 * people involved, the conversation carried over from the inquiry and the explanation given to
 * the customer. Withheld from roles without need (trainer, analyst); each unmasked read is logged
 * under the complaint's customer.
 */
export const COMPLAINT_TEXT: PersonalTextOptions<{ customerId: string }> = { customer: (complaint) => complaint.customerId };

/** The customer and other people keep their kind and lose name and detail; staff, flights, hotels lose the detail (as on erasure). */
export const COMPLAINT_PEOPLE: PersonalTextOptions<{ customerId: string }> = {
  ...COMPLAINT_TEXT,
  redact: (parties: InvolvedParty[] | null) =>
    (parties ?? []).map((party) => (['CUSTOMER', 'OTHER'].includes(party.kind) ? { ...party, name: REDACTED_TEXT, detail: null } : { ...party, detail: null })),
};

export const COMPLAINT_CONVERSATION: PersonalTextOptions<{ customerId: string }> = {
  ...COMPLAINT_TEXT,
  redact: (messages: ConversationMessage[] | null) => (messages ?? []).map((message) => ({ ...message, body: REDACTED_TEXT })),
};
