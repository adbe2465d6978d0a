import { compensationApprovalRequested } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { StaffNotifying } from './staff-notifying';

/** compensation.approval_requested: every supervisor sees the approval waiting (T-1.5). */
export function onCompensationApprovalRequested(notifying: StaffNotifying): EventHandler<typeof compensationApprovalRequested> {
  return onEvent(compensationApprovalRequested, async ({ id, data }, manager) => {
    await notifying.notify(manager, {
      causeEventId: id,
      kind: 'COMPENSATION_APPROVAL_WAITING',
      templateKey: 'staff.approval_waiting',
      recipient: { role: 'supervisor' },
      subjectType: 'Complaint',
      subjectId: data.complaintId,
      values: () => ({ registrationNumber: data.registrationNumber, count: String(data.itemIds.length) }),
    });
  });
}
