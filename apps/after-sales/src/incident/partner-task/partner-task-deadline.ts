import { DeadlineMonitor, defineDeadline, type OverdueSubject } from '@carebridge/business-calendar';
import { partnerTaskOverdue, type PARTNER_KINDS } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR, incidentTimeline } from '../incident-timeline';
import { IncidentAction } from '../incident.enums';

interface OverdueTask extends OverdueSubject {
  incidentId: string;
  partnerKind: (typeof PARTNER_KINDS)[number];
  ownerId: string;
}

/** A partner task past its due time and still unanswered: marked, put on the incident's timeline, announced once. */
const partnerTaskDue = defineDeadline({
  name: 'PARTNER_TASK_DUE',
  findOverdue: (manager, now, limit): Promise<OverdueTask[]> =>
    manager.query(
      `SELECT t.id AS "subjectId", t.due_at AS "dueAt", t.incident_id AS "incidentId", t.partner_kind AS "partnerKind", t.owner_id AS "ownerId"
         FROM partner_task t
        WHERE t.status = 'OPEN' AND t.due_at <= $1
          AND NOT EXISTS (SELECT 1 FROM partner_task_deadline_breach b WHERE b.task_id = t.id AND b.deadline = 'PARTNER_TASK_DUE' AND b.due_at = t.due_at)
        ORDER BY t.due_at LIMIT $2
        FOR UPDATE OF t SKIP LOCKED`,
      [now, limit],
    ),
  onBreach: async (manager, { subject, dueAt, breachedAt }) => {
    await manager.query(`UPDATE partner_task SET overdue_at = $2 WHERE id = $1`, [subject.subjectId, breachedAt]);
    await incidentTimeline.record(manager, subject.incidentId, {
      action: IncidentAction.TASK_OVERDUE,
      at: breachedAt,
      actor: SYSTEM_ACTOR,
      changes: { taskId: { to: subject.subjectId }, partnerKind: { to: subject.partnerKind }, dueAt: { to: dueAt.toISOString() } },
    });
  },
  event: partnerTaskOverdue,
  eventData: ({ subject, dueAt, breachedAt }) => ({
    taskId: subject.subjectId,
    incidentId: subject.incidentId,
    partnerKind: subject.partnerKind,
    ownerId: subject.ownerId,
    dueAt: dueAt.toISOString(),
    overdueAt: breachedAt.toISOString(),
  }),
});

/** Finds partner tasks past their due time and announces each once (`partner_task.overdue`), however often it runs. */
export function partnerTaskMonitor(runtime: { dataSource: DataSource; outbox: Outbox }): DeadlineMonitor {
  return new DeadlineMonitor({
    dataSource: runtime.dataSource,
    outbox: runtime.outbox,
    breaches: { table: 'partner_task_deadline_breach', subjectColumn: 'task_id' },
    deadlines: [partnerTaskDue],
  });
}
