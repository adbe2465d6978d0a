import { documentIssued, documentRefused, documentRequested, documentSent } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CaseRecording } from './case-recording';
import { CustomerCaseKind, CustomerCaseStatus, CustomerCaseStepKind } from './case-view.enums';

/** after-sales' documents, as the customer sees them: asked for with its due time, ready (issued), sent, or declined. */
export function onDocumentEvents(recording: CaseRecording): EventHandler<any>[] {
  const DOCUMENT = CustomerCaseKind.DOCUMENT;
  return [
    onEvent(documentRequested, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.documentId,
        kind: DOCUMENT,
        customerId: data.customerId,
        at: new Date(data.requestedAt),
        category: data.type,
        deadline: { kind: 'DOCUMENT', at: new Date(data.dueAt) },
        step: { id, kind: CustomerCaseStepKind.REQUESTED },
      });
    }),
    onEvent(documentIssued, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.documentId,
        kind: DOCUMENT,
        customerId: data.customerId,
        at: new Date(data.issuedAt),
        category: data.type,
        reference: data.documentNumber,
        status: CustomerCaseStatus.READY,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.ISSUED },
      });
    }),
    onEvent(documentSent, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.documentId,
        kind: DOCUMENT,
        customerId: data.customerId,
        at: new Date(data.sentAt),
        status: CustomerCaseStatus.READY,
        step: { id, kind: CustomerCaseStepKind.SENT, detail: data.channel },
      });
    }),
    onEvent(documentRefused, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.documentId,
        kind: DOCUMENT,
        customerId: data.customerId,
        at: new Date(data.refusedAt),
        status: CustomerCaseStatus.DECLINED,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.DECLINED },
      });
    }),
  ];
}
