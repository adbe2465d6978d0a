import { complaintSlaAtRisk, complaintSlaBreached, inquirySlaAtRisk, inquirySlaBreached } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CustomerCases } from '../case/customer-cases';
import type { StaffNotifying } from './staff-notifying';

/**
 * complaint.sla_at_risk, complaint.sla_breached, inquiry.sla_at_risk and inquiry.sla_breached: the
 * complaint's assignee is told (its supervisors when nobody is assigned), and so is the assignee of an
 * inquiry at risk; an inquiry's breach goes to the supervisors.
 */
export function onSlaBreached(cases: CustomerCases, notifying: StaffNotifying): EventHandler<any>[] {
  // A complaint's warning and breach say the same things to the same people; only kind and template differ.
  const complaintDeadline = (contract: typeof complaintSlaBreached | typeof complaintSlaAtRisk, kind: string, templateKey: string) =>
    onEvent(contract, async ({ id, data }, manager) => {
      const known = await cases.find(manager, data.complaintId);
      await notifying.notify(manager, {
        causeEventId: id,
        kind,
        templateKey,
        recipient: data.assigneeId ? { userId: data.assigneeId } : { role: 'supervisor' },
        subjectType: 'Complaint',
        subjectId: data.complaintId,
        values: ({ time }) => ({ registrationNumber: known?.reference ?? data.complaintId, deadline: data.deadline, dueAt: time(data.dueAt) }),
      });
    });
  return [
    complaintDeadline(complaintSlaBreached, 'COMPLAINT_SLA_BREACHED', 'staff.complaint_sla_breached'),
    complaintDeadline(complaintSlaAtRisk, 'COMPLAINT_SLA_AT_RISK', 'staff.complaint_sla_at_risk'),
    onEvent(inquirySlaAtRisk, async ({ id, data }, manager) => {
      await notifying.notify(manager, {
        causeEventId: id,
        kind: 'INQUIRY_SLA_AT_RISK',
        templateKey: 'staff.inquiry_sla_at_risk',
        recipient: data.assigneeId ? { userId: data.assigneeId } : { role: 'supervisor' },
        subjectType: 'Inquiry',
        subjectId: data.inquiryId,
        values: ({ time }) => ({ target: data.target, channel: data.channel, dueAt: time(data.dueAt) }),
      });
    }),
    onEvent(inquirySlaBreached, async ({ id, data }, manager) => {
      await notifying.notify(manager, {
        causeEventId: id,
        kind: 'INQUIRY_SLA_BREACHED',
        templateKey: 'staff.inquiry_sla_breached',
        recipient: { role: 'supervisor' },
        subjectType: 'Inquiry',
        subjectId: data.inquiryId,
        values: ({ time }) => ({ target: data.target, channel: data.channel, dueAt: time(data.dueAt) }),
      });
    }),
  ];
}
