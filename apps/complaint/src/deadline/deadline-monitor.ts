import { complaintSlaBreached } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { ComplaintAction } from '../history/complaint-history.entity';
import { type ComplaintHistory, SYSTEM_ACTOR } from '../history/complaint-history';
import { DeadlineKind } from './complaint-deadlines';

/** The role missed deadlines are escalated to. */
export const ESCALATION_ROLE = 'supervisor';

const BATCH = 200;

interface Watched {
  kind: DeadlineKind;
  due: string;
  met: string;
  breached: string;
  /** The feedback clock stands still while the complaint waits on the customer. */
  pausable: boolean;
}

const WATCHED: Watched[] = [
  { kind: DeadlineKind.FEEDBACK, due: 'feedback_due_at', met: 'feedback_given_at', breached: 'feedback_breached_at', pausable: true },
  { kind: DeadlineKind.DOT_ACKNOWLEDGMENT, due: 'dot_acknowledgment_due_at', met: 'dot_acknowledged_at', breached: 'dot_acknowledgment_breached_at', pausable: false },
  { kind: DeadlineKind.DOT_RESPONSE, due: 'dot_response_due_at', met: 'dot_responded_at', breached: 'dot_response_breached_at', pausable: false },
];

interface BreachedRow {
  id: string;
  customer_id: string;
  urgency: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  assignee_id: string | null;
  due_at: Date;
  first_escalation: boolean;
}

/**
 * Finds complaints past a deadline: records the breach, escalates the complaint
 * to the supervisors and publishes `complaint.sla_breached` — in one transaction, and only for a
 * deadline whose breach is not recorded yet, so each breach is reported once however often the
 * monitor runs and however many instances run it.
 */
export class DeadlineMonitor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly history: ComplaintHistory,
  ) {}

  async run(now: Date): Promise<{ breached: number }> {
    let breached = 0;
    for (const watched of WATCHED) {
      for (;;) {
        const count = await this.dataSource.transaction((manager) => this.breachBatch(manager, watched, now));
        breached += count;
        if (count < BATCH) break;
      }
    }
    return { breached };
  }

  private async breachBatch(manager: EntityManager, w: Watched, now: Date): Promise<number> {
    // SKIP LOCKED: a complaint an agent is changing right now is looked at on the next run.
    const [found]: [BreachedRow[], number] = await manager.query(
      `WITH due AS (
         SELECT id, escalated_at IS NULL AS first_escalation FROM complaint
         WHERE ${w.met} IS NULL AND ${w.breached} IS NULL AND ${w.due} <= $1 ${w.pausable ? 'AND waiting_since IS NULL' : ''}
         ORDER BY ${w.due} LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED)
       UPDATE complaint c SET ${w.breached} = $1,
         escalated_at = COALESCE(c.escalated_at, $1), escalated_to_role = COALESCE(c.escalated_to_role, $2),
         version = c.version + 1, updated_at = $1
       FROM due WHERE c.id = due.id
       RETURNING c.id, c.customer_id, c.urgency, c.assignee_id, c.${w.due} AS due_at, due.first_escalation`,
      [now, ESCALATION_ROLE],
    );
    for (const row of found) {
      await this.history.record(manager, row.id, {
        action: ComplaintAction.DEADLINE_BREACHED,
        actor: SYSTEM_ACTOR,
        at: now,
        changes: { deadline: { to: w.kind }, dueAt: { to: new Date(row.due_at).toISOString() } },
      });
      if (row.first_escalation) {
        await this.history.record(manager, row.id, { action: ComplaintAction.ESCALATED, actor: SYSTEM_ACTOR, at: now, changes: { escalatedToRole: { to: ESCALATION_ROLE } } });
      }
      await this.outbox.publish(manager, complaintSlaBreached, {
        complaintId: row.id,
        customerId: row.customer_id,
        deadline: w.kind,
        urgency: row.urgency,
        dueAt: new Date(row.due_at).toISOString(),
        breachedAt: now.toISOString(),
        assigneeId: row.assignee_id,
      });
    }
    return found.length;
  }
}
