import { COMPLAINT_CATEGORIES, CONTACT_CHANNELS, enumOf, type EnumValue, MESSAGE_DIRECTIONS } from '@carebridge/event-contracts';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** The complaint taxonomy, shared with inquiry and the event contracts. */
export const ComplaintCategory = enumOf(COMPLAINT_CATEGORIES);
export type ComplaintCategory = EnumValue<typeof ComplaintCategory>;

/** Where the service failed, found in the analysis of the complaint (T-3.2). */
export enum RootCauseCategory {
  STAFF_BEHAVIOUR = 'STAFF_BEHAVIOUR',
  PROCESS = 'PROCESS',
  SYSTEM = 'SYSTEM',
  PARTNER = 'PARTNER',
  OPERATIONS = 'OPERATIONS',
  COMMUNICATION = 'COMMUNICATION',
  POLICY = 'POLICY',
  EXTERNAL = 'EXTERNAL',
  NO_FAULT = 'NO_FAULT',
  OTHER = 'OTHER',
}

export const ContactChannel = enumOf(CONTACT_CHANNELS);
export type ContactChannel = EnumValue<typeof ContactChannel>;

export enum InvolvedPartyKind {
  /** The customer or a fellow traveller: personal data, anonymised when the customer is erased. */
  CUSTOMER = 'CUSTOMER',
  STAFF = 'STAFF',
  FLIGHT = 'FLIGHT',
  HOTEL = 'HOTEL',
  PARTNER = 'PARTNER',
  OTHER = 'OTHER',
}

/** Who a message of the conversation carried over from an inquiry is from. */
export const MessageDirection = enumOf(MESSAGE_DIRECTIONS);
export type MessageDirection = EnumValue<typeof MessageDirection>;

registerEnumType(ComplaintCategory, { name: 'ComplaintCategory', description: 'What the complaint is about.' });
registerEnumType(RootCauseCategory, { name: 'RootCauseCategory', description: 'The service weak point behind a complaint (T-3.2).' });
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'How the customer reached the department.' });
registerEnumType(InvolvedPartyKind, { name: 'InvolvedPartyKind' });
registerEnumType(MessageDirection, { name: 'MessageDirection' });

@ObjectType({ description: 'A person, flight, hotel or partner the complaint concerns (A-3.2.2).' })
export class InvolvedParty {
  @Field(() => InvolvedPartyKind)
  kind: InvolvedPartyKind;

  @Field({ description: 'Name or reference: a staff name, flight number, hotel or partner name.' })
  name: string;

  @Field(() => String, { nullable: true })
  detail?: string | null;
}

@ObjectType({ description: 'A file the customer sent, by reference; the complaint service stores no files.' })
export class Attachment {
  @Field()
  name: string;

  @Field({ description: 'Media type, e.g. image/jpeg.' })
  contentType: string;

  @Field()
  url: string;
}
