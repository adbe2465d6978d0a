import { partnerTaskOverdue, serviceRecoveryOpened } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { StaffNotifying } from './staff-notifying';

/** service_recovery.opened (to after-sales staff) and partner_task.overdue (to the task's owner). */
export function onAfterSalesTask(notifying: StaffNotifying): EventHandler<any>[] {
  return [
    onEvent(serviceRecoveryOpened, async ({ id, data }, manager) => {
      await notifying.notify(manager, {
        causeEventId: id,
        kind: 'SERVICE_RECOVERY_TASK',
        templateKey: 'staff.service_recovery_task',
        recipient: { role: 'after_sales' },
        subjectType: 'ServiceRecoveryTask',
        subjectId: data.taskId,
        values: ({ time }) => ({ nps: String(data.nps), dueAt: time(data.dueAt) }),
      });
    }),
    onEvent(partnerTaskOverdue, async ({ id, data }, manager) => {
      await notifying.notify(manager, {
        causeEventId: id,
        kind: 'PARTNER_TASK_OVERDUE',
        templateKey: 'staff.partner_task_overdue',
        recipient: { userId: data.ownerId },
        subjectType: 'PartnerTask',
        subjectId: data.taskId,
        values: ({ time }) => ({ partnerKind: data.partnerKind, dueAt: time(data.dueAt) }),
      });
    }),
  ];
}
