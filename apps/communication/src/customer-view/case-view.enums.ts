import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** What a case of the customer's own view is, one per kind of thing other services tell the customer about. */
export const CustomerCaseKind = enumOf(['INQUIRY', 'COMPLAINT', 'INCIDENT', 'BAGGAGE_FILE', 'DOCUMENT', 'SURVEY']);
export type CustomerCaseKind = EnumValue<typeof CustomerCaseKind>;
registerEnumType(CustomerCaseKind, {
  name: 'CustomerCaseKind',
  description: 'INQUIRY (a question), COMPLAINT, INCIDENT (help during a trip), BAGGAGE_FILE (a delayed, damaged or lost bag), DOCUMENT (a paper asked for), SURVEY (a post-trip survey to answer).',
});

/** Where a case stands, in the words a customer reads, the same for every kind. */
export const CustomerCaseStatus = enumOf(['RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_YOU', 'READY', 'RESOLVED', 'CLOSED', 'DECLINED']);
export type CustomerCaseStatus = EnumValue<typeof CustomerCaseStatus>;
registerEnumType(CustomerCaseStatus, {
  name: 'CustomerCaseStatus',
  description:
    'RECEIVED (registered, nobody has answered yet), IN_PROGRESS (someone is on it), WAITING_FOR_YOU (the customer has something to do: answer a survey), ' +
    'READY (a document can be fetched), RESOLVED, CLOSED, DECLINED (a document request was refused).',
});

/** One public step of a case: status changes and what was sent to the customer, never internal work. */
export const CustomerCaseStepKind = enumOf([
  'RECEIVED',
  'ANSWERED',
  'ESCALATED_TO_COMPLAINT',
  'REGISTERED',
  'ASSIGNED',
  'FEEDBACK_GIVEN',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
  'OPENED',
  'BAG_FOUND',
  'BAG_DELIVERY',
  'REQUESTED',
  'ISSUED',
  'SENT',
  'DECLINED',
  'SURVEY_SENT',
  'SURVEY_REMINDER',
  'SURVEY_ANSWERED',
]);
export type CustomerCaseStepKind = EnumValue<typeof CustomerCaseStepKind>;
registerEnumType(CustomerCaseStepKind, {
  name: 'CustomerCaseStepKind',
  description:
    'RECEIVED, ANSWERED (a first reply), ESCALATED_TO_COMPLAINT, REGISTERED, ASSIGNED (someone took it on), FEEDBACK_GIVEN, RESOLVED, CLOSED, REOPENED, OPENED (an incident or baggage file), ' +
    'BAG_FOUND, BAG_DELIVERY (with the courier’s status in `detail`), REQUESTED, ISSUED, SENT, DECLINED (documents), SURVEY_SENT, SURVEY_REMINDER, SURVEY_ANSWERED.',
});

/** The next thing the company promised on a case, and by when. */
export const CustomerCaseDeadlineKind = enumOf(['FIRST_REPLY', 'FEEDBACK', 'DOCUMENT', 'SURVEY_ANSWER']);
export type CustomerCaseDeadlineKind = EnumValue<typeof CustomerCaseDeadlineKind>;
registerEnumType(CustomerCaseDeadlineKind, {
  name: 'CustomerCaseDeadlineKind',
  description: 'FIRST_REPLY (an inquiry’s first answer), FEEDBACK (a complaint’s feedback), DOCUMENT (the paper asked for), SURVEY_ANSWER (until when the survey link works).',
});
