import { trainingOverdue } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource } from 'typeorm';
import { mandatoryTraining } from './mandatory-training';

/**
 * Finds who became overdue on mandatory training and publishes training.overdue once per person,
 * course and due date (a renewed certificate that expires again is a new due date): the record and
 * its event are written together, and a record already there means it was announced.
 */
export class OverdueDetection {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async run(now: Date): Promise<{ announced: number }> {
    return this.dataSource.transaction(async (manager) => {
      const overdue = (await mandatoryTraining(manager, now, { onlyOverdue: true })).filter((item) => item.dueAt && item.overdueReason);
      if (!overdue.length) return { announced: 0 };
      // One statement for every overdue pair; only those not recorded before come back.
      const recorded: { staff_user_id: string; course_id: string; due_at: Date }[] = await manager.query(
        `INSERT INTO training_overdue (staff_user_id, course_id, due_at, reason, detected_at)
         SELECT t.staff_user_id, t.course_id, t.due_at, t.reason, $5 FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[]) AS t (staff_user_id, course_id, due_at, reason)
         ON CONFLICT (staff_user_id, course_id, due_at) DO NOTHING
         RETURNING staff_user_id, course_id, due_at`,
        [overdue.map((i) => i.staffUserId), overdue.map((i) => i.courseId), overdue.map((i) => i.dueAt), overdue.map((i) => i.overdueReason), now],
      );
      const fresh = new Set(recorded.map((row) => `${row.staff_user_id}\u0000${row.course_id}`));
      let announced = 0;
      for (const item of overdue) {
        if (!fresh.has(`${item.staffUserId}\u0000${item.courseId}`) || !item.dueAt || !item.overdueReason) continue;
        await this.outbox.publish(manager, trainingOverdue, {
          courseId: item.courseId,
          staffUserId: item.staffUserId,
          team: item.team,
          reason: item.overdueReason,
          dueAt: item.dueAt.toISOString(),
          detectedAt: now.toISOString(),
        });
        announced += 1;
      }
      return { announced };
    });
  }
}
