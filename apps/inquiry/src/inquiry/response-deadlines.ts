import { DeadlineMonitor, defineDeadline, type OverdueSubject } from '@carebridge/business-calendar';
import { inquirySlaBreached } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource } from 'typeorm';
import type { InquiryChannel } from '../channel/channel.enums';
import { ResponseTarget } from '../response-policy/response-policy.enums';
import { recordHistory } from './inquiry-history';
import type { Inquiry } from './inquiry.entity';
import { InquiryHistoryKind, InquiryStatus } from './inquiry.enums';

/** An inquiry past a response target, with what `inquiry.sla_breached` says about it. */
export interface OverdueInquiry extends OverdueSubject {
  customerId: string | null;
  channel: InquiryChannel;
}

export function overdueInquiry(inquiry: Inquiry, dueAt: Date): OverdueInquiry {
  return { subjectId: inquiry.id, dueAt, customerId: inquiry.customerId, channel: inquiry.channel };
}

/** A response target: it runs while the inquiry is in `status`, and falls due at the `due` column. */
function responseTarget(target: ResponseTarget, status: InquiryStatus, due: 'first_response_due_at' | 'reply_due_at') {
  return defineDeadline({
    name: target,
    findOverdue: (manager, now, limit): Promise<OverdueInquiry[]> =>
      manager.query(
        `SELECT i.id AS "subjectId", i.${due} AS "dueAt", i.customer_id AS "customerId", i.channel
           FROM inquiry i
          WHERE i.next_due_at <= $1 AND i.status = $3 AND i.${due} IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM inquiry_sla_breach b WHERE b.inquiry_id = i.id AND b.target = $4 AND b.due_at = i.${due})
          ORDER BY i.next_due_at LIMIT $2
          FOR UPDATE OF i SKIP LOCKED`,
        [now, limit, status, target],
      ),
    onBreach: (manager, { dueAt, breachedAt, subject }) =>
      recordHistory(
        manager,
        subject.subjectId,
        InquiryHistoryKind.SLA_BREACHED,
        `${target === ResponseTarget.FIRST_RESPONSE ? 'First response' : 'Reply'} target missed (due ${dueAt.toISOString()})`,
        null,
        breachedAt,
      ),
    event: inquirySlaBreached,
    eventData: ({ subject, dueAt, breachedAt }) => ({
      inquiryId: subject.subjectId,
      customerId: subject.customerId,
      channel: subject.channel,
      target,
      dueAt: dueAt.toISOString(),
      breachedAt: breachedAt.toISOString(),
    }),
  });
}

/** The first response is owed while the inquiry is NEW; a reply while it is OPEN (the customer wrote again). */
export const FIRST_RESPONSE_DEADLINE = responseTarget(ResponseTarget.FIRST_RESPONSE, InquiryStatus.NEW, 'first_response_due_at');
export const REPLY_DEADLINE = responseTarget(ResponseTarget.REPLY, InquiryStatus.OPEN, 'reply_due_at');

/**
 * Missed response targets, each recorded once: the breach row's key (inquiry, target, due time)
 * makes `inquiry.sla_breached` go out exactly once, whether the monitor sees it first or a late
 * reply does (which records it through `record`).
 */
export function inquiryDeadlineMonitor(runtime: { dataSource: DataSource; outbox: Outbox }): DeadlineMonitor {
  return new DeadlineMonitor({
    dataSource: runtime.dataSource,
    outbox: runtime.outbox,
    breaches: { table: 'inquiry_sla_breach', subjectColumn: 'inquiry_id', deadlineColumn: 'target' },
    deadlines: [FIRST_RESPONSE_DEADLINE, REPLY_DEADLINE],
  });
}
