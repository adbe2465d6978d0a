import { complaintAssigned, complaintClosed, complaintFeedbackGiven, complaintRegistered, complaintReopened, complaintResolved } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CaseRecording } from './case-recording';
import { CustomerCaseKind, CustomerCaseStatus, CustomerCaseStepKind } from './case-view.enums';

/**
 * complaint's events, as the customer sees them: registered with its number and feedback deadline,
 * taken on, feedback given, resolved (with the kinds of compensation offered), closed, reopened.
 * Reassignments between staff, assignment reasons, breached deadlines, root causes and the
 * customer's satisfaction comment stay out.
 */
export function onComplaintEvents(recording: CaseRecording): EventHandler<any>[] {
  const COMPLAINT = CustomerCaseKind.COMPLAINT;
  return [
    onEvent(complaintRegistered, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.complaintId,
        kind: COMPLAINT,
        customerId: data.customerId,
        at: new Date(data.registeredAt),
        reference: data.registrationNumber,
        category: data.category,
        relatedCaseId: data.inquiryId ?? null,
        ...(data.feedbackDueAt ? { deadline: { kind: 'FEEDBACK' as const, at: new Date(data.feedbackDueAt) } } : {}),
        step: { id, kind: CustomerCaseStepKind.REGISTERED },
      });
    }),
    onEvent(complaintAssigned, async ({ id, data }, manager) => {
      // Only the first assignment is news to the customer: someone took their complaint on.
      await recording.record(manager, {
        caseId: data.complaintId,
        kind: COMPLAINT,
        customerId: data.customerId,
        at: new Date(data.assignedAt),
        onlyFrom: [CustomerCaseStatus.RECEIVED],
        status: CustomerCaseStatus.IN_PROGRESS,
        step: { id, kind: CustomerCaseStepKind.ASSIGNED, staffId: data.assigneeId },
      });
    }),
    onEvent(complaintFeedbackGiven, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.complaintId,
        kind: COMPLAINT,
        customerId: data.customerId,
        at: new Date(data.givenAt),
        status: CustomerCaseStatus.IN_PROGRESS,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.FEEDBACK_GIVEN, staffId: data.givenBy },
      });
    }),
    onEvent(complaintResolved, async ({ id, data }, manager) => {
      const kinds = [...new Set(data.compensation.map((item) => item.kind))];
      await recording.record(manager, {
        caseId: data.complaintId,
        kind: COMPLAINT,
        customerId: data.customerId,
        at: new Date(data.resolvedAt),
        reference: data.registrationNumber,
        status: CustomerCaseStatus.RESOLVED,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.RESOLVED, detail: kinds.length ? kinds.join(', ') : null, staffId: data.resolvedBy },
      });
    }),
    onEvent(complaintClosed, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.complaintId,
        kind: COMPLAINT,
        customerId: data.customerId,
        at: new Date(data.closedAt),
        status: CustomerCaseStatus.CLOSED,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.CLOSED },
      });
    }),
    onEvent(complaintReopened, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.complaintId,
        kind: COMPLAINT,
        customerId: data.customerId,
        at: new Date(data.reopenedAt),
        status: CustomerCaseStatus.IN_PROGRESS,
        step: { id, kind: CustomerCaseStepKind.REOPENED },
      });
    }),
  ];
}
