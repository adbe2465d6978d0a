import { inquirySlaBreached } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { recordHistory } from '../inquiry/inquiry-history';
import { Inquiry, InquiryHistoryKind, InquiryStatus } from '../inquiry/inquiry.entity';
import { ResponseTarget } from './response-policy.entity';

const BATCH = 200;

/**
 * Finds inquiries past a response target and records each breach once: the breach row's
 * key (inquiry, target, due time) makes `inquiry.sla_breached` go out exactly once, whether the
 * monitor sees it first or a late reply does.
 */
export class DeadlineMonitor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** The scheduled job: records every breach due by `now`; reports how many it found. */
  async run(now: Date): Promise<{ breached: number }> {
    let breached = 0;
    for (;;) {
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT i.id FROM inquiry i
          WHERE i.next_due_at <= $1 AND i.status IN ('NEW', 'OPEN')
            AND NOT EXISTS (SELECT 1 FROM inquiry_sla_breach b WHERE b.inquiry_id = i.id AND b.due_at = i.next_due_at)
          ORDER BY i.next_due_at LIMIT $2`,
        [now, BATCH],
      );
      let recorded = 0;
      for (const { id } of due) {
        const found = await this.dataSource.transaction(async (manager) => {
          const inquiry = await manager.findOne(Inquiry, { where: { id }, lock: { mode: 'pessimistic_write' } });
          if (!inquiry?.nextDueAt || inquiry.nextDueAt > now) return false;
          if (inquiry.status === InquiryStatus.NEW) return this.recordBreach(manager, inquiry, ResponseTarget.FIRST_RESPONSE, inquiry.firstResponseDueAt, now);
          if (inquiry.status === InquiryStatus.OPEN && inquiry.replyDueAt) return this.recordBreach(manager, inquiry, ResponseTarget.REPLY, inquiry.replyDueAt, now);
          return false;
        });
        if (found) recorded += 1;
      }
      breached += recorded;
      if (due.length < BATCH || recorded === 0) return { breached };
    }
  }

  /** Records a breach in the caller's transaction unless it is recorded already; true when it is new. */
  async recordBreach(manager: EntityManager, inquiry: Inquiry, target: ResponseTarget, dueAt: Date, breachedAt: Date): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inquiry_sla_breach (inquiry_id, target, due_at, breached_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING inquiry_id`,
      [inquiry.id, target, dueAt, breachedAt],
    );
    if (!inserted.length) return false;
    await this.outbox.publish(manager, inquirySlaBreached, {
      inquiryId: inquiry.id,
      customerId: inquiry.customerId,
      channel: inquiry.channel,
      target,
      dueAt: dueAt.toISOString(),
      breachedAt: breachedAt.toISOString(),
    });
    const what = target === ResponseTarget.FIRST_RESPONSE ? 'First response' : 'Reply';
    await recordHistory(manager, inquiry.id, InquiryHistoryKind.SLA_BREACHED, `${what} target missed (due ${dueAt.toISOString()})`, null, breachedAt);
    return true;
  }
}
