import { baggageFileClosed, baggageFileDeliveryUpdated, baggageFileOpened, baggageFileSuspended, incidentOpened, incidentResolved } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CaseRecording } from './case-recording';
import { CustomerCaseKind, CustomerCaseStatus, CustomerCaseStepKind } from './case-view.enums';

/**
 * after-sales' in-trip incidents and baggage files, as the passenger sees them: an incident opened
 * and resolved; a baggage file by its reference, the bag found, each courier status, the outcome.
 * Partner tasks, entitlements, fault stations and loss reasons are internal.
 */
export function onIncidentEvents(recording: CaseRecording): EventHandler<any>[] {
  return [
    onEvent(incidentOpened, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.incidentId,
        kind: CustomerCaseKind.INCIDENT,
        customerId: data.customerId,
        at: new Date(data.openedAt),
        category: data.type,
        status: CustomerCaseStatus.IN_PROGRESS,
        step: { id, kind: CustomerCaseStepKind.OPENED },
      });
    }),
    onEvent(incidentResolved, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.incidentId,
        kind: CustomerCaseKind.INCIDENT,
        customerId: data.customerId,
        at: new Date(data.resolvedAt),
        status: CustomerCaseStatus.RESOLVED,
        step: { id, kind: CustomerCaseStepKind.RESOLVED, staffId: data.resolvedBy },
      });
    }),
    onEvent(baggageFileOpened, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.baggageFileId,
        kind: CustomerCaseKind.BAGGAGE_FILE,
        customerId: data.customerId,
        at: new Date(data.openedAt),
        reference: data.reference,
        category: data.incidentType,
        relatedCaseId: data.incidentId,
        status: CustomerCaseStatus.IN_PROGRESS,
        step: { id, kind: CustomerCaseStepKind.OPENED },
      });
    }),
    onEvent(baggageFileSuspended, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.baggageFileId,
        kind: CustomerCaseKind.BAGGAGE_FILE,
        customerId: data.customerId,
        at: new Date(data.suspendedAt),
        status: CustomerCaseStatus.IN_PROGRESS,
        step: { id, kind: CustomerCaseStepKind.BAG_FOUND },
      });
    }),
    onEvent(baggageFileDeliveryUpdated, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.baggageFileId,
        kind: CustomerCaseKind.BAGGAGE_FILE,
        customerId: data.customerId,
        at: new Date(data.at),
        step: { id, kind: CustomerCaseStepKind.BAG_DELIVERY, detail: data.status },
      });
    }),
    onEvent(baggageFileClosed, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.baggageFileId,
        kind: CustomerCaseKind.BAGGAGE_FILE,
        customerId: data.customerId,
        at: new Date(data.closedAt),
        status: CustomerCaseStatus.CLOSED,
        step: { id, kind: CustomerCaseStepKind.CLOSED, detail: data.outcome },
      });
    }),
  ];
}
