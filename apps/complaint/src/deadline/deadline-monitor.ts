import { AT_RISK_SUFFIX, DeadlineMonitor, defineDeadline, type OverdueSubject } from '@carebridge/business-calendar';
import { complaintSlaAtRisk, complaintSlaBreached } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { type ComplaintHistory, SYSTEM_ACTOR } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import type { Urgency } from '../urgency/urgency.enums';
import { DEADLINE_COLUMNS, type DeadlineColumns } from './deadline-columns';

/** The role missed deadlines are escalated to. */
export const ESCALATION_ROLE = 'supervisor';

interface OverdueComplaint extends OverdueSubject {
  customerId: string;
  urgency: Urgency;
  assigneeId: string | null;
  firstEscalation: boolean;
}

/**
 * complaint.sla_at_risk, once per deadline and due time: in the last `atRiskPercent` of the
 * deadline's time, as the list's `atRisk` filter counts it, unmet and not paused.
 */
function atRiskWarning(w: DeadlineColumns, atRiskPercent: number) {
  return {
    findAtRisk: (manager: EntityManager, now: Date, limit: number): Promise<OverdueComplaint[]> =>
      manager.query(
        `SELECT c.id AS "subjectId", c.${w.due} AS "dueAt", c.customer_id AS "customerId", c.urgency, c.assignee_id AS "assigneeId", false AS "firstEscalation"
           FROM complaint c
          WHERE c.${w.met} IS NULL AND c.${w.breached} IS NULL AND c.${w.due} > $1 ${w.pausable ? 'AND c.waiting_since IS NULL' : ''} AND c.merged_into_id IS NULL
            AND c.${w.due} - (c.${w.due} - c.${w.start}) * (CAST($3 AS float8) / 100) <= $1
            AND NOT EXISTS (SELECT 1 FROM complaint_deadline_breach b WHERE b.complaint_id = c.id AND b.deadline = $4 AND b.due_at = c.${w.due})
          ORDER BY c.${w.due} LIMIT $2
          FOR UPDATE OF c SKIP LOCKED`,
        [now, limit, atRiskPercent, `${w.kind}${AT_RISK_SUFFIX}`],
      ),
    event: complaintSlaAtRisk,
    eventData: ({ subject, dueAt, detectedAt }: { subject: OverdueComplaint; dueAt: Date; detectedAt: Date }) => ({
      complaintId: subject.subjectId,
      customerId: subject.customerId,
      deadline: w.kind,
      urgency: subject.urgency,
      dueAt: dueAt.toISOString(),
      detectedAt: detectedAt.toISOString(),
      assigneeId: subject.assigneeId,
    }),
  };
}

/** One deadline of the complaint, watched: a breach is recorded on the complaint, escalates it and is published. */
function complaintDeadline(w: DeadlineColumns, history: ComplaintHistory, atRiskPercent?: number) {
  return defineDeadline({
    ...(atRiskPercent ? { atRisk: atRiskWarning(w, atRiskPercent) } : {}),
    name: w.kind,
    // SKIP LOCKED: a complaint an agent is changing right now is looked at on the next run.
    findOverdue: (manager, now, limit): Promise<OverdueComplaint[]> =>
      manager.query(
        `SELECT id AS "subjectId", ${w.due} AS "dueAt", customer_id AS "customerId", urgency, assignee_id AS "assigneeId",
                escalated_at IS NULL AS "firstEscalation"
           FROM complaint
          WHERE ${w.met} IS NULL AND ${w.breached} IS NULL AND ${w.due} <= $1 ${w.pausable ? 'AND waiting_since IS NULL' : ''}
            -- A merged duplicate's deadlines stop: the complaint it was merged into carries on.
            AND merged_into_id IS NULL
          ORDER BY ${w.due} LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [now, limit],
      ),
    onBreach: async (manager, { subject, dueAt, breachedAt: now }) => {
      await manager.query(
        `UPDATE complaint SET ${w.breached} = $2,
           escalated_at = COALESCE(escalated_at, $2), escalated_to_role = COALESCE(escalated_to_role, $3),
           version = version + 1, updated_at = $2
         WHERE id = $1`,
        [subject.subjectId, now, ESCALATION_ROLE],
      );
      await history.record(manager, subject.subjectId, {
        action: ComplaintAction.DEADLINE_BREACHED,
        actor: SYSTEM_ACTOR,
        at: now,
        changes: { deadline: { to: w.kind }, dueAt: { to: dueAt.toISOString() } },
      });
      if (subject.firstEscalation) {
        await history.record(manager, subject.subjectId, { action: ComplaintAction.ESCALATED, actor: SYSTEM_ACTOR, at: now, changes: { escalatedToRole: { to: ESCALATION_ROLE } } });
      }
    },
    event: complaintSlaBreached,
    eventData: ({ subject, dueAt, breachedAt }) => ({
      complaintId: subject.subjectId,
      customerId: subject.customerId,
      deadline: w.kind,
      urgency: subject.urgency,
      dueAt: dueAt.toISOString(),
      breachedAt: breachedAt.toISOString(),
      assigneeId: subject.assigneeId,
    }),
  });
}

/**
 * Finds complaints past a deadline: records the breach, escalates the complaint
 * to the supervisors and publishes `complaint.sla_breached` — in one transaction, and once per
 * breach however often the monitor runs and however many instances run it. Given `atRiskPercent`,
 * it also warns once with `complaint.sla_at_risk` when a deadline enters its last part.
 */
export function complaintDeadlineMonitor(runtime: { dataSource: DataSource; outbox: Outbox }, history: ComplaintHistory, atRiskPercent?: number): DeadlineMonitor {
  return new DeadlineMonitor({
    dataSource: runtime.dataSource,
    outbox: runtime.outbox,
    breaches: { table: 'complaint_deadline_breach', subjectColumn: 'complaint_id' },
    deadlines: DEADLINE_COLUMNS.map((w) => complaintDeadline(w, history, atRiskPercent)),
  });
}
