import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '@carebridge/business-calendar';
import { DEADLINE_COLUMNS } from '../deadline/deadline-columns';
import { type ComplaintDeadline, DeadlineKind, DeadlineState } from '../deadline/deadline.enums';
import type { Urgency } from '../urgency/urgency.enums';
import type { Complaint } from './complaint.entity';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const DOT_ACKNOWLEDGMENT_DAYS = 30;
export const DOT_RESPONSE_DAYS = 60;

export interface DeadlineSettings {
  calendar: BusinessCalendar;
  feedbackTargetHours: number;
  dotRule: boolean;
  atRiskPercent: number;
}

/**
 * Keeps a complaint's deadlines (A-3.2.4): the feedback deadline from the urgency's policy in
 * business time, paused while waiting on the customer; and, with the US DOT rule on, the
 * acknowledgment and response deadlines in calendar days, which the regulation does not pause.
 */
export class DeadlineClock {
  constructor(
    readonly settings: DeadlineSettings,
    /** A key-account member's agreed response time, when one applies (crm's service terms). */
    private readonly memberTerms?: { agreedMinutesSql(customerIdParam: string, atParam: string): string },
  ) {}

  /** Business milliseconds allowed for feedback at this urgency. */
  async feedbackTarget(manager: EntityManager, urgency: Urgency, member?: { customerId: string; at: Date }): Promise<number> {
    const agreed = member && this.memberTerms ? this.memberTerms.agreedMinutesSql('$2', '$3') : 'NULL::integer';
    // One statement for the urgency's policy and a key-account member's agreed time: registration keeps its round trips.
    const [row] = await manager.query(
      `SELECT (SELECT feedback_target_minutes FROM complaint_deadline_policy WHERE urgency = $1) AS "policyMinutes", ${agreed} AS "agreedMinutes"`,
      member && this.memberTerms ? [urgency, member.customerId, member.at] : [urgency],
    );
    const target = row?.policyMinutes != null ? Number(row.policyMinutes) * 60_000 : this.settings.feedbackTargetHours * HOUR_MS;
    if (!member || row?.agreedMinutes == null) return target;
    // The agreed time is calendar time: the business time it leaves from `at`, if that is shorter.
    return Math.min(target, this.settings.calendar.between(member.at, new Date(member.at.getTime() + Number(row.agreedMinutes) * 60_000)));
  }

  /** A new feedback round: at registration and at every reopening. */
  startFeedback(complaint: Complaint, at: Date, targetMs: number): void {
    complaint.feedbackStartedAt = at;
    complaint.feedbackTargetMs = targetMs;
    complaint.feedbackPausedMs = 0;
    complaint.feedbackGivenAt = null;
    complaint.feedbackBreachedAt = null;
    complaint.feedbackDueAt = this.settings.calendar.add(at, targetMs);
  }

  startRegulatory(complaint: Complaint, at: Date): void {
    if (!this.settings.dotRule) return;
    complaint.dotAcknowledgmentDueAt = new Date(at.getTime() + DOT_ACKNOWLEDGMENT_DAYS * DAY_MS);
    complaint.dotResponseDueAt = new Date(at.getTime() + DOT_RESPONSE_DAYS * DAY_MS);
  }

  /** The urgency changed: the open feedback deadline follows the new target from the same start. */
  retarget(complaint: Complaint, targetMs: number): void {
    if (complaint.feedbackGivenAt) return;
    complaint.feedbackTargetMs = targetMs;
    complaint.feedbackDueAt = this.settings.calendar.add(complaint.feedbackStartedAt, targetMs + complaint.feedbackPausedMs);
  }

  pause(complaint: Complaint, at: Date): void {
    complaint.waitingSince = at;
  }

  /** Ends a wait; returns its wall-clock and business length. The open feedback deadline moves on by the business time. */
  resume(complaint: Complaint, at: Date): { pausedMs: number; pausedBusinessMs: number } {
    const since = complaint.waitingSince ?? at;
    const pausedMs = Math.max(0, at.getTime() - since.getTime());
    const pausedBusinessMs = this.settings.calendar.between(since, at);
    complaint.waitingSince = null;
    complaint.pausedMs += pausedMs;
    if (!complaint.feedbackGivenAt) {
      complaint.feedbackPausedMs += pausedBusinessMs;
      complaint.feedbackDueAt = this.settings.calendar.add(complaint.feedbackStartedAt, complaint.feedbackTargetMs + complaint.feedbackPausedMs);
    }
    return { pausedMs, pausedBusinessMs };
  }

  deadlines(complaint: Complaint, now: Date): ComplaintDeadline[] {
    const list: ComplaintDeadline[] = [
      this.deadline(DeadlineKind.FEEDBACK, complaint.feedbackStartedAt, complaint.feedbackDueAt, complaint.feedbackGivenAt, complaint.feedbackBreachedAt, complaint.waitingSince !== null, now),
    ];
    if (complaint.dotAcknowledgmentDueAt) {
      list.push(this.deadline(DeadlineKind.DOT_ACKNOWLEDGMENT, complaint.createdAt, complaint.dotAcknowledgmentDueAt, complaint.dotAcknowledgedAt, complaint.dotAcknowledgmentBreachedAt, false, now));
    }
    if (complaint.dotResponseDueAt) {
      list.push(this.deadline(DeadlineKind.DOT_RESPONSE, complaint.createdAt, complaint.dotResponseDueAt, complaint.dotRespondedAt, complaint.dotResponseBreachedAt, false, now));
    }
    return list;
  }

  private deadline(kind: DeadlineKind, startedAt: Date, dueAt: Date, metAt: Date | null, breachedAt: Date | null, paused: boolean, now: Date): ComplaintDeadline {
    let state: DeadlineState;
    if (metAt) state = metAt.getTime() > dueAt.getTime() ? DeadlineState.MET_LATE : DeadlineState.MET;
    else if (paused) state = DeadlineState.PAUSED;
    else if (now.getTime() >= dueAt.getTime()) state = DeadlineState.BREACHED;
    else if (now.getTime() >= this.atRiskFrom(startedAt, dueAt)) state = DeadlineState.AT_RISK;
    else state = DeadlineState.ON_TRACK;
    return { kind, dueAt, metAt, breachedAt, state };
  }

  private atRiskFrom(startedAt: Date, dueAt: Date): number {
    const span = dueAt.getTime() - startedAt.getTime();
    return dueAt.getTime() - (span * this.settings.atRiskPercent) / 100;
  }
}

/*
 * SQL over the deadline columns of `complaint` (under `alias`), for the list filters; `:now` is
 * bound by the caller. A deadline is breached when it passed unmet (and not paused) or was met late.
 */
export function breachedSql(alias: string): string {
  return `(${DEADLINE_COLUMNS.map(
    (d) =>
      `${alias}.${d.breached} IS NOT NULL OR ${alias}.${d.met} > ${alias}.${d.due} OR (${alias}.${d.met} IS NULL AND ${alias}.${d.due} <= :now${d.pausable ? ` AND ${alias}.waiting_since IS NULL` : ''})`,
  ).join(' OR ')})`;
}

export function atRiskSql(alias: string): string {
  return `(${DEADLINE_COLUMNS.map(
    (d) =>
      `(${alias}.${d.met} IS NULL AND ${alias}.${d.due} > :now${d.pausable ? ` AND ${alias}.waiting_since IS NULL` : ''}` +
      ` AND ${alias}.${d.due} - (${alias}.${d.due} - ${alias}.${d.start}) * (CAST(:atRiskPercent AS float8) / 100) <= :now)`,
  ).join(' OR ')})`;
}
