import { inquiryClosed, inquiryEscalated, inquiryFirstResponded, inquiryReceived, inquiryReopened } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CaseRecording } from './case-recording';
import { CustomerCaseKind, CustomerCaseStatus, CustomerCaseStepKind } from './case-view.enums';

/**
 * inquiry's events, as the customer sees them: received with its first-reply deadline, answered,
 * turned into a complaint, closed, reopened. Inquiries of unknown senders have no customer and no
 * view; breached response targets are internal; closing satisfaction and reopening reasons are not
 * kept.
 */
export function onInquiryEvents(recording: CaseRecording): EventHandler<any>[] {
  const INQUIRY = CustomerCaseKind.INQUIRY;
  return [
    onEvent(inquiryReceived, async ({ id, data }, manager) => {
      if (!data.customerId) return;
      await recording.record(manager, {
        caseId: data.inquiryId,
        kind: INQUIRY,
        customerId: data.customerId,
        at: new Date(data.receivedAt),
        category: data.category,
        deadline: { kind: 'FIRST_REPLY', at: new Date(data.firstResponseDueAt) },
        step: { id, kind: CustomerCaseStepKind.RECEIVED },
      });
    }),
    onEvent(inquiryFirstResponded, async ({ id, data }, manager) => {
      if (!data.customerId) return;
      await recording.record(manager, {
        caseId: data.inquiryId,
        kind: INQUIRY,
        customerId: data.customerId,
        at: new Date(data.respondedAt),
        status: CustomerCaseStatus.IN_PROGRESS,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.ANSWERED, staffId: data.respondedBy },
      });
    }),
    onEvent(inquiryEscalated, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.inquiryId,
        kind: INQUIRY,
        customerId: data.customerId,
        at: new Date(data.escalatedAt),
        status: CustomerCaseStatus.IN_PROGRESS,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.ESCALATED_TO_COMPLAINT },
      });
    }),
    onEvent(inquiryClosed, async ({ id, data }, manager) => {
      if (!data.customerId) return;
      await recording.record(manager, {
        caseId: data.inquiryId,
        kind: INQUIRY,
        customerId: data.customerId,
        at: new Date(data.closedAt),
        status: CustomerCaseStatus.CLOSED,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.CLOSED },
      });
    }),
    onEvent(inquiryReopened, async ({ id, data }, manager) => {
      if (!data.customerId) return;
      await recording.record(manager, {
        caseId: data.inquiryId,
        kind: INQUIRY,
        customerId: data.customerId,
        at: new Date(data.reopenedAt),
        status: CustomerCaseStatus.IN_PROGRESS,
        step: { id, kind: CustomerCaseStepKind.REOPENED },
      });
    }),
  ];
}
