import { ConflictError } from '@carebridge/domain';
import type { Inquiry } from './inquiry.entity';
import { ACTIVE_STATUSES, InquiryStatus } from './inquiry.enums';

const { NEW, OPEN, WAITING_ON_CUSTOMER, ESCALATED, CLOSED, MERGED } = InquiryStatus;

/** The inquiry's life (T-1.1, A-3.1): which status may follow which. */
export const NEXT_STATUSES: Readonly<Record<InquiryStatus, readonly InquiryStatus[]>> = {
  [NEW]: [OPEN, WAITING_ON_CUSTOMER, ESCALATED, CLOSED, MERGED],
  [OPEN]: [OPEN, WAITING_ON_CUSTOMER, ESCALATED, CLOSED, MERGED],
  [WAITING_ON_CUSTOMER]: [OPEN, WAITING_ON_CUSTOMER, ESCALATED, CLOSED, MERGED],
  [ESCALATED]: [CLOSED],
  [CLOSED]: [OPEN],
  [MERGED]: [],
};

/** After the first response a caller is still on the line (OPEN); a writer has the next word. */
export const AFTER_FIRST_RESPONSE = { live: OPEN, written: WAITING_ON_CUSTOMER } as const;

/** An action on an inquiry: the statuses it may start from, the status it leads to, and how it is refused otherwise. */
export interface InquiryStep {
  from: readonly InquiryStatus[];
  to?: InquiryStatus;
  refusal(inquiry: Inquiry): ConflictError;
}

function mergedAway(inquiry: Inquiry): ConflictError {
  return new ConflictError(`The inquiry was merged into ${inquiry.mergedIntoId}; continue there`, { currentStatus: inquiry.status, mergedIntoId: inquiry.mergedIntoId, allowedNext: [] });
}

type EndedStatus = Exclude<InquiryStatus, (typeof ACTIVE_STATUSES)[number]>;

/** What an inquiry whose handling ended says to more work on its conversation. */
const HANDLING_ENDED: Readonly<Record<EndedStatus, (inquiry: Inquiry) => ConflictError>> = {
  [CLOSED]: (inquiry) => new ConflictError(`The inquiry is ${inquiry.status}: reopen it first`, { currentStatus: inquiry.status, allowedNext: NEXT_STATUSES[inquiry.status] }),
  [ESCALATED]: (inquiry) => new ConflictError(`The inquiry is ${inquiry.status}: it is handled as a complaint now`, { currentStatus: inquiry.status, allowedNext: NEXT_STATUSES[inquiry.status] }),
  [MERGED]: mergedAway,
};

const notBeingHandled = (inquiry: Inquiry) => HANDLING_ENDED[inquiry.status as EndedStatus](inquiry);
const cannot = (what: string) => (inquiry: Inquiry) =>
  new ConflictError(`An inquiry that is ${inquiry.status} cannot be ${what}`, { currentStatus: inquiry.status, allowedNext: NEXT_STATUSES[inquiry.status] });

const notMerged = [NEW, OPEN, WAITING_ON_CUSTOMER, ESCALATED, CLOSED];

export const STEPS = {
  answerCall: { from: [NEW], to: OPEN, refusal: (inquiry) => new ConflictError('The call was answered already', { currentStatus: inquiry.status, allowedNext: [] }) },
  // From NEW the first response is still owed, so a further message leaves the status as it is.
  recordCustomerMessage: { from: ACTIVE_STATUSES, to: OPEN, refusal: notBeingHandled },
  reply: { from: ACTIVE_STATUSES, to: WAITING_ON_CUSTOMER, refusal: notBeingHandled },
  addNote: { from: notMerged, refusal: mergedAway },
  linkCustomer: { from: notMerged, refusal: mergedAway },
  assign: { from: ACTIVE_STATUSES, refusal: notBeingHandled },
  // Classification stays correctable after the inquiry ended (reports count it), not once merged away.
  classify: { from: notMerged, refusal: mergedAway },
  prioritise: { from: ACTIVE_STATUSES, refusal: notBeingHandled },
  reportCall: { from: [NEW], refusal: (inquiry) => new ConflictError('The call was answered already', { currentStatus: inquiry.status, allowedNext: [] }) },
  merge: {
    from: ACTIVE_STATUSES,
    to: MERGED,
    refusal: (inquiry) => new ConflictError(`Inquiry ${inquiry.id} is ${inquiry.status}; only inquiries being handled can be merged`, { currentStatus: inquiry.status, inquiryId: inquiry.id }),
  },
  close: { from: [...ACTIVE_STATUSES, ESCALATED], to: CLOSED, refusal: cannot('closed') },
  reopen: {
    from: [CLOSED],
    to: OPEN,
    refusal: (inquiry) => new ConflictError(`Only a closed inquiry can be reopened; this one is ${inquiry.status}`, { currentStatus: inquiry.status, allowedNext: NEXT_STATUSES[inquiry.status] }),
  },
  escalate: { from: ACTIVE_STATUSES, to: ESCALATED, refusal: cannot('escalated') },
  requestOrderChange: {
    from: [NEW, OPEN, WAITING_ON_CUSTOMER, ESCALATED],
    refusal: (inquiry) => new ConflictError(`Order changes cannot be requested on an inquiry that is ${inquiry.status}`, { currentStatus: inquiry.status, mergedIntoId: inquiry.mergedIntoId }),
  },
} satisfies Record<string, InquiryStep>;

/** Refuses a step the inquiry's status does not allow. */
export function ensureStepAllowed(inquiry: Inquiry, step: InquiryStep): void {
  if (!step.from.includes(inquiry.status)) throw step.refusal(inquiry);
}
