import { AT_RISK_SUFFIX, DeadlineMonitor, defineDeadline, type OverdueSubject } from '@carebridge/business-calendar';
import { inquirySlaAtRisk, inquirySlaBreached } from '@carebridge/event-contracts';
import type { EntityManager } from 'typeorm';
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
  assigneeId?: string | null;
}

export function overdueInquiry(inquiry: Inquiry, dueAt: Date): OverdueInquiry {
  return { subjectId: inquiry.id, dueAt, customerId: inquiry.customerId, channel: inquiry.channel };
}

/**
 * inquiry.sla_at_risk, once per target and due time: the inquiry's `at_risk_at` (the last
 * INQUIRY_AT_RISK_PERCENT of the time, as the list's `atRisk` filter counts it) has come, the target
 * is still the running one and not yet due.
 */
function atRiskWarning(target: ResponseTarget, status: InquiryStatus, due: 'first_response_due_at' | 'reply_due_at') {
  return {
    findAtRisk: (manager: EntityManager, now: Date, limit: number): Promise<OverdueInquiry[]> =>
      manager.query(
        `SELECT i.id AS "subjectId", i.${due} AS "dueAt", i.customer_id AS "customerId", i.channel, i.assignee_id AS "assigneeId"
           FROM inquiry i
          WHERE i.status = $3 AND i.${due} IS NOT NULL AND i.next_due_at = i.${due} AND i.at_risk_at <= $1 AND i.${due} > $1
            AND NOT EXISTS (SELECT 1 FROM inquiry_sla_warning w WHERE w.inquiry_id = i.id AND w.target = $4 AND w.due_at = i.${due})
          ORDER BY i.${due} LIMIT $2
          FOR UPDATE OF i SKIP LOCKED`,
        [now, limit, status, `${target}${AT_RISK_SUFFIX}`],
      ),
    event: inquirySlaAtRisk,
    eventData: ({ subject, dueAt, detectedAt }: { subject: OverdueInquiry; dueAt: Date; detectedAt: Date }) => ({
      inquiryId: subject.subjectId,
      customerId: subject.customerId,
      channel: subject.channel,
      target,
      dueAt: dueAt.toISOString(),
      detectedAt: detectedAt.toISOString(),
      assigneeId: subject.assigneeId ?? null,
    }),
  };
}

/** A response target: it runs while the inquiry is in `status`, and falls due at the `due` column. */
function responseTarget(target: ResponseTarget, status: InquiryStatus, due: 'first_response_due_at' | 'reply_due_at') {
  return defineDeadline({
    name: target,
    atRisk: atRiskWarning(target, status, due),
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
    // Warnings in a table of their own: the breach table's target is an enum, and its rows are the customer's missed targets.
    breaches: { table: 'inquiry_sla_breach', subjectColumn: 'inquiry_id', deadlineColumn: 'target', warnings: { table: 'inquiry_sla_warning', detectedAtColumn: 'warned_at' } },
    deadlines: [FIRST_RESPONSE_DEADLINE, REPLY_DEADLINE],
  });
}
