import { complaintAssigned } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerCases } from '../case/customer-cases';
import type { StaffNotifying } from './staff-notifying';

/** complaint.assigned: the new assignee is told, unless they took the complaint themselves. */
export function onComplaintAssigned(cases: CustomerCases, notifying: StaffNotifying): EventHandler<typeof complaintAssigned> {
  return onEvent(complaintAssigned, async ({ id, data }, manager) => {
    if (!data.automatic && data.assignedBy === data.assigneeId) return;
    const known = await cases.find(manager, data.complaintId);
    await notifying.notify(manager, {
      causeEventId: id,
      kind: 'COMPLAINT_ASSIGNED',
      templateKey: 'staff.complaint_assigned',
      recipient: { userId: data.assigneeId },
      subjectType: 'Complaint',
      subjectId: data.complaintId,
      values: () => ({ registrationNumber: known?.reference ?? data.complaintId, reason: data.reason ?? (data.automatic ? 'automatic' : data.assignedBy) }),
    });
  });
}
