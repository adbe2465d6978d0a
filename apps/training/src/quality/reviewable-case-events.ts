import {
  complaintAssigned,
  complaintClosed,
  complaintFeedbackGiven,
  complaintRegistered,
  complaintResolved,
  inquiryClosed,
  inquiryEscalated,
  inquiryFirstResponded,
  inquiryReceived,
} from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import { ReviewedCaseKind } from './quality.enums';
import type { ReviewableCases } from './reviewable-cases';

const { INQUIRY, COMPLAINT } = ReviewedCaseKind;

/**
 * What inquiry's and complaint's events say about who worked on a case, kept for QA reviews: an
 * inquiry exists from `inquiry.received`; whoever first replied, escalated or closed it handled it;
 * a complaint's registrar, assignees, and whoever gave feedback, resolved or closed it handled it.
 */
export function reviewableCaseEvents(cases: ReviewableCases): EventHandler<any>[] {
  return [
    onEvent(inquiryReceived, ({ data }, manager) => cases.heard(manager, INQUIRY, data.inquiryId, new Date(data.receivedAt))),
    onEvent(inquiryFirstResponded, ({ data }, manager) => cases.handled(manager, INQUIRY, data.inquiryId, data.respondedBy, new Date(data.respondedAt))),
    onEvent(inquiryEscalated, ({ data }, manager) => cases.handled(manager, INQUIRY, data.inquiryId, data.escalatedBy, new Date(data.escalatedAt))),
    onEvent(inquiryClosed, ({ data }, manager) => cases.handled(manager, INQUIRY, data.inquiryId, data.closedBy, new Date(data.closedAt))),
    onEvent(complaintRegistered, ({ data }, manager) => cases.handled(manager, COMPLAINT, data.complaintId, data.registeredBy, new Date(data.registeredAt))),
    onEvent(complaintAssigned, ({ data }, manager) => cases.handled(manager, COMPLAINT, data.complaintId, data.assigneeId, new Date(data.assignedAt))),
    onEvent(complaintFeedbackGiven, ({ data }, manager) => cases.handled(manager, COMPLAINT, data.complaintId, data.givenBy, new Date(data.givenAt))),
    onEvent(complaintResolved, ({ data }, manager) => cases.handled(manager, COMPLAINT, data.complaintId, data.resolvedBy, new Date(data.resolvedAt))),
    onEvent(complaintClosed, ({ data }, manager) => cases.handled(manager, COMPLAINT, data.complaintId, data.closedBy, new Date(data.closedAt))),
  ];
}
